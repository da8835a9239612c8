/** The new-case form as it is filled in, and what keeps it from being sent. */
import type { CaseUnitView, RepairCaseForm, SlaType } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { fromLocalInput } from "../lib/localTime";

/** The longest texts the core keeps. */
export const MAX_FAULT = 2000;
export const MAX_REPORTED_BY = 200;

export type CaseDraft = {
  readonly unit: CaseUnitView | null;
  readonly sla: SlaType | null;
  readonly fault: string;
  readonly reportedBy: string;
  /** The `datetime-local` value; only sent once the user has changed it (see `reportedAtTouched`). */
  readonly reportedAt: string;
  /** Untouched, the time is "now" as the core reads it, not the minute the form opened. */
  readonly reportedAtTouched: boolean;
};

/** The form's fields in the order it shows them, so the first problem is the one focused. */
export const CASE_FORM_ORDER = ["device_id", "sla", "fault", "reported_by", "reported_at"] as const;
export type CaseFormField = (typeof CASE_FORM_ORDER)[number];

export type CaseCheck =
  | { readonly ok: true; readonly form: RepairCaseForm }
  | { readonly ok: false; readonly problems: Partial<Record<CaseFormField, MessageKey>> };

export function checkCaseDraft(draft: CaseDraft): CaseCheck {
  const problems: Partial<Record<CaseFormField, MessageKey>> = {};
  const fault = draft.fault.trim();
  const reportedBy = draft.reportedBy.trim();
  const reportedAt = draft.reportedAtTouched ? fromLocalInput(draft.reportedAt) : null;
  if (draft.unit === null) problems.device_id = "repairs.new.problem.unit";
  if (draft.sla === null) problems.sla = "repairs.new.problem.sla";
  if (fault === "") problems.fault = "repairs.refused.required";
  else if ([...fault].length > MAX_FAULT) problems.fault = "repairs.refused.tooLong";
  if (reportedBy === "") problems.reported_by = "repairs.refused.required";
  else if ([...reportedBy].length > MAX_REPORTED_BY) problems.reported_by = "repairs.refused.tooLong";
  if (draft.reportedAtTouched && reportedAt === null) problems.reported_at = "repairs.new.problem.time";
  if (draft.unit === null || draft.sla === null || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    form: { device_id: draft.unit.device_id, sla: draft.sla, fault, reported_by: reportedBy, reported_at: reportedAt },
  };
}

/** The first field with a problem, in the form's order. */
export function firstCaseProblem(problems: Partial<Record<CaseFormField, MessageKey>>): CaseFormField | null {
  return CASE_FORM_ORDER.find((field) => problems[field] !== undefined) ?? null;
}
