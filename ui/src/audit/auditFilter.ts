import type { AuditFilter } from "../bindings";

/**
 * The audit view's filter as the form holds it: plain text, dates as `<input type=date>`
 * gives them (`2026-03-15`, or "" when empty).
 */
export type AuditFilterForm = {
  readonly actor: string;
  /** One of `AUDIT_ENTITIES`, or "" for every kind of record. */
  readonly entity: string;
  readonly entityId: string;
  readonly text: string;
  readonly from: string;
  readonly until: string;
};

export const EMPTY_AUDIT_FORM: AuditFilterForm = { actor: "", entity: "", entityId: "", text: "", from: "", until: "" };

/**
 * The kinds of record the filter offers, as the store writes them into the log's `entity`
 * column (crates/flotta-store: `"setting"` in the singular).
 */
export const AUDIT_ENTITIES = ["device", "connection", "purchases", "setting"] as const;
export type AuditEntityFilter = (typeof AUDIT_ENTITIES)[number];

/** The most entries the backend returns to the view (its `VIEW_LIMIT`); an export takes them all. */
export const AUDIT_VIEW_LIMIT = 1000;

/** `year`, `month` 1–12 and `day` of a `YYYY-MM-DD` that exists in the calendar, else `null`. */
function readDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = utcDate(year, month, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Midnight UTC of a day; `setUTCFullYear` so years before 100 are not read as 19xx. */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function iso(date: Date): string | null {
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T00:00:00Z`;
}

/** The start of a from-date: that day 00:00 UTC. `null` for an empty or impossible date. */
export function dayStartUtc(date: string): string | null {
  const day = readDate(date);
  return day === null ? null : iso(utcDate(day.year, day.month, day.day));
}

/**
 * The (exclusive) end of a to-date, so the day itself is included: the next day 00:00 UTC.
 * `null` for an empty or impossible date.
 */
export function dayAfterUtc(date: string): string | null {
  const day = readDate(date);
  return day === null ? null : iso(utcDate(day.year, day.month, day.day + 1));
}

function textOrNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** What the backend is asked for; every part left empty matches everything. */
export function toAuditFilter(form: AuditFilterForm): AuditFilter {
  return {
    actor: textOrNull(form.actor),
    entity: textOrNull(form.entity),
    entity_id: textOrNull(form.entityId),
    text: textOrNull(form.text),
    from: dayStartUtc(form.from),
    until: dayAfterUtc(form.until),
  };
}

/** True when the from-date lies after the to-date, so nothing can match. */
export function rangeInverted(form: AuditFilterForm): boolean {
  const from = dayStartUtc(form.from);
  const until = dayStartUtc(form.until);
  return from !== null && until !== null && from > until;
}

/** True when any part of the filter narrows the log. */
export function isFiltered(form: AuditFilterForm): boolean {
  return Object.values(toAuditFilter(form)).some((part) => part !== null);
}
