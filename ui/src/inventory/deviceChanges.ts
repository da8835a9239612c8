import type { MessageKey } from "../i18n/dictionary";
import type { EnumKind, Translator } from "../i18n/translator";

/** The device fields a sync tracks changes of (and that sync warnings name), and their labels. */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  serial: "field.serial",
  manufacturer: "field.manufacturer",
  enrolled_at: "field.enrolled_at",
  last_check_in: "field.last_check_in",
  os: "field.os",
  os_version: "field.os_version",
  model: "field.model",
  imei: "field.imei",
  user_name: "field.user_name",
  user_email: "field.user_email",
  org_unit: "field.org_unit",
  ownership: "field.ownership",
  compliance: "field.compliance",
  lifecycle: "field.lifecycle",
  encrypted: "field.encrypted",
  jailbroken: "field.jailbroken",
};

/** Fields whose values are backend enum values, shown by their labels. */
const ENUM_FIELDS: Readonly<Record<string, EnumKind>> = {
  os: "os",
  ownership: "ownership",
  compliance: "compliance",
  lifecycle: "lifecycle",
};

const BOOLEAN_FIELDS: ReadonlySet<string> = new Set(["encrypted", "jailbroken"]);

/** A field this build does not know (a newer backend) is shown by its name rather than hidden. */
export function changeFieldLabel(field: string, i18n: Translator): string {
  const key = Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : undefined;
  return key === undefined ? field : i18n.t(key);
}

/** One side of a change, in the words the detail panel uses for the same value. */
export function changeValueText(field: string, value: string | null, i18n: Translator): string {
  if (value === null || value === "") return i18n.t("value.empty");
  const kind = Object.hasOwn(ENUM_FIELDS, field) ? ENUM_FIELDS[field] : undefined;
  if (kind !== undefined) return i18n.enumLabel(kind, value);
  if (BOOLEAN_FIELDS.has(field)) {
    if (value === "true") return i18n.t("value.yes");
    if (value === "false") return i18n.t("value.no");
  }
  return value;
}
