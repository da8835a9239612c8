/**
 * Moving the keyboard focus around the checklist table, and noticing when it was lost. Column 0 is the row itself (as in the app's
 * other tables); columns 1… are the steps' checkboxes or enrolment marks. Up and down keep
 * the column, so a person can go down one step for every unit of a delivery with the arrow
 * keys and Space.
 */
import { nextRowIndex } from "../lib/rovingRows";

export type GridCell = { readonly row: number; readonly col: number };

/** Where `key` moves the focus from `from` in a table of `rows` × `cols`; null for keys that do not move it. */
export function nextGridCell(key: string, from: GridCell, rows: number, cols: number, page: number): GridCell | null {
  if (rows === 0 || cols === 0) return null;
  if (key === "ArrowLeft" || key === "ArrowRight") {
    const col = from.col + (key === "ArrowLeft" ? -1 : 1);
    return { row: from.row, col: Math.max(0, Math.min(col, cols - 1)) };
  }
  const row = nextRowIndex(key, from.row, rows, page);
  return row === null ? null : { row, col: Math.min(from.col, cols - 1) };
}

/** The parts of the focused element `focusLost` reads. */
type Focused = { readonly isConnected: boolean; matches: (selector: string) => boolean };

/**
 * Whether the keyboard focus has gone from where a person put it: to the page itself, or it
 * still sits on an element that was removed or disabled (the browser moves it away from such
 * an element only at its next rendering). Then the view may put it somewhere useful again.
 */
export function focusLost(active: Focused | null, body: unknown): boolean {
  return active === null || active === body || !active.isConnected || active.matches(":disabled");
}
