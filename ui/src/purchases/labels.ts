import type { MappingSource, MissingColumn, ProblemKind, PurchaseField, PurchaseMatch } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import type { Translator } from "../i18n/translator";

/**
 * The dictionary keys the purchases need for every value of a backend enum. Each helper below
 * returns its key as a `MessageKey`, so a value added to the generated bindings (a new problem
 * kind, a new field) fails the type check until both dictionaries word it.
 */
export type PurchaseEnumKey =
  | `purchases.problem.${ProblemKind}`
  | `purchases.field.${PurchaseField}`
  | `purchases.add.refused.${PurchaseField}`
  | `purchases.mappingSource.${MappingSource}`
  | `filter.purchase.${PurchaseMatch}`;

export function problemKey(kind: ProblemKind): MessageKey {
  return `purchases.problem.${kind}`;
}

export function fieldKey(field: PurchaseField): MessageKey {
  return `purchases.field.${field}`;
}

export function mappingSourceKey(source: MappingSource): MessageKey {
  return `purchases.mappingSource.${source}`;
}

export function purchaseMatchKey(match: PurchaseMatch): MessageKey {
  return `filter.purchase.${match}`;
}

/** Every problem kind, for checking that both dictionaries word them all. */
const PROBLEM_KIND_SET: Record<ProblemKind, true> = {
  impossible_date: true,
  not_a_number: true,
  imei_check_digit: true,
  bad_imei: true,
  bad_serial: true,
  unknown_ownership: true,
  missing_required: true,
  no_identifier: true,
  duplicate_in_file: true,
  wrong_cell_count: true,
};
export const PROBLEM_KINDS = Object.keys(PROBLEM_KIND_SET) as readonly ProblemKind[];

/** The values of the inventory's purchase filter, in the order the select offers them. */
const PURCHASE_MATCH_SET: Record<PurchaseMatch, true> = { bought: true, not_bought: true };
export const PURCHASE_MATCHES = Object.keys(PURCHASE_MATCH_SET) as readonly PurchaseMatch[];

/** A required column the file lacks, in words. */
export function missingText(missing: MissingColumn, i18n: Translator): string {
  switch (missing.missing) {
    case "field":
      return missing.field === "supplier"
        ? i18n.t("purchases.missing.supplier")
        : i18n.t(fieldKey(missing.field));
    case "serial_or_imei":
      return i18n.t("purchases.missing.serial_or_imei");
  }
}
