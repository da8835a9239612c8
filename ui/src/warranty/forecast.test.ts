import { describe, expect, it } from "vitest";
import type { QuarterForecast } from "../bindings";
import { createTranslator } from "../i18n/translator";
import { forecastGroups, formatDay, quarterKey, quarterLabel, totalUnits } from "./forecast";

const sv = createTranslator("sv");
const en = createTranslator("en");

const quarter: QuarterForecast = {
  quarter: { year: 2027, quarter: 1 },
  total: { units: 5, cost_ore: 5_000_000 },
  by_org_unit: [
    ["Socialförvaltningen", { units: 3, cost_ore: 3_000_000 }],
    ["", { units: 2, cost_ore: 2_000_000 }],
  ],
  by_model: [["iPhone 15", { units: 5, cost_ore: 5_000_000 }]],
};

describe("quarterLabel", () => {
  it("writes K for kvartal in Swedish and Q in English", () => {
    expect(quarterLabel({ year: 2027, quarter: 1 }, sv)).toBe("2027 K1");
    expect(quarterLabel({ year: 2027, quarter: 4 }, en)).toBe("2027 Q4");
  });

  it("never groups the year's digits", () => {
    expect(quarterLabel({ year: 10000, quarter: 2 }, sv)).toBe("10000 K2");
  });
});

describe("quarterKey", () => {
  it("is the same whatever the language", () => {
    expect(quarterKey({ year: 2026, quarter: 3 })).toBe("2026-Q3");
  });
});

describe("forecastGroups", () => {
  it("gives a quarter's groups by organisation unit or model, or none", () => {
    expect(forecastGroups(quarter, "none")).toEqual([]);
    expect(forecastGroups(quarter, "org_unit").map(([name]) => name)).toEqual(["Socialförvaltningen", ""]);
    expect(forecastGroups(quarter, "model").map(([name]) => name)).toEqual(["iPhone 15"]);
  });
});

describe("totalUnits", () => {
  it("adds up the quarters", () => {
    expect(totalUnits([quarter, { ...quarter, total: { units: 2, cost_ore: 0 } }])).toBe(7);
    expect(totalUnits([])).toBe(0);
  });
});

describe("formatDay", () => {
  it("shows a day in the locale's short form", () => {
    expect(formatDay("2026-03-02", "sv-SE")).toBe("2026-03-02");
    expect(formatDay("2026-03-02", "en-GB")).toBe("02/03/2026");
  });

  it("shows unreadable text as given", () => {
    expect(formatDay("soon", "sv-SE")).toBe("soon");
  });
});
