/**
 * The core's refusals of a category or an agreement, placed at the field they name and worded
 * again in the user's language (the core words them in English, shown under "Show details").
 */
import type { ErrorPayload } from "../bindings";
import { commonRefusal, type Refusal } from "../repairs/refusals";

export type CategoryField = "name_sv" | "name_en";
/** The agreement form's parts a refusal can name: its name, its hours, its targets. */
export type AgreementField = "name" | "closes" | "targets";

/** Where and how to show a refusal of adding a category; `null` when it names no field of the form. */
export function categoryRefusal(error: ErrorPayload): Refusal<CategoryField> | null {
  const { field, message } = error;
  if (field !== "name_sv" && field !== "name_en") return null;
  if (error.code !== "invalid_input") return { field, key: `error.${error.code}` };
  if (/\bexists already\b/i.test(message)) return { field, key: "agreements.refused.categoryExists" };
  return { field, key: commonRefusal(message) ?? "incidents.refused.invalid" };
}

/** Where and how to show a refusal of saving an agreement; `null` when it names no part of the form. */
export function agreementRefusal(error: ErrorPayload): Refusal<AgreementField> | null {
  const { field, message } = error;
  if (error.code !== "invalid_input" || field === null) return null;
  switch (field) {
    case "name":
      if (/\bexists already\b/i.test(message)) return { field, key: "agreements.refused.nameTaken" };
      return { field, key: commonRefusal(message) ?? "incidents.refused.invalid" };
    case "window":
      // The one thing the core refuses of a window: hours that do not open before they close.
      return { field: "closes", key: "agreements.problem.closesBeforeOpens" };
    case "targets":
      if (/\bthere is no category\b/i.test(message)) return { field, key: "incidents.refused.noCategory" };
      if (/\b0 minutes\b/i.test(message)) return { field, key: "agreements.problem.zero" };
      if (/\bname the same cases\b/i.test(message)) return { field, key: "agreements.problem.sameCases" };
      return { field, key: "incidents.refused.invalid" };
    default:
      return null;
  }
}
