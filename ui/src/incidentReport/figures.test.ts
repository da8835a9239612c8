import { describe, expect, it } from "vitest";
import type { Tally } from "../bindings";
import { firstLineShare, insideShare, reportRequest, weekBars } from "./figures";

const tally = (changes: Partial<Tally>): Tally => ({
  cases: 0,
  completed: 0,
  first_line: 0,
  inside: 0,
  outside: 0,
  running: 0,
  no_target: 0,
  ...changes,
});

describe("shares", () => {
  it("count inside against the decided cases, leaving running ones out", () => {
    expect(insideShare(tally({ inside: 3, outside: 1, running: 6 }))).toBe(0.75);
    expect(insideShare(tally({ running: 2 }))).toBeNull();
  });

  it("count first-line solutions against the completed cases", () => {
    expect(firstLineShare(tally({ completed: 4, first_line: 1 }))).toBe(0.25);
    expect(firstLineShare(tally({ cases: 3 }))).toBeNull();
  });
});

describe("weekBars", () => {
  it("measures each week against the busiest", () => {
    const bars = weekBars([
      { week: 44, from: "2026-11-01", cases: 2 },
      { week: 45, from: "2026-11-02", cases: 8 },
      { week: 46, from: "2026-11-09", cases: 0 },
    ]);
    expect(bars.map((bar) => bar.length)).toEqual([0.25, 1, 0]);
  });

  it("draws no bars for a month without cases", () => {
    expect(weekBars([{ week: 1, from: "2026-01-01", cases: 0 }]).map((bar) => bar.length)).toEqual([0]);
  });
});

describe("reportRequest", () => {
  it("reads an empty organisation unit as all of them", () => {
    expect(reportRequest("2026-11", "  ", null, "sv")).toEqual({ month: "2026-11", org_unit: null, agreement: null, language: "sv" });
    expect(reportRequest("2026-11", " Intraservice ", "Standard", "en")).toEqual({
      month: "2026-11",
      org_unit: "Intraservice",
      agreement: "Standard",
      language: "en",
    });
  });
});
