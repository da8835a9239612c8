import { describe, expect, it } from "vitest";
import type { CoverLevel, PoolCover } from "../bindings";
import { createTranslator } from "../i18n/translator";
import { coverNote, coverText, roundWeeks } from "./cover";

const sv = createTranslator("sv");
const en = createTranslator("en");

const cover = (weeks: number | null, level: CoverLevel): PoolCover => ({
  available: 3,
  shipped_recently: weeks === null ? 0 : 1,
  weekly_consumption: weeks === null ? null : 0.125,
  weeks,
  level,
});

describe("coverText", () => {
  it("says when nothing was swapped in eight weeks", () => {
    expect(coverText(cover(null, "unused"), sv)).toBe("Inga byten på 8 veckor");
    expect(coverText(cover(null, "unused"), en)).toBe("No swaps in 8 weeks");
  });

  it("counts weeks with a decimal comma in Swedish", () => {
    expect(coverText(cover(24, "ample"), sv)).toBe("24 veckor");
    expect(coverText(cover(1.5, "short"), sv)).toBe("1,5 veckor");
    expect(coverText(cover(1.5, "short"), en)).toBe("1.5 weeks");
  });
});

describe("roundWeeks", () => {
  it("keeps one decimal below ten weeks and rounds to whole weeks from ten up", () => {
    expect(roundWeeks(24.34)).toBe(24);
    expect(roundWeeks(2.04)).toBe(2);
    expect(roundWeeks(1.46)).toBe(1.5);
    expect(roundWeeks(0)).toBe(0);
  });

  it("reads one week in the singular", () => {
    expect(coverText(cover(1, "short"), sv)).toBe("1 vecka");
    expect(coverText(cover(1.04, "short"), en)).toBe("1 week");
  });
});

describe("coverNote", () => {
  it("warns under two weeks and notes over four", () => {
    expect(coverNote("short")).toEqual({ key: "pool.level.short", tone: "warn" });
    expect(coverNote("ample")).toEqual({ key: "pool.level.ample", tone: "muted" });
    expect(coverNote("enough")).toBeNull();
    expect(coverNote("unused")).toBeNull();
    expect(sv.t("pool.level.short")).toBe("Under 2 veckor");
    expect(sv.t("pool.level.ample")).toBe("Över 4 veckor");
  });
});
