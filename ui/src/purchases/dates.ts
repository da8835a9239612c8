/**
 * Calendar dates of purchases. A purchase date is a day (`2024-03-15`), not an instant, so it
 * is read and counted as a day in the calendar: no time zone can move it to the day before.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type CalendarDate = { readonly year: number; readonly month: number; readonly day: number };

/** `YYYY-MM-DD` as a day of the calendar; `null` for anything else, or a day that does not exist. */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** `month` 1..12. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function utcMs({ year, month, day }: CalendarDate): number {
  return Date.UTC(year, month - 1, day);
}

/** The day `now` falls on in this computer's time zone. */
export function localDay(now: Date): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/** The day `now` falls on in this computer's time zone, as `YYYY-MM-DD`: a date input's value. */
export function isoDay(now: Date): string {
  const { year, month, day } = localDay(now);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Whole days from `isoDate` to the day `today` falls on (this computer's time zone): 0 on the
 * day itself, and for a date ahead of today. `null` when the date cannot be read.
 */
export function daysSince(isoDate: string, today: Date): number | null {
  const date = parseIsoDate(isoDate);
  if (date === null) return null;
  const days = Math.round((utcMs(localDay(today)) - utcMs(date)) / DAY_MS);
  return Math.max(0, days);
}

/**
 * Whole days from the day `today` falls on (this computer's time zone) to `isoDate`: 0 on the
 * day itself, negative once it has passed. `null` when the date cannot be read.
 */
export function daysUntil(isoDate: string, today: Date): number | null {
  const date = parseIsoDate(isoDate);
  if (date === null) return null;
  return Math.round((utcMs(date) - utcMs(localDay(today))) / DAY_MS);
}

/** True once the day `today` falls on (this computer's time zone) is after `isoDate`. */
export function isPastDate(isoDate: string, today: Date): boolean {
  const date = parseIsoDate(isoDate);
  return date !== null && utcMs(localDay(today)) > utcMs(date);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The day in the locale's short form ("2024-03-15" in Swedish); unreadable text as given. */
export function formatDate(isoDate: string, locale: string): string {
  const date = parseIsoDate(isoDate);
  if (date === null) return isoDate;
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
    dateFormats.set(locale, format);
  }
  return format.format(utcMs(date));
}
