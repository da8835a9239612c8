import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translator";
import {
  countsText,
  formatDuration,
  formatRate,
  formatTimeLeft,
  headerText,
  progressRatio,
  progressText,
  runDurationMs,
  runErrorText,
} from "./syncFormat";
import type { RunningSync } from "./syncState";
import { progress, run } from "./testData";

const en = createTranslator("en");
const sv = createTranslator("sv");
const NBSP = "\u00a0";

describe("formatDuration", () => {
  it("reads like a stopwatch at every scale", () => {
    expect(formatDuration(850, en)).toBe("under 1 s");
    expect(formatDuration(42_400, en)).toBe("42 s");
    expect(formatDuration(65_000, en)).toBe("1 min 5 s");
    expect(formatDuration(120_000, en)).toBe("2 min");
    expect(formatDuration(3_600_000, en)).toBe("1 h");
    expect(formatDuration(3_900_000, en)).toBe("1 h 5 min");
    expect(formatDuration(3_900_000, sv)).toBe("1 tim 5 min");
  });

  it("carries rounded seconds into minutes instead of showing 60", () => {
    expect(formatDuration(59_600, en)).toBe("1 min");
    expect(formatDuration(7_199_000, en)).toBe("2 h");
  });
});

describe("formatTimeLeft", () => {
  it("counts seconds under a minute and whole minutes, rounded up, above", () => {
    expect(formatTimeLeft(12.2, en)).toBe("about 13 s left");
    expect(formatTimeLeft(61, en)).toBe("about 2 min left");
    expect(formatTimeLeft(600, sv)).toBe("cirka 10 min kvar");
    expect(formatTimeLeft(0, en)).toBe("almost done");
  });
});

describe("progressRatio", () => {
  it("is the share of records when the total is known, and capped at 1", () => {
    expect(progressRatio(progress())).toBeCloseTo(0.248);
    expect(progressRatio(progress({ records: 50_100 }))).toBe(1);
  });

  it("is unknown without a total", () => {
    expect(progressRatio(progress({ total: null }))).toBeNull();
    expect(progressRatio(progress({ total: 0 }))).toBeNull();
  });
});

describe("formatRate", () => {
  it("rounds to whole devices per second, with a decimal when slow", () => {
    expect(formatRate(3_100.4, en)).toBe("3,100 devices/s");
    expect(formatRate(3_100.4, sv)).toBe(`3${NBSP}100 enheter/s`);
    expect(formatRate(2.46, en)).toBe("2.5 devices/s");
    expect(formatRate(0, en)).toBeNull();
  });
});

describe("progressText", () => {
  it("shows pages, records of the total, rate and time left while fetching", () => {
    expect(progressText(progress(), en)).toEqual({
      phase: "Reading devices",
      pages: "12 pages",
      records: "12,400 of 50,000 devices (25%)",
      rate: "3,100 devices/s",
      timeLeft: "about 13 s left",
    });
  });

  it("counts records without a percentage when the total is unknown", () => {
    const text = progressText(progress({ total: null, seconds_left: null }), sv);
    expect(text.records).toBe(`12${NBSP}400 enheter lästa`);
    expect(text.timeLeft).toBeNull();
  });

  it("counts app lists, not devices, while Intune's installed apps are read", () => {
    const text = progressText(
      progress({ phase: "reading_apps", pages: 0, records: 150, total: 600, records_per_second: 40, seconds_left: 12 }),
      sv,
    );
    expect(text).toEqual({
      phase: "Läser installerade appar",
      pages: null,
      records: `150 av 600 appar (25${NBSP}%)`,
      rate: null,
      timeLeft: "cirka 12 s kvar",
    });
  });

  it("shows no figures while signing in", () => {
    const text = progressText(progress({ phase: "signing_in", pages: 0, records: 0 }), en);
    expect(text).toEqual({ phase: "Signing in", pages: null, records: null, rate: null, timeLeft: null });
  });
});

describe("headerText", () => {
  const running = (change: Partial<RunningSync> = {}): RunningSync => ({
    kind: "running",
    runId: 7,
    connectionId: 1,
    connectionName: "Demo tenant",
    progress: progress(),
    ...change,
  });

  it("names the connection and the records of the total", () => {
    expect(headerText([running()], en)).toBe("Syncing Demo tenant… 12,400 / 50,000");
    const apps = running({ progress: progress({ phase: "reading_apps", records: 150, total: 600 }) });
    expect(headerText([apps], en)).toBe("Syncing Demo tenant… apps 150 / 600");
    expect(headerText([running({ progress: progress({ total: null }) })], en)).toBe("Syncing Demo tenant… 12,400");
    expect(headerText([running({ progress: null })], sv)).toBe("Synkroniserar Demo tenant…");
  });

  it("counts several syncs and is absent without any", () => {
    expect(headerText([running(), running({ connectionId: 2 })], en)).toBe("Syncing 2 connections…");
    expect(headerText([], en)).toBeNull();
  });
});

describe("run summaries", () => {
  it("lists what a sync did, mentioning devices back again only when there are some", () => {
    expect(countsText(run().counts, en)).toBe("Added 12 · Updated 40 · Unchanged 49,940 · Missing 3 · Warnings 5");
    expect(countsText({ ...run().counts, returned: 2 }, sv)).toBe(
      `Nya 12 · Ändrade 40 · Oförändrade 49${NBSP}940 · Saknade 3 · Tillbaka 2 · Varningar 5`,
    );
  });

  it("measures finished runs only", () => {
    expect(runDurationMs(run())).toBe(65_000);
    expect(runDurationMs(run({ finished_at: null, status: "running" }))).toBeNull();
  });
});

describe("runErrorText", () => {
  it("words a failed run by its code in the user's language", () => {
    const failed = run({ status: "failed", error_code: "sign_in_rejected", error: "sign-in at https://x/token was refused" });
    expect(runErrorText(failed, en)).toBe(en.error({ code: "sign_in_rejected", message: "", field: null }));
    expect(runErrorText(failed, sv)).toBe(sv.error({ code: "sign_in_rejected", message: "", field: null }));
    expect(runErrorText(failed, en)).not.toBe(runErrorText(failed, sv));
  });

  it("falls back to the detail for a code this UI does not know, and is empty without an error", () => {
    expect(runErrorText(run({ status: "failed", error_code: "future_code", error: "detail" }), en)).toBe("detail");
    expect(runErrorText(run(), en)).toBeNull();
  });
});
