import { describe, expect, it } from "vitest";
import { formatShare, formatWorkingDays, monthLabel, previousMonth, recentMonths } from "./month";

describe("previousMonth", () => {
  it("is the last whole month, across a year's end", () => {
    expect(previousMonth(new Date(2026, 2, 15))).toBe("2026-02");
    expect(previousMonth(new Date(2026, 0, 1, 0, 5))).toBe("2025-12");
    expect(previousMonth(new Date(2026, 2, 31, 23, 59))).toBe("2026-02");
  });
});

describe("recentMonths", () => {
  it("lists this month first, then the ones before", () => {
    expect(recentMonths(new Date(2026, 1, 10), 4)).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
  });
});

describe("monthLabel", () => {
  it("names the month in the user's language", () => {
    expect(monthLabel("2026-02", "sv-SE")).toBe("februari 2026");
    expect(monthLabel("2026-02", "en-GB")).toBe("February 2026");
    expect(monthLabel("2026-2", "sv-SE")).toBe("2026-2");
  });
});

describe("formatShare", () => {
  it("has one decimal, with a decimal comma in Swedish", () => {
    expect(formatShare(0.935, "sv-SE").replace(/\s/g, " ")).toBe("93,5 %");
    expect(formatShare(1, "sv-SE").replace(/\s/g, " ")).toBe("100,0 %");
    expect(formatShare(0.935, "en-GB")).toBe("93.5%");
  });
});

describe("formatWorkingDays", () => {
  it("shows at most one decimal", () => {
    expect(formatWorkingDays(2.5, "sv-SE")).toBe("2,5");
    expect(formatWorkingDays(3, "sv-SE")).toBe("3");
    expect(formatWorkingDays(1.25, "en-GB")).toBe("1.3");
  });
});
