/**
 * The incident report's figures as the preview shows them, the same as its PDF and CSV: the
 * shares of a tally, and the cases per week as bars against the busiest week.
 */
import type { Language, IncidentReportRequest, Tally, WeekFigures } from "../bindings";

/** Cases inside the agreement as a share of those decided (inside or outside); `null` with none decided. */
export function insideShare(tally: Tally): number | null {
  const decided = tally.inside + tally.outside;
  return decided > 0 ? tally.inside / decided : null;
}

/** Completed cases solved without leaving first line, as a share of the completed; `null` with none. */
export function firstLineShare(tally: Tally): number | null {
  return tally.completed > 0 ? tally.first_line / tally.completed : null;
}

export type WeekBar = WeekFigures & {
  /** The bar's length, 0..1 of the busiest week's. */
  readonly length: number;
};

/** Each week's cases as a bar; a month without cases has bars of no length. */
export function weekBars(weeks: readonly WeekFigures[]): WeekBar[] {
  const most = weeks.reduce((highest, week) => Math.max(highest, week.cases), 0);
  return weeks.map((week) => ({ ...week, length: most === 0 ? 0 : week.cases / most }));
}

/** The report asked for: an organisation unit typed with stray spaces is that unit, an empty one all. */
export function reportRequest(
  month: string,
  orgUnit: string,
  agreement: string | null,
  language: Language,
): IncidentReportRequest {
  const unit = orgUnit.trim();
  return { month, org_unit: unit === "" ? null : unit, agreement, language };
}
