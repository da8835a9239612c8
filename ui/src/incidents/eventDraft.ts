/**
 * The form that records a step of an incident: when, and what the step needs besides (the line
 * an escalation goes to, what a pause waits for, how a completed case was solved), and a note.
 */
import type { IncidentEvent, IncidentEventForm, PauseReason, SupportLine } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { fromLocalInput } from "../lib/localTime";
import { MAX_DESCRIPTION } from "./incidentDraft";

/** The longest note the core keeps; a resolution may be as long as a description. */
export const MAX_NOTE = 2000;
export const MAX_RESOLUTION = MAX_DESCRIPTION;

export type EventDraft = {
  readonly event: IncidentEvent;
  /** The `datetime-local` value; only sent once changed, else the step happens "now" as the core reads it. */
  readonly at: string;
  readonly atTouched: boolean;
  readonly line: SupportLine | null;
  readonly reason: PauseReason | null;
  readonly note: string;
  readonly resolution: string;
};

/** The form's fields in the order it shows them, so the first problem is the one focused. */
export const EVENT_FORM_ORDER = ["at", "line", "reason", "resolution", "note"] as const;
export type EventFormField = (typeof EVENT_FORM_ORDER)[number];

export type EventProblems = Partial<Record<EventFormField, MessageKey>>;

export type EventCheck =
  | { readonly ok: true; readonly form: IncidentEventForm }
  | { readonly ok: false; readonly problems: EventProblems };

/** Which of the step's own fields the form shows. */
export function eventFields(event: IncidentEvent): { line: boolean; reason: boolean; resolution: boolean } {
  return { line: event === "escalated", reason: event === "paused", resolution: event === "completed" };
}

export function checkEventDraft(draft: EventDraft): EventCheck {
  const fields = eventFields(draft.event);
  const problems: EventProblems = {};
  const at = draft.atTouched ? fromLocalInput(draft.at) : null;
  const note = draft.note.trim();
  const resolution = draft.resolution.trim();
  if (draft.atTouched && at === null) problems.at = "repairs.record.problem.at";
  if (fields.line && draft.line === null) problems.line = "incidents.record.problem.line";
  if (fields.reason && draft.reason === null) problems.reason = "incidents.record.problem.reason";
  if (fields.resolution && resolution === "") problems.resolution = "incidents.record.problem.resolution";
  else if (fields.resolution && [...resolution].length > MAX_RESOLUTION) problems.resolution = "repairs.refused.tooLong";
  if ([...note].length > MAX_NOTE) problems.note = "repairs.refused.tooLong";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    form: {
      event: draft.event,
      at,
      line: fields.line ? draft.line : null,
      reason: fields.reason ? draft.reason : null,
      note: note === "" ? null : note,
      resolution: fields.resolution ? resolution : null,
    },
  };
}

/** The first field with a problem, in the form's order. */
export function firstEventProblem(problems: EventProblems): EventFormField | null {
  return EVENT_FORM_ORDER.find((field) => problems[field] !== undefined) ?? null;
}
