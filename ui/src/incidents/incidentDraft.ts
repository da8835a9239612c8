/** The new-incident form as it is filled in, and what keeps it from being sent. */
import type {
  AgreementView,
  CategoryView,
  IncidentChannel,
  IncidentDeviceView,
  IncidentForm,
} from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { fromLocalInput } from "../lib/localTime";

/** The longest texts the core keeps. */
export const MAX_REPORTER = 200;
export const MAX_DESCRIPTION = 20_000;

/** The agreement a case falls under unless told otherwise, as the core picks it. */
export const DEFAULT_AGREEMENT = "Standard";

export type IncidentDraft = {
  /** The `datetime-local` value; only sent once the user has changed it (see `receivedAtTouched`). */
  readonly receivedAt: string;
  /** Untouched, the case is received "now" as the core reads it, not the minute the form opened. */
  readonly receivedAtTouched: boolean;
  readonly channel: IncidentChannel;
  readonly reporter: string;
  /** Optional: many cases (a password, a how-to question) are about no one unit. */
  readonly device: IncidentDeviceView | null;
  readonly categoryId: number | null;
  readonly agreementId: number | null;
  readonly description: string;
};

/** The form's fields in the order it shows them, so the first problem is the one focused. */
export const INCIDENT_FORM_ORDER = [
  "received_at",
  "channel",
  "reporter",
  "device_id",
  "category_id",
  "agreement_id",
  "description",
] as const;
export type IncidentFormField = (typeof INCIDENT_FORM_ORDER)[number];

export type IncidentProblems = Partial<Record<IncidentFormField, MessageKey>>;

export type IncidentCheck =
  | { readonly ok: true; readonly form: IncidentForm }
  | { readonly ok: false; readonly problems: IncidentProblems };

export function checkIncidentDraft(draft: IncidentDraft): IncidentCheck {
  const problems: IncidentProblems = {};
  const reporter = draft.reporter.trim();
  const description = draft.description.trim();
  const receivedAt = draft.receivedAtTouched ? fromLocalInput(draft.receivedAt) : null;
  if (draft.receivedAtTouched && receivedAt === null) problems.received_at = "incidents.new.problem.time";
  if (reporter === "") problems.reporter = "repairs.refused.required";
  else if ([...reporter].length > MAX_REPORTER) problems.reporter = "repairs.refused.tooLong";
  if (draft.categoryId === null) problems.category_id = "incidents.new.problem.category";
  if (draft.agreementId === null) problems.agreement_id = "incidents.new.problem.agreement";
  if (description === "") problems.description = "repairs.refused.required";
  else if ([...description].length > MAX_DESCRIPTION) problems.description = "repairs.refused.tooLong";
  if (draft.categoryId === null || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    form: {
      received_at: receivedAt,
      channel: draft.channel,
      reporter,
      device_id: draft.device?.device_id ?? null,
      category_id: draft.categoryId,
      agreement_id: draft.agreementId,
      description,
    },
  };
}

/** The first field with a problem, in the form's order. */
export function firstIncidentProblem(problems: IncidentProblems): IncidentFormField | null {
  return INCIDENT_FORM_ORDER.find((field) => problems[field] !== undefined) ?? null;
}

/** The categories a new case may have: every one not retired, in the core's order. */
export function offeredCategories(categories: readonly CategoryView[]): CategoryView[] {
  return categories.filter((category) => !category.label.retired);
}

/** The agreement the form starts with, as the core would pick it: the only one, else "Standard". */
export function defaultAgreementId(agreements: readonly AgreementView[]): number | null {
  if (agreements.length === 1) return agreements[0]?.id ?? null;
  return agreements.find((agreement) => agreement.name === DEFAULT_AGREEMENT)?.id ?? null;
}
