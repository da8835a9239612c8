import { describe, expect, it } from "vitest";
import { parseLifetime } from "./lifetime";

describe("parseLifetime", () => {
  it("reads whole months within 1–240, and empty as cleared", () => {
    expect(parseLifetime(" 36 ")).toEqual({ ok: true, months: 36 });
    expect(parseLifetime("")).toEqual({ ok: true, months: null });
    expect(parseLifetime("240")).toEqual({ ok: true, months: 240 });
  });

  it("refuses what is not a whole number of months in range", () => {
    for (const text of ["0", "241", "3,5", "-1", "tre"]) {
      expect(parseLifetime(text)).toEqual({ ok: false });
    }
  });
});
