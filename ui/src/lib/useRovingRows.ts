import { useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from "react";
import { nextRowIndex } from "./rovingRows";

const PAGE = 10;

/**
 * One tab stop per table: the rows take turns holding it, the arrow keys move it and
 * Enter opens the focused row, as in the device table. Buttons inside a row keep their keys.
 */
export function useRovingRows(count: number, onOpen: (index: number) => void) {
  const [focused, setFocused] = useState(0);
  const rows = useRef(new Map<number, HTMLTableRowElement>());
  const active = Math.min(focused, Math.max(count - 1, 0));

  const rowProps = (index: number) => ({
    ref: (element: HTMLTableRowElement | null) => {
      if (element) rows.current.set(index, element);
      else rows.current.delete(index);
    },
    tabIndex: index === active ? 0 : -1,
    "data-row-index": index,
    onFocus: (event: FocusEvent<HTMLTableRowElement>) => {
      if (event.target === event.currentTarget) setFocused(index);
    },
    onClick: (event: MouseEvent<HTMLTableRowElement>) => {
      // A click on a row's own button is that button's business.
      if ((event.target as HTMLElement).closest("button, a, input, select, textarea, summary")) return;
      setFocused(index);
      onOpen(index);
    },
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.altKey || event.metaKey || event.ctrlKey) return;
    const origin = event.target as HTMLElement;
    const index = Number(origin.dataset.rowIndex);
    if (origin.tagName !== "TR" || Number.isNaN(index)) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onOpen(index);
      return;
    }
    const next = nextRowIndex(event.key, index, count, PAGE);
    if (next === null) return;
    event.preventDefault();
    setFocused(next);
    rows.current.get(next)?.focus();
  };

  // `active` lets a row's own buttons take the tab stop after their row only, so a long table
  // is not one tab stop per row.
  return { rowProps, onKeyDown, active };
}
