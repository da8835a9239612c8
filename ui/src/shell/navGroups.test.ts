import { describe, expect, it } from "vitest";
import { abbreviations, navSections, parseCollapsed } from "./navGroups";

type Group = "register" | "service" | "reports" | "admin";
const GROUPS: readonly Group[] = ["register", "service", "reports", "admin"];
const view = (id: string, group: Group) => ({ id, group });

describe("navSections", () => {
  it("shows only groups that have a view, in the groups' order", () => {
    const sections = navSections(GROUPS, [view("inventory", "register"), view("connections", "admin")]);
    expect(sections.map((section) => section.group)).toEqual(["register", "admin"]);
  });

  it("keeps each group's views in list order", () => {
    const sections = navSections(GROUPS, [
      view("inventory", "register"),
      view("repairs", "service"),
      view("overview", "register"),
      view("purchases", "register"),
    ]);
    expect(sections).toEqual([
      { group: "register", views: [view("inventory", "register"), view("overview", "register"), view("purchases", "register")] },
      { group: "service", views: [view("repairs", "service")] },
    ]);
  });

  it("shows nothing for no views", () => {
    expect(navSections(GROUPS, [])).toEqual([]);
  });
});

describe("abbreviations", () => {
  it("takes the first two letters of each label", () => {
    expect(abbreviations(["Enheter", "Översikt", "Anslutningar"])).toEqual(["En", "Öv", "An"]);
    expect(abbreviations(["Devices", "Overview", "Connections"])).toEqual(["De", "Ov", "Co"]);
  });

  it("never gives two views the same badge", () => {
    // The planned English labels: Repairs and Reports both start "Re".
    const labels = [
      "Devices", "Overview", "Purchases", "Models", "Warranties", "Repairs", "Swap pool",
      "Incidents", "Reports", "Apps", "Connections", "Audit log",
    ];
    const badges = abbreviations(labels);
    expect(new Set(badges.map((badge) => badge.toLowerCase())).size).toBe(labels.length);
    expect(badges[5]).toBe("Re");
    expect(badges[8]).toBe("Rp");
  });

  it("gives the planned Swedish labels distinct badges", () => {
    const labels = [
      "Enheter", "Översikt", "Inköp", "Modeller", "Garantier", "Reparationer", "Utbytespool",
      "Ärenden", "Rapporter", "Appar", "Anslutningar", "Granskningslogg",
    ];
    expect(abbreviations(labels)).toEqual(["En", "Öv", "In", "Mo", "Ga", "Re", "Ut", "Är", "Ra", "Ap", "An", "Gr"]);
  });

  it("skips spaces and punctuation and falls back to a number when the letters run out", () => {
    expect(abbreviations(["Swap pool"])).toEqual(["Sw"]);
    expect(abbreviations(["A", "A", "Ab", "Ab"])).toEqual(["A", "A2", "Ab", "A3"]);
    expect(abbreviations(["", "…"])).toEqual(["?", "?2"]);
  });
});

describe("parseCollapsed", () => {
  it("is expanded unless collapsing was saved", () => {
    expect(parseCollapsed(null)).toBe(false);
    expect(parseCollapsed("false")).toBe(false);
    expect(parseCollapsed("garbage")).toBe(false);
    expect(parseCollapsed("true")).toBe(true);
  });
});
