/**
 * The core's refusals of the incident forms, placed at the field they name and worded again in
 * the user's language. The core words them in English (shown under "Show details"), so the few
 * that need telling apart within a field are told apart by their message, as for repairs.
 */
import type { ErrorPayload } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { caseRefusal, commonRefusal, type Refusal } from "../repairs/refusals";
import { EVENT_FORM_ORDER, type EventFormField } from "./eventDraft";
import { INCIDENT_FORM_ORDER, type IncidentFormField } from "./incidentDraft";

/** Fields of the record-step form a refusal can name; `event` is the step itself. */
export type IncidentEventField = EventFormField | "event";

function isOneOf<F extends string>(fields: readonly F[], field: string | null): field is F {
  return field !== null && (fields as readonly string[]).includes(field);
}

/** Where and how to show a refusal of logging a case; `null` when it names no field of the form. */
export function incidentRefusal(error: ErrorPayload): Refusal<IncidentFormField> | null {
  const { field, message } = error;
  if (!isOneOf(INCIDENT_FORM_ORDER, field)) return null;
  if (error.code !== "invalid_input") return { field, key: `error.${error.code}` };
  if (/\bis retired\b/i.test(message)) return { field, key: "incidents.refused.retired" };
  if (/\bthere is no category\b/i.test(message)) return { field, key: "incidents.refused.noCategory" };
  if (/\bchoose the agreement\b/i.test(message)) return { field, key: "incidents.new.problem.agreement" };
  if (/\bthere is no agreement\b/i.test(message)) return { field, key: "incidents.refused.noAgreement" };
  return { field, key: commonRefusal(message) ?? "incidents.refused.invalid" };
}

const EVENT_FIELDS: readonly IncidentEventField[] = [...EVENT_FORM_ORDER, "event"];

/** Messages of the timeline's rules (`EventProblem` in the core), by what they say. */
const EVENT_PROBLEMS: readonly (readonly [RegExp, MessageKey])[] = [
  [/\bbefore the case was received\b/i, "incidents.refused.beforeReceived"],
  [/\bbefore the case's latest event\b/i, "incidents.refused.beforeLast"],
  [/\bcan only go higher\b/i, "incidents.refused.notHigher"],
  [/\bnames the line\b/i, "incidents.record.problem.line"],
  [/\bnames what the case waits for\b/i, "incidents.record.problem.reason"],
  [/\bthe case is completed\b/i, "incidents.refused.completed"],
  [/\balready has its first response\b/i, "incidents.refused.alreadyResponded"],
  [/\bis paused already\b/i, "incidents.refused.alreadyPaused"],
  [/\bis not paused\b/i, "incidents.refused.notPaused"],
];

/**
 * Where and how to show a refusal of recording a step; `null` when it names no field of the
 * form. A step someone else recorded first is the step's own problem.
 */
export function incidentEventRefusal(error: ErrorPayload): Refusal<IncidentEventField> | null {
  if (error.code === "changed_meanwhile") return { field: "event", key: "incidents.refused.meanwhile" };
  const { field, message } = error;
  if (!isOneOf(EVENT_FIELDS, field)) return null;
  if (error.code !== "invalid_input") return { field, key: `error.${error.code}` };
  const known = EVENT_PROBLEMS.find(([pattern]) => pattern.test(message));
  return { field, key: known?.[1] ?? commonRefusal(message) ?? "incidents.refused.invalid" };
}

/**
 * Why a repair case could not be opened for a case, in the user's words: the case has one
 * already, or the repair desk's own refusal of the unit; `null` for anything else.
 */
export function repairRefusal(error: ErrorPayload): MessageKey | null {
  if (error.field === "repair_case_id") return "incidents.refused.repairLinked";
  if (error.field === "device_id" && /\bnames no device\b/i.test(error.message)) return "incidents.refused.noDevice";
  return caseRefusal(error)?.key ?? null;
}

/**
 * Where a refused helpdesk import is shown: at the agreement select, or over the preview
 * (`field` null). Either way in the user's words, as the core's message is about delivery files.
 */
export type ImportRefusal = { readonly field: "agreement_id" | null; readonly key: MessageKey };

/** Why the core could not read a file (`flotta-import`'s `ReadError`), by what it says. */
const UNREADABLE: readonly (readonly [RegExp, MessageKey])[] = [
  [/\bheader but no rows\b/i, "incidents.import.refused.noRows"],
  [/\bthe file is empty\b/i, "incidents.import.refused.empty"],
  [/\bExcel workbook\b/i, "incidents.import.refused.workbook"],
  [/\bUTF-16\b/i, "incidents.import.refused.utf16"],
  [/\bis not UTF-8\b/i, "incidents.import.refused.invalidUtf8"],
  [/\bnot a text file\b/i, "incidents.import.refused.notText"],
  [/\bcannot be read as CSV\b/i, "incidents.import.refused.csv"],
];

/** Why a helpdesk export could not be previewed or imported, and where to say so. */
export function incidentImportRefusal(error: ErrorPayload): ImportRefusal {
  if (error.field === "agreement_id") {
    return { field: "agreement_id", key: incidentRefusal(error)?.key ?? "incidents.refused.invalid" };
  }
  if (error.code === "import_unreadable") {
    const known = UNREADABLE.find(([pattern]) => pattern.test(error.message));
    return { field: null, key: known?.[1] ?? "incidents.import.refused.unreadable" };
  }
  if (error.field === "mapping" && error.code === "invalid_input") {
    return {
      field: null,
      key: /\bno column holds\b/i.test(error.message) ? "incidents.import.refused.missingColumn" : "incidents.import.refused.columns",
    };
  }
  return { field: null, key: `error.${error.code}` };
}
