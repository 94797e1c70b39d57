import type { MessageKey } from './en';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; a missing value stays visible rather than silently empty. */
function interpolate(template: string, values: Record<string, string | number> | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `t` over one catalogue. */
export const translator =
  (catalogue: Record<MessageKey, string>): Translate =>
  (key, values) =>
    interpolate(catalogue[key], values);
