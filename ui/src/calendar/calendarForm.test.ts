import { describe, expect, it } from "vitest";
import type { CalendarDay, Holiday } from "../bindings";
import { createTranslator } from "../i18n/translator";
import {
  clampYear,
  closureProblems,
  cutoffForInput,
  dayName,
  parseAtRiskDays,
  parseCutoff,
} from "./calendarForm";

describe("cut-off time", () => {
  it("shows the core's time to the minute and sends it back with seconds", () => {
    expect(cutoffForInput("16:00:00")).toBe("16:00");
    expect(parseCutoff("15:30")).toBe("15:30:00");
    expect(parseCutoff(cutoffForInput("16:00:00"))).toBe("16:00:00");
  });

  it("refuses what is no time of day", () => {
    for (const text of ["", "1600", "24:00", "12:60", "9:00"]) expect(parseCutoff(text), text).toBeNull();
  });
});

describe("parseAtRiskDays", () => {
  it("takes 0 to 10 working days", () => {
    expect(parseAtRiskDays("0")).toBe(0);
    expect(parseAtRiskDays(" 10 ")).toBe(10);
    for (const text of ["", "11", "-1", "1.5", "två"]) expect(parseAtRiskDays(text), text).toBeNull();
  });
});

describe("clampYear", () => {
  it("keeps the year within the calendar the core knows", () => {
    expect(clampYear(2026)).toBe(2026);
    expect(clampYear(1989)).toBe(1990);
    expect(clampYear(2101)).toBe(2100);
  });
});

describe("closureProblems", () => {
  it("needs a real date within the calendar and a name", () => {
    expect(closureProblems({ date: "2026-05-15", name: "Klämdag" })).toEqual({});
    expect(closureProblems({ date: "", name: "" })).toEqual({
      date: "calendar.closure.problem.date",
      name: "calendar.closure.problem.name",
    });
    expect(closureProblems({ date: "2026-02-30", name: "x" }).date).toBe("calendar.closure.problem.date");
    expect(closureProblems({ date: "2200-01-02", name: "x" }).date).toBe("calendar.closure.problem.year");
    expect(closureProblems({ date: "2026-05-15", name: "x".repeat(101) }).name).toBe("calendar.closure.problem.nameLong");
  });
});

describe("dayName", () => {
  const sv = createTranslator("sv");
  const en = createTranslator("en");
  const day = (holiday: Holiday | null, organisation_name: string | null = null): CalendarDay => ({
    date: "2026-06-19",
    holiday,
    organisation_name,
    on_weekday: true,
  });

  it("names Sweden's holidays in the user's language", () => {
    expect(dayName(day("midsummer_eve"), sv.t)).toBe("Midsommarafton");
    expect(dayName(day("midsummer_eve"), en.t)).toBe("Midsummer Eve");
    expect(dayName(day("epiphany"), sv.t)).toBe("Trettondedag jul");
  });

  it("keeps the organisation's own name for its closure days", () => {
    expect(dayName(day(null, "Klämdag efter Kristi himmelsfärd"), sv.t)).toBe("Klämdag efter Kristi himmelsfärd");
  });
});
