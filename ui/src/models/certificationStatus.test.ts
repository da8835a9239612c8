import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translator";
import { CERTIFICATION_STATES, formatDay, isCertificationState, statusLabel } from "./certificationStatus";

const sv = createTranslator("sv");
const en = createTranslator("en");
const utc = { timeZone: "UTC" };

describe("statusLabel", () => {
  it("words each state in Swedish with its tone", () => {
    expect(statusLabel({ state: "not_started" }, sv, utc)).toEqual({ text: "Ej påbörjad", tone: "muted" });
    expect(statusLabel({ state: "in_progress", level: 2 }, sv, utc)).toEqual({ text: "Nivå 2 pågår", tone: "info" });
    expect(statusLabel({ state: "stopped", level: 1 }, sv, utc)).toEqual({ text: "Stoppad på nivå 1", tone: "warn" });
    expect(statusLabel({ state: "certified", on: "2026-11-05T14:30:00Z" }, sv, utc)).toEqual({
      text: "Certifierad 2026-11-05",
      tone: "good",
    });
  });

  it("words each state in English", () => {
    expect(statusLabel({ state: "in_progress", level: 3 }, en, utc).text).toBe("Level 3 in progress");
    expect(statusLabel({ state: "stopped", level: 2 }, en, utc).text).toBe("Stopped at level 2");
    expect(statusLabel({ state: "certified", on: "2026-11-05T14:30:00Z" }, en, utc).text).toBe("Certified 05/11/2026");
  });

  it("gives the certification day in the user's time zone", () => {
    // 23:30 UTC is already the next day in Stockholm.
    const on = "2026-11-05T23:30:00Z";
    expect(statusLabel({ state: "certified", on }, sv, { timeZone: "Europe/Stockholm" }).text).toBe(
      "Certifierad 2026-11-06",
    );
  });
});

describe("formatDay", () => {
  it("shows unreadable text as given", () => {
    expect(formatDay("not a date", "sv-SE", "UTC")).toBe("not a date");
  });
});

describe("isCertificationState", () => {
  it("knows the core's states and nothing else", () => {
    for (const state of CERTIFICATION_STATES) expect(isCertificationState(state)).toBe(true);
    expect(isCertificationState("all")).toBe(false);
    expect(isCertificationState("withdrawn")).toBe(false);
  });
});
