import type { DueCount, Quarter, QuarterForecast } from "../bindings";
import type { Translator } from "../i18n/translator";

/** "2027 K1" in Swedish, "2027 Q1" in English. */
export function quarterLabel(quarter: Quarter, i18n: Pick<Translator, "t">): string {
  return i18n.t("warranty.quarter", { year: String(quarter.year), quarter: String(quarter.quarter) });
}

/** A stable key for a quarter, for React and for tests: "2027-Q1". */
export function quarterKey(quarter: Quarter): string {
  return `${quarter.year}-Q${quarter.quarter}`;
}

/** How the forecast table splits each quarter. */
export type ForecastSplit = "none" | "org_unit" | "model";

export const FORECAST_SPLITS: readonly ForecastSplit[] = ["none", "org_unit", "model"];

/** A quarter's groups under `split`, largest first as the backend sends them. */
export function forecastGroups(quarter: QuarterForecast, split: ForecastSplit): readonly (readonly [string, DueCount])[] {
  switch (split) {
    case "none":
      return [];
    case "org_unit":
      return quarter.by_org_unit;
    case "model":
      return quarter.by_model;
  }
}

/** Units due over the whole forecast. */
export function totalUnits(quarters: readonly QuarterForecast[]): number {
  return quarters.reduce((sum, quarter) => sum + quarter.total.units, 0);
}

/**
 * A calendar day (`2026-03-02`, no time of day) in the locale's short form; unreadable text
 * as given. Read as a day, so no time zone moves it to the day before.
 */
export function formatDay(isoDate: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (match === null) return isoDate;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }).format(
    date,
  );
}
