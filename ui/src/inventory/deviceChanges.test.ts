import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translator";
import { changeFieldLabel, changeValueText } from "./deviceChanges";

const en = createTranslator("en");
const sv = createTranslator("sv");

describe("device change history", () => {
  it("labels tracked fields as the detail panel does", () => {
    expect(changeFieldLabel("os_version", en)).toBe("OS version");
    expect(changeFieldLabel("user_email", sv)).toBe("E-post");
    expect(changeFieldLabel("jailbroken", sv)).toBe("Jailbreakad eller rootad");
  });

  it("shows unknown fields by their name", () => {
    expect(changeFieldLabel("battery_health", en)).toBe("battery_health");
    expect(changeFieldLabel("toString", en)).toBe("toString");
  });

  it("translates enum and yes/no values and marks empty ones", () => {
    expect(changeValueText("compliance", "noncompliant", sv)).toBe("Uppfyller inte krav");
    expect(changeValueText("lifecycle", "in_swap_pool", en)).toBe("In swap pool");
    expect(changeValueText("encrypted", "false", sv)).toBe("Nej");
    expect(changeValueText("user_name", null, en)).toBe("(none)");
    expect(changeValueText("org_unit", "", sv)).toBe("(ingen)");
    expect(changeValueText("os_version", "17.2", en)).toBe("17.2");
  });
});
