import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { DeviceRow, SortColumn, SortSpec } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { useNow } from "../lib/useNow";
import { useAppData } from "../shell/appData";
import type { RowStore } from "./rowStore";
import { COLUMNS, MARKER_COLUMN_WIDTH, TABLE_MIN_WIDTH, columnWidth, isSortable, type CellContext } from "./columns";

/** Fixed heights keep scroll offsets pure arithmetic: no row is ever measured. */
export const ROW_HEIGHT = 34;
export const HEADER_HEIGHT = 40;

const OVERSCAN = 10;

/** Rows flown over while dragging the scrollbar are not worth a query. */
const FETCH_DELAY_MS = 40;

export type DeviceTableHandle = {
  /** Puts keyboard focus back on the table's current row, e.g. when the detail panel closes. */
  restoreFocus: () => void;
};

type Props = {
  store: RowStore;
  sort: SortSpec;
  selectedId: number | null;
  onSort: (column: SortColumn) => void;
  onOpen: (row: DeviceRow) => void;
  ref?: Ref<DeviceTableHandle>;
};

export function DeviceTable({ store, sort, selectedId, onSort, onOpen, ref }: Props) {
  const i18n = useI18n();
  const now = useNow();
  const { expiringWithinDays } = useAppData();
  const cellContext: CellContext = { now, expiringWithinDays };
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowElements = useRef(new Map<number, HTMLTableRowElement>());
  const pendingFocus = useRef<number | null>(null);

  const count = store.getDisplayCount();
  const total = store.getTotal();
  const generation = store.getGeneration();

  // The focused row belongs to one view; a new search starts again from the top.
  const [focus, setFocus] = useState({ generation, index: 0 });
  const focusedIndex = focus.generation === generation ? Math.min(focus.index, Math.max(count - 1, 0)) : 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders through its own state.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useLayoutEffect(() => {
    if (generation > 0) virtualizer.scrollToOffset(0);
  }, [generation, virtualizer]);

  useEffect(() => {
    const range = { start: firstIndex, end: lastIndex };
    if (store.getTotal() === null) {
      store.request(range);
      return;
    }
    const timer = setTimeout(() => store.request(range), FETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [store, firstIndex, lastIndex, total, generation]);

  // Focus follows the keyboard only once the target row has been rendered.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const element = rowElements.current.get(index);
    if (element) {
      element.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  /**
   * Chromium jumps the scroll position back when a focused element is unmounted while
   * scrolling away from it, and focus would fall to <body>. Parking focus on the scroll
   * container first avoids both; keyboard navigation continues from there.
   */
  const parkFocus = () => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest("tbody") && scrollRef.current?.contains(active)) {
      scrollRef.current.focus({ preventScroll: true });
    }
  };

  const moveFocus = (index: number) => {
    const next = Math.max(0, Math.min(index, count - 1));
    setFocus({ generation, index: next });
    pendingFocus.current = next;
    if (!rowElements.current.has(next)) parkFocus();
    virtualizer.scrollToIndex(next, { align: "auto" });
  };

  // Runs in the capture phase, before the virtualiser re-renders for the new offset.
  const onScrollCapture = () => {
    const element = scrollRef.current;
    const active = document.activeElement;
    if (!element || !(active instanceof HTMLElement)) return;
    const index = Number(active.dataset.rowIndex);
    if (Number.isNaN(index)) return;
    const first = Math.floor((element.scrollTop - HEADER_HEIGHT) / ROW_HEIGHT) - OVERSCAN + 1;
    const last = Math.ceil((element.scrollTop + element.clientHeight) / ROW_HEIGHT) + OVERSCAN - 1;
    if (index < first || index > last) parkFocus();
  };

  useImperativeHandle(ref, () => ({ restoreFocus: () => moveFocus(focusedIndex) }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0 || event.altKey || event.metaKey || event.ctrlKey) return;
    // Only rows and the container (focus parked there) navigate; header buttons keep their keys.
    const origin = event.target as HTMLElement;
    if (origin !== event.currentTarget && origin.dataset.rowIndex === undefined) return;
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const target: Partial<Record<string, number>> = {
      ArrowDown: focusedIndex + 1,
      ArrowUp: focusedIndex - 1,
      PageDown: focusedIndex + page,
      PageUp: focusedIndex - page,
      Home: 0,
      End: count - 1,
    };
    const next = target[event.key];
    if (next !== undefined) {
      event.preventDefault();
      moveFocus(next);
    } else if (event.key === "Enter" || event.key === " ") {
      const row = store.getRow(focusedIndex);
      event.preventDefault();
      if (row) onOpen(row);
    }
  };

  const paddingTop = items.length > 0 ? (items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT : 0;
  const paddingBottom =
    items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  const columnCount = COLUMNS.length + 1;

  return (
    <div
      ref={scrollRef}
      className="table-scroll"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onScrollCapture={onScrollCapture}
      style={{ ["--row-height" as string]: `${ROW_HEIGHT}px`, ["--header-height" as string]: `${HEADER_HEIGHT}px` }}
    >
      <table
        className="device-table"
        style={{ minWidth: TABLE_MIN_WIDTH }}
        aria-label={i18n.t("inventory.table.label")}
        aria-rowcount={total === null ? -1 : total + 1}
        aria-busy={total === null}
        aria-describedby="device-table-hint"
      >
        <colgroup>
          <col style={{ width: MARKER_COLUMN_WIDTH }} />
          {COLUMNS.map((column) => (
            <col key={column.id} style={{ width: columnWidth(column) }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="marker-cell" title={i18n.t("inventory.jailbrokenColumn")}>
              <span className="visually-hidden">{i18n.t("inventory.jailbrokenColumn")}</span>
              <span aria-hidden="true" className="marker-heading">
                !
              </span>
            </th>
            {COLUMNS.map((column) => {
              const label = i18n.t(`column.${column.id}`);
              const id = column.id;
              if (!isSortable(id)) {
                // Same testid pattern as the sortable headers, so every column is found alike.
                return (
                  <th key={id} scope="col" data-testid={`sort-${id}`} className="unsortable">
                    <span className="column-label">{label}</span>
                  </th>
                );
              }
              const active = sort.column === id;
              return (
                <th
                  key={id}
                  scope="col"
                  data-testid={`sort-${id}`}
                  aria-sort={active ? (sort.direction === "asc" ? "ascending" : "descending") : "none"}
                  className={active ? "sorted" : undefined}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => onSort(id)}
                    title={i18n.t("inventory.table.sortBy", { column: label })}
                  >
                    <span className="sort-label">{label}</span>
                    <span className="sort-indicator" aria-hidden="true">
                      {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr className="spacer" aria-hidden="true" style={{ height: paddingTop }}>
              <td colSpan={columnCount} />
            </tr>
          )}
          {items.map((item) => {
            const index = item.index;
            const row = store.getRow(index);
            // Keyed by position, not device id, so the focused element survives its block loading.
            const common = {
              ref: (element: HTMLTableRowElement | null) => {
                if (element) rowElements.current.set(index, element);
                else rowElements.current.delete(index);
              },
              tabIndex: index === focusedIndex ? 0 : -1,
              "aria-rowindex": index + 2,
              "data-row-index": index,
            };
            if (!row) {
              return (
                <tr key={index} {...common} data-testid="device-row-placeholder" className="placeholder-row">
                  <td colSpan={columnCount}>
                    <span className="visually-hidden">{i18n.t("inventory.table.loadingRow")}</span>
                    <span className="skeleton" aria-hidden="true" />
                  </td>
                </tr>
              );
            }
            return (
              <tr
                key={index}
                {...common}
                data-testid="device-row"
                data-id={row.id}
                data-serial={row.serial}
                className={row.id === selectedId ? "device-row selected" : "device-row"}
                aria-current={row.id === selectedId ? "true" : undefined}
                onMouseDown={(event) => {
                  // Native focus-on-click scrolls a wide row sideways into view; focus without scrolling instead.
                  if (event.button !== 0) return;
                  event.preventDefault();
                  event.currentTarget.focus({ preventScroll: true });
                }}
                onClick={() => {
                  setFocus({ generation, index });
                  onOpen(row);
                }}
              >
                <td className="marker-cell">
                  {row.jailbroken && (
                    <span
                      className="jailbreak-marker"
                      data-testid="jailbroken-marker"
                      role="img"
                      aria-label={i18n.t("inventory.jailbroken")}
                      title={i18n.t("inventory.jailbroken")}
                    >
                      !
                    </span>
                  )}
                </td>
                {COLUMNS.map((column) => {
                  const cell = column.cell(row, i18n, cellContext);
                  const classes = [column.numeric ? "num" : "", cell.tone ? `tone-${cell.tone}` : ""]
                    .filter(Boolean)
                    .join(" ");
                  return (
                    <td key={column.id} data-column={column.id} className={classes || undefined} title={cell.title}>
                      {cell.badge === undefined ? (
                        cell.text
                      ) : (
                        <span className="cert-badge" data-tone={cell.badge}>
                          {cell.text}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr className="spacer" aria-hidden="true" style={{ height: paddingBottom }}>
              <td colSpan={columnCount} />
            </tr>
          )}
        </tbody>
      </table>
      {total === 0 && <p className="table-empty">{i18n.t("inventory.table.empty")}</p>}
      <p id="device-table-hint" className="visually-hidden">
        {i18n.t("inventory.table.keyboardHint")}
      </p>
    </div>
  );
}
