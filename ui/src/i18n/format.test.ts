import { describe, expect, it } from "vitest";
import { createFormatter, isStale } from "./format";

const NBSP = "\u00a0";
const sv = createFormatter("sv", { timeZone: "UTC" });
const en = createFormatter("en", { timeZone: "UTC" });

describe("number formatting", () => {
  it("groups thousands the Swedish way with a no-break space", () => {
    expect(sv.number(12345)).toBe(`12${NBSP}345`);
    expect(sv.number(1234567.5)).toBe(`1${NBSP}234${NBSP}567,5`);
  });

  it("groups thousands the British way with a comma", () => {
    expect(en.number(12345)).toBe("12,345");
    expect(en.number(1234567.5)).toBe("1,234,567.5");
  });

  it("keeps one decimal for small shares only", () => {
    expect(sv.percent(0.054)).toBe(`5,4${NBSP}%`);
    expect(en.percent(0.054)).toBe("5.4%");
    expect(en.percent(0.456)).toBe("46%");
  });
});

describe("date formatting", () => {
  const iso = "2026-11-20T08:15:00Z";

  it("uses ISO-like dates in Swedish", () => {
    expect(sv.dateTime(iso)).toBe("2026-11-20 08:15");
  });

  it("uses day/month/year in British English", () => {
    expect(en.dateTime(iso)).toBe("20/11/2026, 08:15");
  });

  it("reads a time on Swedish time when asked, whatever the zone", () => {
    expect(sv.swedishDateTime(iso)).toBe("2026-11-20 09:15");
    expect(sv.swedishDateTime("2026-07-01T22:30:00Z")).toBe("2026-07-02 00:30");
    expect(en.swedishDateTime("nonsense")).toBe("nonsense");
  });

  it("shows unparsable input unchanged instead of 'Invalid Date'", () => {
    expect(en.dateTime("not a date")).toBe("not a date");
  });

  it("applies the time zone", () => {
    const stockholm = createFormatter("sv", { timeZone: "Europe/Stockholm" });
    expect(stockholm.dateTime(iso)).toBe("2026-11-20 09:15");
  });

  it("describes relative times in each language", () => {
    const now = new Date("2026-11-23T08:15:00Z");
    expect(sv.relative(iso, now)).toBe("för 3 dagar sedan");
    expect(en.relative(iso, now)).toBe("3 days ago");
    expect(en.relative("2026-11-23T06:15:00Z", now)).toBe("2 hours ago");
    expect(sv.relative("2026-09-22T08:15:00Z", now)).toBe("för 2 månader sedan");
  });

  it("never points to the future: a time ahead of the clock, or under a minute ago, is just now", () => {
    const now = new Date("2026-11-23T08:15:00Z");
    // A sync started on a server whose clock runs a few seconds fast.
    expect(en.relative("2026-11-23T08:15:20Z", now)).toBe("just now");
    expect(sv.relative("2026-11-23T08:15:20Z", now)).toBe("nyss");
    expect(en.relative("2026-11-23T08:45:00Z", now)).toBe("just now");
    expect(en.relative("2027-01-01T00:00:00Z", now)).toBe("just now");
    expect(en.relative("2026-11-23T08:15:00Z", now)).toBe("just now");
    expect(en.relative("2026-11-23T08:14:10Z", now)).toBe("just now");
    expect(en.relative("2026-11-23T08:14:00Z", now)).toBe("1 minute ago");
    expect(sv.relative("2026-11-23T08:13:00Z", now)).toBe("för 2 minuter sedan");
    for (const minutesAhead of [0.1, 1, 59, 60 * 5, 60 * 24 * 3]) {
      const ahead = new Date(now.getTime() + minutesAhead * 60_000).toISOString();
      expect(en.relative(ahead, now)).not.toMatch(/^in |from now/);
      expect(sv.relative(ahead, now)).not.toMatch(/^om /);
    }
  });
});

describe("isStale", () => {
  const now = new Date("2026-11-30T12:00:00Z");

  it("marks devices not seen for more than 30 days, or never", () => {
    expect(isStale("2026-10-30T11:59:00Z", now)).toBe(true);
    expect(isStale("2026-10-31T12:01:00Z", now)).toBe(false);
    expect(isStale(null, now)).toBe(true);
  });
});
