import { describe, expect, it } from "vitest";
import { createTranslator } from "./translator";

describe("translator", () => {
  const sv = createTranslator("sv");
  const en = createTranslator("en");

  it("chooses singular or plural and formats the count", () => {
    expect(en.count("inventory.total", 1)).toBe("1 device");
    expect(en.count("inventory.total", 50000)).toBe("50,000 devices");
    expect(sv.count("inventory.total", 1)).toBe("1 enhet");
    expect(sv.count("inventory.total", 0)).toBe("0 enheter");
  });

  it("translates enum values and shows unknown ones as they are", () => {
    expect(sv.enumLabel("lifecycle", "in_swap_pool")).toBe("I utbytespool");
    expect(en.enumLabel("compliance", "in_grace_period")).toBe("Grace period");
    expect(sv.enumLabel("os", "harmonyos")).toBe("harmonyos");
  });

  it("fills the placeholders of an enum label", () => {
    expect(sv.enumLabel("warranty.kpi", "expiring", { days: 90 })).toBe("Går ut inom 90 dagar");
    expect(en.enumLabel("certification", "not_certified")).toBe("Not certified");
  });

  it("words errors by code and never shows the technical message", () => {
    const text = sv.error({ code: "database_read_only", message: "EACCES /var/lib/flotta.db", field: null });
    expect(text).toBe("Databasen är skrivskyddad.");
  });
});
