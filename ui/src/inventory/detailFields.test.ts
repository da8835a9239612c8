import { describe, expect, it } from "vitest";
import type { DeviceDetail } from "../bindings";
import { createTranslator } from "../i18n/translator";
import { DETAIL_SECTIONS, detailValue } from "./detailFields";

const detail: DeviceDetail = {
  id: 17,
  source_name: "Intune (kommunen)",
  source_kind: "intune",
  vendor_device_id: null,
  serial: "F2LXK0ABCD",
  imei: "356789012345678",
  manufacturer: "Apple",
  model: "iPhone 15",
  os: "ios",
  os_version: "18.1",
  ownership: "personal",
  user_name: "Åsa Öberg",
  user_email: "asa.oberg@kommun.example",
  org_unit: "Socialförvaltningen",
  enrolled_at: "2025-01-02T10:00:00Z",
  last_check_in: null,
  compliance: "in_grace_period",
  jailbroken: true,
  encrypted: true,
  lifecycle: "in_repair",
};

describe("detail panel fields", () => {
  it("shows every field of DeviceDetail exactly once", () => {
    const shown = DETAIL_SECTIONS.flatMap((section) => section.fields).sort();
    expect(shown).toEqual(Object.keys(detail).sort());
  });

  it("translates enums and booleans and marks missing values", () => {
    const sv = createTranslator("sv");
    const now = new Date("2026-11-20T00:00:00Z");
    const text = (field: keyof DeviceDetail) => detailValue(detail, field, sv, now).text;
    expect(text("ownership")).toBe("Privat");
    expect(text("lifecycle")).toBe("På reparation");
    expect(text("compliance")).toBe("Respitperiod");
    expect(text("source_kind")).toBe("Microsoft Intune");
    expect(text("jailbroken")).toBe("Ja");
    expect(text("vendor_device_id")).toBe("—");
    expect(text("last_check_in")).toBe("Aldrig");
    expect(text("user_name")).toBe("Åsa Öberg");
    expect(text("id")).toBe("17");
  });
});
