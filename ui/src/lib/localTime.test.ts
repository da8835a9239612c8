import { describe, expect, it } from "vitest";
import { fromLocalInput, toLocalInput } from "./localTime";

describe("toLocalInput", () => {
  it("writes the local day and time to the minute, zero-padded", () => {
    expect(toLocalInput(new Date(2026, 2, 2, 9, 5, 59))).toBe("2026-03-02T09:05");
    expect(toLocalInput(new Date(2026, 11, 31, 23, 59))).toBe("2026-12-31T23:59");
  });
});

describe("fromLocalInput", () => {
  it("reads the value as local time and answers the instant", () => {
    expect(fromLocalInput("2026-03-02T09:15")).toBe(new Date(2026, 2, 2, 9, 15).toISOString());
    expect(fromLocalInput("2026-03-02T09:15:30")).toBe(new Date(2026, 2, 2, 9, 15, 30).toISOString());
  });

  it("round-trips what toLocalInput wrote", () => {
    const value = toLocalInput(new Date(2026, 5, 19, 16, 0));
    expect(fromLocalInput(value)).toBe(new Date(2026, 5, 19, 16, 0).toISOString());
  });

  it("refuses empty, half-typed and impossible values", () => {
    for (const text of ["", "2026-03-02", "2026-03-02T9:15", "2026-02-30T10:00", "2026-03-02T24:00", "2026-03-02T10:60"]) {
      expect(fromLocalInput(text), text).toBeNull();
    }
  });
});
