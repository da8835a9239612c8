/**
 * The core's refusals of a repair form, placed at the field they name and worded again in
 * the user's language: the core words them in English (shown under "Show details"), so the
 * few that need telling apart within a field are told apart by their message.
 */
import type { ErrorPayload } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";

export type Refusal<F extends string> = { readonly field: F; readonly key: MessageKey };

/** Fields of the new-case form a refusal can name. */
export type CaseField = "device_id" | "fault" | "reported_by" | "reported_at";
/** Fields of the record-event form a refusal can name. */
export type EventField = "at" | "event" | "unit_id" | "note";

const CASE_FIELDS: readonly string[] = ["device_id", "fault", "reported_by", "reported_at"] satisfies CaseField[];
const EVENT_FIELDS: readonly string[] = ["at", "event", "unit_id", "note"] satisfies EventField[];

/** Wording shared by the text fields and the times of both forms, and of the incident forms. */
export function commonRefusal(message: string): MessageKey | null {
  if (/\bis required\b/i.test(message)) return "repairs.refused.required";
  if (/\blonger than\b/i.test(message)) return "repairs.refused.tooLong";
  if (/\bin the future\b/i.test(message)) return "repairs.refused.future";
  if (/\bis a closed day\b/i.test(message)) return "repairs.refused.closedDay";
  if (/\bcannot be earlier than\b/i.test(message)) return "repairs.refused.earlier";
  if (/\boutside the working-day calendar\b/i.test(message)) return "repairs.refused.calendar";
  return null;
}

/** Where and how to show a refusal of opening a case; `null` when it names no field of the form. */
export function caseRefusal(error: ErrorPayload): Refusal<CaseField> | null {
  const { field } = error;
  if (field === null || !CASE_FIELDS.includes(field)) return null;
  const caseField = field as CaseField;
  if (error.code !== "invalid_input") return { field: caseField, key: `error.${error.code}` };
  if (/already has an open repair case/i.test(error.message)) return { field: caseField, key: "repairs.refused.alreadyOpen" };
  if (/can be repaired/i.test(error.message)) return { field: caseField, key: "repairs.refused.notRepairable" };
  return { field: caseField, key: commonRefusal(error.message) ?? "repairs.refused.invalid" };
}

/** Where and how to show a refusal of recording an event; `null` when it names no field of the form. */
export function eventRefusal(error: ErrorPayload): Refusal<EventField> | null {
  const { field } = error;
  if (field === null || !EVENT_FIELDS.includes(field)) return null;
  const eventField = field as EventField;
  if (error.code === "no_pool_unit") return { field: eventField, key: "repairs.refused.noPoolUnit" };
  if (error.code !== "invalid_input") return { field: eventField, key: `error.${error.code}` };
  if (/recorded this step meanwhile/i.test(error.message)) return { field: eventField, key: "repairs.refused.meanwhile" };
  if (/is not available in the swap pool/i.test(error.message)) return { field: eventField, key: "repairs.refused.unitGone" };
  if (/the case is closed/i.test(error.message)) return { field: eventField, key: "repairs.refused.closed" };
  return { field: eventField, key: commonRefusal(error.message) ?? "repairs.refused.invalid" };
}
