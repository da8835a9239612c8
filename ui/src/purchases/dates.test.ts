import { describe, expect, it } from "vitest";
import { daysSince, daysUntil, formatDate, isoDay, isPastDate, parseIsoDate } from "./dates";

/** Local noon, so the test does not depend on the machine's time zone. */
const day = (year: number, month: number, date: number, hour = 12) => new Date(year, month - 1, date, hour);

describe("parseIsoDate", () => {
  it("reads a day of the calendar", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("refuses days that do not exist and other text", () => {
    expect(parseIsoDate("2023-02-29")).toBeNull();
    expect(parseIsoDate("2024-13-01")).toBeNull();
    expect(parseIsoDate("2024-04-31")).toBeNull();
    expect(parseIsoDate("15/03/2024")).toBeNull();
    expect(parseIsoDate("2024-03-15T10:00:00Z")).toBeNull();
  });
});

describe("daysSince", () => {
  it("is 0 on the day itself, early and late", () => {
    expect(daysSince("2024-03-15", day(2024, 3, 15, 0))).toBe(0);
    expect(daysSince("2024-03-15", day(2024, 3, 15, 23))).toBe(0);
  });

  it("counts whole calendar days, across months, leap days and daylight saving time", () => {
    expect(daysSince("2024-03-15", day(2024, 3, 16, 0))).toBe(1);
    expect(daysSince("2024-02-28", day(2024, 3, 1))).toBe(2);
    expect(daysSince("2024-03-30", day(2024, 4, 1, 0))).toBe(2);
    expect(daysSince("2023-03-15", day(2024, 3, 15))).toBe(366);
  });

  it("does not count into the future", () => {
    expect(daysSince("2024-04-01", day(2024, 3, 15))).toBe(0);
  });

  it("is null for a date it cannot read", () => {
    expect(daysSince("", day(2024, 3, 15))).toBeNull();
  });
});

describe("isPastDate", () => {
  it("is past only after the day has ended", () => {
    expect(isPastDate("2024-03-15", day(2024, 3, 15, 23))).toBe(false);
    expect(isPastDate("2024-03-15", day(2024, 3, 16, 0))).toBe(true);
    expect(isPastDate("2024-03-15", day(2024, 3, 14))).toBe(false);
  });
});

describe("daysUntil", () => {
  it("counts calendar days ahead, 0 on the day, negative once passed", () => {
    expect(daysUntil("2024-03-15", day(2024, 3, 15, 0))).toBe(0);
    expect(daysUntil("2024-03-15", day(2024, 3, 15, 23))).toBe(0);
    expect(daysUntil("2024-04-01", day(2024, 3, 30, 23))).toBe(2);
    expect(daysUntil("2024-03-15", day(2024, 3, 16, 0))).toBe(-1);
    expect(daysUntil("2025-03-01", day(2024, 3, 1))).toBe(365);
  });

  it("is null for text that is not a day", () => {
    expect(daysUntil("2024-02-30", day(2024, 1, 1))).toBeNull();
  });
});

describe("formatDate", () => {
  it("shows the day in the locale's short form, whatever the time zone", () => {
    expect(formatDate("2024-03-05", "sv-SE")).toBe("2024-03-05");
    expect(formatDate("2024-03-05", "en-GB")).toBe("05/03/2024");
    expect(formatDate("not a date", "sv-SE")).toBe("not a date");
  });
});

describe("isoDay", () => {
  it("is the local day, early and late, as a date input wants it", () => {
    expect(isoDay(day(2026, 3, 5, 0))).toBe("2026-03-05");
    expect(isoDay(day(2026, 12, 31, 23))).toBe("2026-12-31");
    expect(parseIsoDate(isoDay(day(2024, 2, 29)))).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
