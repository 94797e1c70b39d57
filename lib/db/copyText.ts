/**
 * One line of PostgreSQL's COPY text format: columns separated by tabs, `\N` for null, and the
 * four characters that would break a line or a column (backslash, tab, newline, carriage
 * return) escaped. Device-supplied text (an event id) goes through here, so nothing it holds can
 * end a row early or shift a column.
 */
export function copyTextLine(values: ReadonlyArray<string | number | null>): string {
  let line = '';
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (i > 0) line += '\t';
    line += value === null ? '\\N' : typeof value === 'number' ? String(value) : escapeCopyText(value);
  }
  return `${line}\n`;
}

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeCopyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL, (character) => ESCAPES[character]!) : value;
}
