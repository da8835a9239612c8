import { describe, expect, it } from "vitest";
import {
  dayAfterUtc,
  dayStartUtc,
  EMPTY_AUDIT_FORM,
  isFiltered,
  rangeInverted,
  toAuditFilter,
} from "./auditFilter";

describe("dayStartUtc", () => {
  it("starts a from-date at midnight UTC", () => {
    expect(dayStartUtc("2026-03-15")).toBe("2026-03-15T00:00:00Z");
    expect(dayStartUtc("2024-02-29")).toBe("2024-02-29T00:00:00Z");
  });

  it("ignores an empty or impossible date", () => {
    expect(dayStartUtc("")).toBeNull();
    expect(dayStartUtc("2025-02-29")).toBeNull();
    expect(dayStartUtc("2026-13-01")).toBeNull();
    expect(dayStartUtc("15/03/2026")).toBeNull();
  });

  it("keeps years before 100 as they are", () => {
    expect(dayStartUtc("0099-01-01")).toBe("0099-01-01T00:00:00Z");
  });
});

describe("dayAfterUtc", () => {
  it("ends a to-date at the next midnight UTC, so the day itself is included", () => {
    expect(dayAfterUtc("2026-03-15")).toBe("2026-03-16T00:00:00Z");
  });

  it("crosses the end of a month and a year", () => {
    expect(dayAfterUtc("2024-02-28")).toBe("2024-02-29T00:00:00Z");
    expect(dayAfterUtc("2025-02-28")).toBe("2025-03-01T00:00:00Z");
    expect(dayAfterUtc("2025-12-31")).toBe("2026-01-01T00:00:00Z");
  });

  it("ignores an empty date and one with no day after it", () => {
    expect(dayAfterUtc("")).toBeNull();
    expect(dayAfterUtc("9999-12-31")).toBeNull();
  });
});

describe("toAuditFilter", () => {
  it("matches everything when the form is empty", () => {
    expect(toAuditFilter(EMPTY_AUDIT_FORM)).toEqual({
      actor: null,
      entity: null,
      entity_id: null,
      text: null,
      from: null,
      until: null,
    });
    expect(isFiltered(EMPTY_AUDIT_FORM)).toBe(false);
  });

  it("sends trimmed text and whole days", () => {
    const form = {
      actor: " anna.berg ",
      entity: "device",
      entityId: " 42",
      text: "lifecycle ",
      from: "2026-03-01",
      until: "2026-03-31",
    };
    expect(toAuditFilter(form)).toEqual({
      actor: "anna.berg",
      entity: "device",
      entity_id: "42",
      text: "lifecycle",
      from: "2026-03-01T00:00:00Z",
      until: "2026-04-01T00:00:00Z",
    });
    expect(isFiltered(form)).toBe(true);
  });

  it("leaves blank text out", () => {
    expect(toAuditFilter({ ...EMPTY_AUDIT_FORM, actor: "   " }).actor).toBeNull();
    expect(isFiltered({ ...EMPTY_AUDIT_FORM, text: "  " })).toBe(false);
  });

  it("includes a single day when from and to are the same", () => {
    const filter = toAuditFilter({ ...EMPTY_AUDIT_FORM, from: "2026-03-15", until: "2026-03-15" });
    expect([filter.from, filter.until]).toEqual(["2026-03-15T00:00:00Z", "2026-03-16T00:00:00Z"]);
  });
});

describe("rangeInverted", () => {
  it("notices a from-date after the to-date", () => {
    expect(rangeInverted({ ...EMPTY_AUDIT_FORM, from: "2026-04-01", until: "2026-03-01" })).toBe(true);
    expect(rangeInverted({ ...EMPTY_AUDIT_FORM, from: "2026-03-01", until: "2026-03-01" })).toBe(false);
    expect(rangeInverted({ ...EMPTY_AUDIT_FORM, from: "2026-04-01" })).toBe(false);
  });
});
