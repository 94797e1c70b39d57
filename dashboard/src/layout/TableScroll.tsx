import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a phone instead of squeezing. The scrolling box is a named,
 * focusable region so a keyboard can scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
