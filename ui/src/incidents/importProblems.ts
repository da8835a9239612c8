/**
 * Why the helpdesk import refuses a row, in the user's words. The core names each problem in
 * English (kept as the row's tooltip) and tells the rows apart by field, so the few problems a
 * field can have are told apart by their message, as the forms' refusals are.
 */
import type { IncidentRowProblem } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import type { Translator } from "../i18n/translator";

/** The core's messages (`flotta-import`'s incident rows and dates, the timeline's rules), by what they say. */
const ROW_PROBLEMS: readonly (readonly [RegExp, MessageKey])[] = [
  [/^is empty$/i, "incidents.import.problem.empty"],
  [/\bis not a date and time\b/i, "incidents.import.problem.noTime"],
  [/\bis not a date\b/i, "incidents.import.problem.notADate"],
  [/\bis not a day in the calendar\b/i, "incidents.import.problem.impossible"],
  [/\bbefore the case was received\b/i, "incidents.import.problem.beforeReceived"],
  [/\bbefore the first response\b/i, "incidents.import.problem.beforeResponse"],
  [/\bbefore the case's latest event\b/i, "incidents.import.problem.beforeLast"],
  [/\bis not a support line\b/i, "incidents.import.problem.notALine"],
  [/\bis in the file twice\b/i, "incidents.import.problem.twice"],
  [/\blonger than\b/i, "incidents.import.problem.tooLong"],
];

/** A cell's text as the core quotes it (`"…"`, with `\"` inside), which could say anything. */
const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/** The problem's wording; `null` for a problem this build does not know. */
export function rowProblemKey(problem: IncidentRowProblem): MessageKey | null {
  const said = problem.problem.replace(QUOTED, "…");
  return ROW_PROBLEMS.find(([pattern]) => pattern.test(said))?.[1] ?? null;
}

/** The problem in the user's language, or as the core words it when this build does not know it. */
export function rowProblemText(problem: IncidentRowProblem, i18n: Pick<Translator, "t">): string {
  const key = rowProblemKey(problem);
  return key === null ? problem.problem : i18n.t(key);
}
