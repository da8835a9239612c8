import type { DeviceRow, SortColumn } from "../bindings";
import type { Translator } from "../i18n/translator";
import { isStale } from "../i18n/format";

export type Cell = { text: string; title?: string; tone?: "good" | "warn" | "bad" | "muted" };

export type Column = {
  id: SortColumn;
  /**
   * Relative width. The table uses fixed layout so rows never shift while blocks
   * load, and shares its width out by these weights so all columns fit at 1280 px.
   */
  width: number;
  numeric?: boolean;
  cell: (row: DeviceRow, i18n: Translator, now: Date) => Cell;
};

const text = (value: string | null, i18n: Translator): Cell =>
  value === null || value === "" ? { text: i18n.t("value.none"), tone: "muted" } : { text: value, title: value };

/** A unit with neither serial nor IMEI is flagged where its serial would be. */
function serialCell(row: DeviceRow, i18n: Translator): Cell {
  if (row.serial === "" && row.imei === null) {
    return { text: i18n.t("value.noHardwareId"), title: i18n.t("value.noHardwareIdHint"), tone: "warn" };
  }
  return text(row.serial, i18n);
}

const COMPLIANCE_TONE = {
  compliant: "good",
  noncompliant: "bad",
  in_grace_period: "warn",
  unknown: "muted",
} as const satisfies Record<DeviceRow["compliance"], Cell["tone"]>;

export const COLUMNS: readonly Column[] = [
  { id: "serial", width: 120, cell: (row, i18n) => serialCell(row, i18n) },
  { id: "imei", width: 128, numeric: true, cell: (row, i18n) => text(row.imei, i18n) },
  { id: "manufacturer", width: 70, cell: (row, i18n) => text(row.manufacturer, i18n) },
  { id: "model", width: 102, cell: (row, i18n) => text(row.model, i18n) },
  { id: "os", width: 62, cell: (row, i18n) => ({ text: i18n.enumLabel("os", row.os) }) },
  { id: "os_version", width: 70, numeric: true, cell: (row, i18n) => text(row.os_version, i18n) },
  { id: "ownership", width: 90, cell: (row, i18n) => ({ text: i18n.enumLabel("ownership", row.ownership) }) },
  { id: "user", width: 100, cell: (row, i18n) => text(row.user_name, i18n) },
  { id: "org_unit", width: 98, cell: (row, i18n) => text(row.org_unit, i18n) },
  { id: "lifecycle", width: 88, cell: (row, i18n) => ({ text: i18n.enumLabel("lifecycle", row.lifecycle) }) },
  {
    id: "compliance",
    width: 100,
    cell: (row, i18n) => ({
      text: i18n.enumLabel("compliance", row.compliance),
      tone: COMPLIANCE_TONE[row.compliance],
    }),
  },
  {
    id: "last_check_in",
    width: 136,
    numeric: true,
    cell(row, i18n, now) {
      if (row.last_check_in === null) return { text: i18n.t("value.never"), tone: "warn" };
      const stale = isStale(row.last_check_in, now);
      return {
        text: i18n.format.dateTime(row.last_check_in),
        title: i18n.format.relative(row.last_check_in, now) + (stale ? ` · ${i18n.t("inventory.stale")}` : ""),
        tone: stale ? "warn" : undefined,
      };
    },
  },
];

/** Relative width of the leading jailbreak marker column (about 24 px at 1280). */
const MARKER_WEIGHT = 24;

const TOTAL_WEIGHT = MARKER_WEIGHT + COLUMNS.reduce((sum, column) => sum + column.width, 0);

/** Plain percentages: calc() mixing % and px is unreliable on table columns. */
const percent = (weight: number) => `${((100 * weight) / TOTAL_WEIGHT).toFixed(3)}%`;

export const MARKER_COLUMN_WIDTH = percent(MARKER_WEIGHT);

export function columnWidth(column: Column): string {
  return percent(column.width);
}

/** Below this the table scrolls sideways instead of squeezing columns further. */
export const TABLE_MIN_WIDTH = 1100;
