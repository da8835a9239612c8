import type { DeviceRow, SortColumn, WarrantyStatus } from "../bindings";
import type { Translator } from "../i18n/translator";
import { isStale } from "../i18n/format";
import { statusLabel, type StatusTone } from "../models/certificationStatus";
import { formatDate } from "../purchases/dates";
import { warrantyStatus } from "../warranty/status";

export type Cell = {
  text: string;
  title?: string;
  tone?: "good" | "warn" | "bad" | "muted";
  /** Shown as the Models view's certification badge in this tone, rather than as plain text. */
  badge?: StatusTone;
};

/** What a cell may depend on besides its row. */
export type CellContext = {
  readonly now: Date;
  /** The organisation's warranty notice period, for tinting warranty ends. */
  readonly expiringWithinDays: number;
};

/** Columns the core cannot sort by; they have a heading but no sort button. */
const UNSORTABLE = ["certification"] as const;

export type ColumnId = SortColumn | (typeof UNSORTABLE)[number];

export function isSortable(id: ColumnId): id is SortColumn {
  return !(UNSORTABLE as readonly string[]).includes(id);
}

export type Column = {
  id: ColumnId;
  /**
   * Relative width. The table uses fixed layout so rows never shift while blocks load, and
   * shares its width out by these weights; roughly pixels at `TABLE_MIN_WIDTH`.
   */
  width: number;
  numeric?: boolean;
  cell: (row: DeviceRow, i18n: Translator, context: CellContext) => Cell;
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

/** The purchase's columns are empty for a unit no purchase matches; the hover says why. */
function noPurchase(i18n: Translator): Cell {
  return { text: i18n.t("value.none"), title: i18n.t("inventory.noPurchase"), tone: "muted" };
}

function purchaseDateCell(row: DeviceRow, i18n: Translator): Cell {
  if (row.purchase_date === null) return noPurchase(i18n);
  return { text: formatDate(row.purchase_date, i18n.format.locale) };
}

function supplierCell(row: DeviceRow, i18n: Translator): Cell {
  // Every purchase has a supplier (perhaps blank in the file); none at all means no purchase.
  return row.purchase_date === null ? noPurchase(i18n) : text(row.supplier, i18n);
}

/**
 * Tinted as the Warranty view colours its cards: amber within the notice period, red once
 * passed. The hover words the status, so the colour is never the only sign.
 */
const WARRANTY_TONE = {
  active: undefined,
  expiring: "warn",
  expired: "bad",
  unknown: "muted",
} as const satisfies Record<WarrantyStatus, Cell["tone"]>;

export function warrantyEndCell(row: DeviceRow, i18n: Translator, context: CellContext): Cell {
  if (row.purchase_date === null) return noPurchase(i18n);
  const days = i18n.format.number(context.expiringWithinDays);
  const status = warrantyStatus(row.warranty_end, context.now, context.expiringWithinDays);
  const label = i18n.enumLabel("warranty.kpi", status, { days });
  if (row.warranty_end === null) return { text: i18n.t("value.none"), title: label, tone: "muted" };
  const date = formatDate(row.warranty_end, i18n.format.locale);
  return { text: date, title: `${date} · ${label}`, tone: WARRANTY_TONE[status] };
}

/**
 * The model's certification as the Models view's badge. "Certified" drops its date to stay
 * narrow; the hover gives the full status.
 */
export function certificationCell(row: DeviceRow, i18n: Translator): Cell {
  const status = statusLabel(row.certification, i18n);
  const short = row.certification.state === "certified" ? i18n.enumLabel("certification", "certified") : status.text;
  return { text: short, title: status.text, badge: status.tone };
}

export const COLUMNS: readonly Column[] = [
  { id: "serial", width: 120, cell: (row, i18n) => serialCell(row, i18n) },
  { id: "imei", width: 128, numeric: true, cell: (row, i18n) => text(row.imei, i18n) },
  { id: "manufacturer", width: 70, cell: (row, i18n) => text(row.manufacturer, i18n) },
  { id: "model", width: 102, cell: (row, i18n) => text(row.model, i18n) },
  // Beside the model it belongs to: whether a unit may be handed out is read along with its model.
  { id: "certification", width: 136, cell: (row, i18n) => certificationCell(row, i18n) },
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
    cell(row, i18n, { now }) {
      if (row.last_check_in === null) return { text: i18n.t("value.never"), tone: "warn" };
      const stale = isStale(row.last_check_in, now);
      return {
        text: i18n.format.dateTime(row.last_check_in),
        title: i18n.format.relative(row.last_check_in, now) + (stale ? ` · ${i18n.t("inventory.stale")}` : ""),
        tone: stale ? "warn" : undefined,
      };
    },
  },
  // The purchase's columns last: they matter for budgets and replacement more than day to day.
  { id: "purchase_date", width: 100, numeric: true, cell: (row, i18n) => purchaseDateCell(row, i18n) },
  { id: "supplier", width: 100, cell: (row, i18n) => supplierCell(row, i18n) },
  { id: "warranty_end", width: 100, numeric: true, cell: warrantyEndCell },
];

/** Relative width of the leading jailbreak marker column (about 22 px at the minimum width). */
const MARKER_WEIGHT = 24;

const TOTAL_WEIGHT = MARKER_WEIGHT + COLUMNS.reduce((sum, column) => sum + column.width, 0);

/** Plain percentages: calc() mixing % and px is unreliable on table columns. */
const percent = (weight: number) => `${((100 * weight) / TOTAL_WEIGHT).toFixed(3)}%`;

export const MARKER_COLUMN_WIDTH = percent(MARKER_WEIGHT);

export function columnWidth(column: Column): string {
  return percent(column.width);
}

/**
 * Below this the table scrolls sideways instead of squeezing columns further: a little under
 * the total weight, so a date or an IMEI still fits its column. Sixteen columns do not fit a
 * 1280 px window; the serial and the model come first and stay in view.
 */
export const TABLE_MIN_WIDTH = 1490;
