import { describe, expect, it } from "vitest";
import { durationForInput, formatDuration, formatMargin, parseDuration } from "./duration";

describe("formatDuration", () => {
  it("writes hours and zero-padded minutes, past a day's 24 hours too", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(45)).toBe("0:45");
    expect(formatDuration(65)).toBe("1:05");
    expect(formatDuration(540)).toBe("9:00");
    expect(formatDuration(1590)).toBe("26:30");
  });

  it("puts a minus sign before a negative amount", () => {
    expect(formatDuration(-75)).toBe("\u22121:15");
  });
});

describe("formatMargin", () => {
  it("always shows the sign, a met target at its last minute as +0:00", () => {
    expect(formatMargin(40)).toBe("+0:40");
    expect(formatMargin(0)).toBe("+0:00");
    expect(formatMargin(-75)).toBe("\u22121:15");
    expect(formatMargin(-1)).toBe("\u22120:01");
  });
});

describe("parseDuration", () => {
  it("reads whole hours, hours and minutes, and decimal hours", () => {
    expect(parseDuration("8")).toBe(480);
    expect(parseDuration(" 1:30 ")).toBe(90);
    expect(parseDuration("0:45")).toBe(45);
    expect(parseDuration("1,5")).toBe(90);
    expect(parseDuration("0.25")).toBe(15);
    expect(parseDuration("0")).toBe(0);
  });

  it("refuses what it would have to guess at", () => {
    for (const text of ["", " ", "1:60", "1:5", "-1", "1h", "1,555", "12345", "1:30:00", "en"]) {
      expect(parseDuration(text), text).toBeNull();
    }
  });

  it("reads back what durationForInput wrote", () => {
    for (const minutes of [60, 90, 480, 2400, 45]) {
      expect(parseDuration(durationForInput(minutes))).toBe(minutes);
    }
    expect(durationForInput(480)).toBe("8");
    expect(durationForInput(90)).toBe("1:30");
  });
});
