import type { DeviceDetail } from "../bindings";
import type { Translator } from "../i18n/translator";

export type DetailSection = "device" | "user" | "status" | "source";
type Field = keyof DeviceDetail;

/**
 * Where each field of `DeviceDetail` is shown. Typed as a full record so a field
 * added to the backend type cannot be silently left out of the panel.
 */
const FIELD_SECTIONS: Record<Field, DetailSection> = {
  serial: "device",
  imei: "device",
  manufacturer: "device",
  model: "device",
  os: "device",
  os_version: "device",
  user_name: "user",
  user_email: "user",
  org_unit: "user",
  ownership: "user",
  lifecycle: "status",
  compliance: "status",
  jailbroken: "status",
  encrypted: "status",
  last_check_in: "status",
  enrolled_at: "status",
  source_name: "source",
  source_kind: "source",
  vendor_device_id: "source",
  id: "source",
};

export const DETAIL_SECTIONS: readonly { section: DetailSection; fields: readonly Field[] }[] = (
  ["device", "user", "status", "source"] as const
).map((section) => ({
  section,
  fields: (Object.keys(FIELD_SECTIONS) as Field[]).filter((field) => FIELD_SECTIONS[field] === section),
}));

export type DetailValue = { text: string; hint?: string; tone?: "good" | "warn" | "bad" | "muted" };

export function detailValue(detail: DeviceDetail, field: Field, i18n: Translator, now: Date): DetailValue {
  const none: DetailValue = { text: i18n.t("value.none"), tone: "muted" };
  switch (field) {
    case "os":
    case "ownership":
    case "lifecycle":
    case "compliance":
      return { text: i18n.enumLabel(field, detail[field]) };
    case "source_kind":
      return { text: i18n.enumLabel("source", detail.source_kind) };
    case "jailbroken":
      return detail.jailbroken ? { text: i18n.t("value.yes"), tone: "bad" } : { text: i18n.t("value.no") };
    case "encrypted":
      return detail.encrypted ? { text: i18n.t("value.yes") } : { text: i18n.t("value.no"), tone: "warn" };
    case "enrolled_at":
    case "last_check_in": {
      const value = detail[field];
      if (value === null) return field === "last_check_in" ? { text: i18n.t("value.never"), tone: "warn" } : none;
      return { text: i18n.format.dateTime(value), hint: i18n.format.relative(value, now) };
    }
    case "id":
      return { text: String(detail.id) };
    case "source_name":
    case "vendor_device_id":
    case "serial":
    case "imei":
    case "manufacturer":
    case "model":
    case "os_version":
    case "user_name":
    case "user_email":
    case "org_unit": {
      const value = detail[field];
      return value === null || value === "" ? none : { text: value };
    }
  }
}
