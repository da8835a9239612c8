import type { Language } from "../bindings";
import { en } from "./en";
import { localeFor } from "./language";
import { sv } from "./sv";

const JUST_NOW: Readonly<Record<Language, string>> = { en: en["time.justNow"], sv: sv["time.justNow"] };

export type Formatter = {
  readonly locale: string;
  number: (value: number) => string;
  /** `ratio` 0..1; one decimal below 10 % so small shares do not read as 0 %. */
  percent: (ratio: number) => string;
  /** Date and time in the machine's time zone; unparsable input is shown as given. */
  dateTime: (iso: string) => string;
  /**
   * Date and time on Swedish time, whatever this computer's zone: support agreements count
   * their windows by the clock in Sweden, so a case's times are read by it too.
   */
  swedishDateTime: (iso: string) => string;
  /**
   * "3 days ago" / "för 3 dagar sedan". Never in the future: a time up to a minute ago, or
   * ahead of this computer's clock (another machine's clock runs a little fast), is "just now".
   */
  relative: (iso: string, now: Date) => string;
};

export type FormatterOptions = {
  /** Only for tests, which must not depend on the machine's zone. */
  timeZone?: string;
};

/** The zone support agreements' windows are counted in. */
const SWEDISH_TIME_ZONE = "Europe/Stockholm";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function createFormatter(language: Language, options: FormatterOptions = {}): Formatter {
  const locale = localeFor(language);
  const numberFormat = new Intl.NumberFormat(locale);
  const percentSmall = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const percentLarge = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const dateTimeOptions: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  };
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { ...dateTimeOptions, timeZone: options.timeZone });
  const swedishFormat = new Intl.DateTimeFormat(locale, { ...dateTimeOptions, timeZone: SWEDISH_TIME_ZONE });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });

  return {
    locale,
    number: (value) => numberFormat.format(value),
    percent: (ratio) => (ratio < 0.1 ? percentSmall : percentLarge).format(ratio),
    dateTime(iso) {
      const time = Date.parse(iso);
      return Number.isNaN(time) ? iso : dateTimeFormat.format(time);
    },
    swedishDateTime(iso) {
      const time = Date.parse(iso);
      return Number.isNaN(time) ? iso : swedishFormat.format(time);
    },
    relative(iso, now) {
      const time = Date.parse(iso);
      if (Number.isNaN(time)) return "";
      const diff = time - now.getTime();
      if (diff > -MINUTE) return JUST_NOW[language];
      const abs = -diff;
      if (abs < HOUR) return relativeFormat.format(Math.round(diff / MINUTE), "minute");
      if (abs < DAY) return relativeFormat.format(Math.round(diff / HOUR), "hour");
      if (abs < 30 * DAY) return relativeFormat.format(Math.round(diff / DAY), "day");
      if (abs < 365 * DAY) return relativeFormat.format(Math.round(diff / (30 * DAY)), "month");
      return relativeFormat.format(Math.round(diff / (365 * DAY)), "year");
    },
  };
}

/** Mirrors the backend's definition of a stale device for row highlighting. */
export const STALE_AFTER_MS = 30 * DAY;

export function isStale(lastCheckIn: string | null, now: Date): boolean {
  if (lastCheckIn === null) return true;
  const time = Date.parse(lastCheckIn);
  return Number.isNaN(time) ? false : now.getTime() - time > STALE_AFTER_MS;
}
