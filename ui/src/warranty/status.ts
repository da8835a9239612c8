/**
 * Where a unit's warranty stands, and the organisation's notice period that decides when a
 * warranty counts as expiring. The core counts and filters by the same rule; the UI needs it
 * only to tint a date, so the two may differ for an hour or two around midnight (the core
 * reads the day in UTC, the table in this computer's time zone).
 */
import type { WarrantyStatus } from "../bindings";
import { daysUntil } from "../purchases/dates";

/** In the order a warranty passes through them, with "unknown" last: how lists and cards show them. */
export const WARRANTY_STATUSES = [
  "active",
  "expiring",
  "expired",
  "unknown",
] as const satisfies readonly WarrantyStatus[];

/** The core's default notice period, used only when the settings could not be read. */
export const DEFAULT_EXPIRING_WITHIN_DAYS = 90;

/** The notice periods the core accepts (it refuses others with `invalid_input`). */
export const MIN_EXPIRING_WITHIN_DAYS = 1;
export const MAX_EXPIRING_WITHIN_DAYS = 730;

/**
 * The status of a warranty covering up to and including `end` on the day `today` falls on:
 * expiring when at most `expiringWithinDays` days are left, as the core decides it.
 */
export function warrantyStatus(end: string | null, today: Date, expiringWithinDays: number): WarrantyStatus {
  if (end === null) return "unknown";
  const left = daysUntil(end, today);
  if (left === null) return "unknown";
  if (left < 0) return "expired";
  return left <= expiringWithinDays ? "expiring" : "active";
}

/** A notice period typed by the user: a whole number of days the core accepts, else `null`. */
export function parseExpiringWithinDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= MIN_EXPIRING_WITHIN_DAYS && days <= MAX_EXPIRING_WITHIN_DAYS ? days : null;
}

/** A value of the inventory's warranty filter this build knows (from a select, or a saved view). */
export function isWarrantyStatus(value: unknown): value is WarrantyStatus {
  return typeof value === "string" && (WARRANTY_STATUSES as readonly string[]).includes(value);
}
