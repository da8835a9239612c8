/**
 * The months an SLA report can be asked for (`YYYY-MM`, as the core takes them) and how they
 * and the report's figures read.
 */

const pad = (value: number) => String(value).padStart(2, "0");

/** The month `months` before the one `now` falls on (this computer's time zone), as `YYYY-MM`. */
function monthBefore(now: Date, months: number): string {
  const date = new Date(now.getFullYear(), now.getMonth() - months, 1);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The report opens on the last whole month: the one a monthly follow-up is about. */
export function previousMonth(now: Date): string {
  return monthBefore(now, 1);
}

/** The month picker's choices, newest first: this month (so far) and the `count - 1` before it. */
export function recentMonths(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, index) => monthBefore(now, index));
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "februari 2026" / "February 2026"; unreadable text as given. */
export function monthLabel(month: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) return month;
  let format = monthFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" });
    monthFormats.set(locale, format);
  }
  return format.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

const shareFormats = new Map<string, Intl.NumberFormat>();

/** A share with one decimal, as SLA follow-ups quote it: "93,5 %" in Swedish. */
export function formatShare(ratio: number, locale: string): string {
  let format = shareFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
    shareFormats.set(locale, format);
  }
  return format.format(ratio);
}

const dayFormats = new Map<string, Intl.NumberFormat>();

/** Working days with at most one decimal (a median can fall between two cases): "2,5". */
export function formatWorkingDays(days: number, locale: string): string {
  let format = dayFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    dayFormats.set(locale, format);
  }
  return format.format(days);
}
