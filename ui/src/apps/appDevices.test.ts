import { describe, expect, it } from "vitest";
import type { AppDevice } from "../bindings";
import { createTranslator } from "../i18n/translator";
import { devicesSummary, exportFileName, firstSeenLabel, modelLabel, unitIdentifier } from "./appDevices";

const NBSP = "\u00a0";
const sv = createTranslator("sv");
const en = createTranslator("en");

const device = (overrides: Partial<AppDevice> = {}): AppDevice => ({
  device_id: 1,
  serial: "F2LXK0AAHG7F",
  imei: "356789012345678",
  manufacturer: "Apple",
  model: "iPhone 15",
  org_unit: "Socialtjänsten",
  user_name: "Anna Andersson",
  connections: ["Intune"],
  versions: ["34.1.0"],
  first_seen_at: "2026-03-02T08:15:00Z",
  ...overrides,
});

describe("firstSeenLabel", () => {
  it("shows a known time as a local date and time, with nothing to explain", () => {
    const iso = "2026-03-02T08:15:00Z";
    for (const i18n of [sv, en]) {
      expect(firstSeenLabel(iso, i18n)).toEqual({ text: i18n.format.dateTime(iso), hint: null });
    }
    expect(firstSeenLabel(iso, sv).text).toMatch(/^2026-03-0[12] \d{2}:\d{2}$/);
  });

  it("says an install stored before the upgrade is so, never blank, and explains it", () => {
    expect(firstSeenLabel(null, sv)).toEqual({
      text: "Före uppgraderingen",
      hint: "Installerad redan innan Flotta började spara när en app först sågs",
    });
    const english = firstSeenLabel(null, en);
    expect(english.text).toBe("Before the upgrade");
    expect(english.hint).toMatch(/before Flotta/);
  });
});

describe("unitIdentifier", () => {
  it("prefers the serial number", () => {
    expect(unitIdentifier(device())).toEqual({ kind: "serial", value: "F2LXK0AAHG7F" });
  });

  it("falls back to the IMEI when there is no serial, or only blanks", () => {
    expect(unitIdentifier(device({ serial: null }))).toEqual({ kind: "imei", value: "356789012345678" });
    expect(unitIdentifier(device({ serial: "  " }))).toEqual({ kind: "imei", value: "356789012345678" });
  });

  it("has nothing when the unit has neither", () => {
    expect(unitIdentifier(device({ serial: null, imei: null }))).toBeNull();
    expect(unitIdentifier(device({ serial: "", imei: " " }))).toBeNull();
  });
});

describe("modelLabel", () => {
  it("puts the manufacturer before the model", () => {
    expect(modelLabel(device())).toBe("Apple iPhone 15");
  });

  it("does not repeat a manufacturer the model already names", () => {
    expect(modelLabel(device({ manufacturer: "Samsung", model: "samsung Galaxy S24" }))).toBe("samsung Galaxy S24");
  });

  it("shows whichever part is known", () => {
    expect(modelLabel(device({ manufacturer: "", model: "Pixel 8" }))).toBe("Pixel 8");
    expect(modelLabel(device({ manufacturer: "Google", model: "" }))).toBe("Google");
    expect(modelLabel(device({ manufacturer: " ", model: " " }))).toBe("");
  });
});

describe("devicesSummary", () => {
  const some = (count: number) => Array.from({ length: count }, (_, index) => device({ device_id: index }));

  it("says how much is shown only when the list is cut short", () => {
    expect(devicesSummary({ total: 3032, devices: some(500) }, sv)).toBe(
      `Nyast installerade först · visar 500 av 3${NBSP}032`,
    );
    expect(devicesSummary({ total: 3032, devices: some(500) }, en)).toBe("Newest installs first · showing 500 of 3,032");
  });

  it("says only the order when every device is listed", () => {
    expect(devicesSummary({ total: 12, devices: some(12) }, sv)).toBe("Nyast installerade först");
    expect(devicesSummary({ total: 12, devices: some(12) }, en)).toBe("Newest installs first");
  });
});

describe("exportFileName", () => {
  it("names the file after the app in plain lower-case ASCII", () => {
    expect(exportFileName("TikTok")).toBe("flotta-app-tiktok");
    expect(exportFileName("Microsoft Teams (work or school)")).toBe("flotta-app-microsoft-teams-work-or-school");
    expect(exportFileName("Skolappen Västerås")).toBe("flotta-app-skolappen-vasteras");
  });

  it("keeps a name of symbols alone, or a very long one, usable", () => {
    expect(exportFileName("!!!")).toBe("flotta-app");
    expect(exportFileName("")).toBe("flotta-app");
    const long = exportFileName(`${"a".repeat(59)} b`);
    expect(long).toBe(`flotta-app-${"a".repeat(59)}`);
    expect(long.endsWith("-")).toBe(false);
  });
});
