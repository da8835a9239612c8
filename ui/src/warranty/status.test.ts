import { describe, expect, it } from "vitest";
import { isWarrantyStatus, parseExpiringWithinDays, warrantyStatus } from "./status";

/** Local noon, so the test does not depend on the machine's time zone. */
const day = (year: number, month: number, date: number, hour = 12) => new Date(year, month - 1, date, hour);

describe("warrantyStatus", () => {
  const today = day(2026, 3, 2);

  it("is unknown without an end, or with one that cannot be read", () => {
    expect(warrantyStatus(null, today, 90)).toBe("unknown");
    expect(warrantyStatus("2026-02-30", today, 90)).toBe("unknown");
  });

  it("is expired only after the last covered day", () => {
    expect(warrantyStatus("2026-03-01", today, 90)).toBe("expired");
    expect(warrantyStatus("2026-03-02", day(2026, 3, 2, 23), 90)).toBe("expiring");
    expect(warrantyStatus("2026-03-02", day(2026, 3, 3, 0), 90)).toBe("expired");
  });

  it("is expiring with at most the notice period left, as the core counts it", () => {
    // 29 + 30 + 31 = 90 days from 2 March to 31 May.
    expect(warrantyStatus("2026-05-31", today, 90)).toBe("expiring");
    expect(warrantyStatus("2026-06-01", today, 90)).toBe("active");
    expect(warrantyStatus("2026-03-03", today, 1)).toBe("expiring");
    expect(warrantyStatus("2026-03-04", today, 1)).toBe("active");
  });
});

describe("parseExpiringWithinDays", () => {
  it("takes whole days from 1 to 730, spaces around allowed", () => {
    expect(parseExpiringWithinDays("90")).toBe(90);
    expect(parseExpiringWithinDays(" 1 ")).toBe(1);
    expect(parseExpiringWithinDays("730")).toBe(730);
  });

  it("refuses what the core would refuse, and what is not a whole number", () => {
    for (const text of ["", "0", "731", "-5", "12.5", "1e2", "90 dagar", "99999"]) {
      expect(parseExpiringWithinDays(text), text).toBeNull();
    }
  });
});

describe("isWarrantyStatus", () => {
  it("knows the core's four statuses and nothing else", () => {
    expect(isWarrantyStatus("expiring")).toBe(true);
    expect(isWarrantyStatus("lapsed")).toBe(false);
    expect(isWarrantyStatus(null)).toBe(false);
  });
});
