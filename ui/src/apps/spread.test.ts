import { describe, expect, it } from "vitest";
import type { AppCount, AppSpread } from "../bindings";
import { createTranslator } from "../i18n/translator";
import { GROUPINGS, groupFilters, groupLabel, headline, spreadRows } from "./spread";

const NBSP = "\u00a0";
const sv = createTranslator("sv");
const en = createTranslator("en");

const count = (group: string, installed: number, visible: number, not_visible: number): AppCount => ({
  group,
  installed,
  visible,
  not_visible,
});

describe("headline", () => {
  const total = count("", 1778, 48100, 1900);

  it("says installed out of the devices whose apps are visible, and the devices not visible, in Swedish", () => {
    expect(headline(total, sv)).toEqual({
      installed: `Installerad på 1${NBSP}778 av 48${NBSP}100 enheter vars appar syns`,
      notVisible: `1${NBSP}900 enheter syns inte`,
    });
  });

  it("says the same in English", () => {
    expect(headline(total, en)).toEqual({
      installed: "Installed on 1,778 of 48,100 devices whose apps are visible",
      notVisible: "1,900 devices not visible",
    });
  });

  it("words one device in the singular", () => {
    expect(headline(count("", 1, 1, 1), sv)).toEqual({
      installed: "Installerad på 1 av 1 enhet vars appar syns",
      notVisible: "1 enhet syns inte",
    });
    expect(headline(count("", 1, 1, 0), en).notVisible).toBe("0 devices not visible");
  });

  it("never words the devices not visible as without the app", () => {
    for (const i18n of [sv, en]) {
      const text = headline(total, i18n).notVisible.toLowerCase();
      expect(text).not.toMatch(/not installed|inte installerad|saknar/);
    }
  });
});

describe("groupFilters", () => {
  it("lists a unit's devices with the app, every other filter left out", () => {
    expect(groupFilters("org_unit", "tiktok", "Grundskoleförvaltningen")).toEqual({
      app: "tiktok",
      org_unit: "Grundskoleförvaltningen",
    });
  });

  it("lists an OS's and an ownership's devices with the app", () => {
    expect(groupFilters("os", "tiktok", "ios")).toEqual({ app: "tiktok", os: "ios" });
    expect(groupFilters("ownership", "tiktok", "personal")).toEqual({ app: "tiktok", ownership: "personal" });
  });

  it("has no filter for devices without a unit, for a connection, or for a value this build does not know", () => {
    expect(groupFilters("org_unit", "tiktok", "")).toBeNull();
    expect(groupFilters("connection", "tiktok", "Intune Skola")).toBeNull();
    expect(groupFilters("os", "tiktok", "harmonyos")).toBeNull();
    expect(groupFilters("ownership", "tiktok", "leased")).toBeNull();
  });
});

describe("groupLabel", () => {
  it("names units and connections as they are, OS and ownership in the user's language", () => {
    expect(groupLabel("org_unit", "Socialförvaltningen", sv)).toBe("Socialförvaltningen");
    expect(groupLabel("org_unit", "", sv)).toBe("(utan enhet)");
    expect(groupLabel("org_unit", "", en)).toBe("(no unit)");
    expect(groupLabel("os", "ipados", en)).toBe(en.enumLabel("os", "ipados"));
    expect(groupLabel("ownership", "corporate", sv)).toBe("Företagsägd");
    expect(groupLabel("connection", "Jamf Pro", sv)).toBe("Jamf Pro");
  });
});

describe("spreadRows", () => {
  it("picks each grouping's rows", () => {
    const spread: AppSpread = {
      key: "tiktok",
      total: count("", 3, 10, 2),
      by_org_unit: [count("Skola", 3, 6, 1)],
      by_os: [count("ios", 2, 5, 1)],
      by_ownership: [count("personal", 3, 4, 2)],
      by_connection: [count("Intune", 3, 10, 2)],
    };
    expect(GROUPINGS.map((grouping) => spreadRows(spread, grouping)[0]?.group)).toEqual([
      "Skola",
      "ios",
      "personal",
      "Intune",
    ]);
  });
});
