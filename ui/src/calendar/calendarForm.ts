/**
 * The calendar settings as their fields edit them: the SLA cut-off time, the at-risk margin,
 * the year shown and a new closure day.
 */
import type { CalendarDay, Holiday } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { parseIsoDate } from "../purchases/dates";

/** The years the core's working-day calendar knows. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

/** The at-risk margins the core accepts, in working days. */
export const MIN_AT_RISK_DAYS = 0;
export const MAX_AT_RISK_DAYS = 10;

/** The longest name of a closure day the core keeps. */
export const MAX_CLOSURE_NAME = 100;

export function clampYear(year: number): number {
  return Math.min(LAST_YEAR, Math.max(FIRST_YEAR, year));
}

/** The core's cut-off ("16:00:00") as a time input's value ("16:00"). */
export function cutoffForInput(cutoff: string): string {
  return /^\d{2}:\d{2}/.exec(cutoff)?.[0] ?? cutoff;
}

/** A time input's value ("16:00") as the core takes it ("16:00:00"); `null` when it is no time of day. */
export function parseCutoff(text: string): string | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text.trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? `${match[1]}:${match[2]}:00` : null;
}

/** A margin typed by the user: whole working days from 0 to 10, else `null`. */
export function parseAtRiskDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= MIN_AT_RISK_DAYS && days <= MAX_AT_RISK_DAYS ? days : null;
}

export type ClosureDraft = { readonly date: string; readonly name: string };

export type ClosureProblems = { readonly date?: MessageKey; readonly name?: MessageKey };

/** What keeps a new closure day from being added, by field; empty when it can be. */
export function closureProblems(draft: ClosureDraft): ClosureProblems {
  const date = parseIsoDate(draft.date);
  const name = draft.name.trim();
  return {
    ...(date === null
      ? { date: "calendar.closure.problem.date" as const }
      : date.year < FIRST_YEAR || date.year > LAST_YEAR
        ? { date: "calendar.closure.problem.year" as const }
        : {}),
    ...(name === ""
      ? { name: "calendar.closure.problem.name" as const }
      : [...name].length > MAX_CLOSURE_NAME
        ? { name: "calendar.closure.problem.nameLong" as const }
        : {}),
  };
}

export function holidayKey(holiday: Holiday): MessageKey {
  return `calendar.holiday.${holiday}`;
}

/** A closed day's name: Sweden's holiday in the user's language, or the organisation's own name. */
export function dayName(day: CalendarDay, t: (key: MessageKey) => string): string {
  if (day.holiday !== null) return t(holidayKey(day.holiday));
  return day.organisation_name ?? "";
}
