import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { abbreviations, navSections } from "./navGroups";
import { NAV_GROUPS, VIEWS, groupLabel } from "./views";

describe("VIEWS", () => {
  it("is listed in the order the sidebar shows, so the first view (the one opened at start) is on top", () => {
    const shown = navSections(NAV_GROUPS, VIEWS).flatMap((section) => section.views.map((view) => view.id));
    expect(shown).toEqual(VIEWS.map((view) => view.id));
    expect(VIEWS[0].id).toBe("inventory");
  });

  it("keeps the ids the end-to-end tests click", () => {
    expect(VIEWS.map((view) => view.id)).toEqual(expect.arrayContaining(["inventory", "overview", "apps", "connections"]));
  });

  it("puts the Apps view under Register, after the overview: both read the fleet as the EMMs report it", () => {
    const ids: readonly string[] = VIEWS.map((view) => view.id);
    expect(ids.indexOf("apps")).toBe(ids.indexOf("overview") + 1);
    const groups = Object.fromEntries(VIEWS.map((view) => [view.id, view.group]));
    expect(groups).toMatchObject({ apps: "register" });
  });

  it("puts only the first view in the first bundle; the others are lazy, read on their first visit", () => {
    const isLazy = (component: unknown) =>
      typeof component === "object" &&
      component !== null &&
      "$$typeof" in component &&
      component.$$typeof === Symbol.for("react.lazy");
    expect(isLazy(VIEWS[0].Component)).toBe(false);
    expect(VIEWS.slice(1).filter((view) => !isLazy(view.Component)).map((view) => view.id)).toEqual([]);
  });

  it("has unique ids", () => {
    expect(new Set(VIEWS.map((view) => view.id)).size).toBe(VIEWS.length);
  });

  it("puts repairs and the pool under Service, the SLA report under Reports, the calendar under Administration", () => {
    const groups = Object.fromEntries(VIEWS.map((view) => [view.id, view.group]));
    expect(groups).toMatchObject({ repairs: "service", pool: "service", "sla-report": "reports", calendar: "admin" });
  });

  it("puts support cases after the pool, their report after the SLA report, and the agreements under Administration", () => {
    const ids: readonly string[] = VIEWS.map((view) => view.id);
    expect(ids.indexOf("incidents")).toBe(ids.indexOf("pool") + 1);
    expect(ids.indexOf("incident-report")).toBe(ids.indexOf("sla-report") + 1);
    const groups = Object.fromEntries(VIEWS.map((view) => [view.id, view.group]));
    expect(groups).toMatchObject({ incidents: "service", "incident-report": "reports", agreements: "admin" });
  });

  it.each([
    ["en", en],
    ["sv", sv],
  ])("gives every view a distinct badge for the collapsed menu in %s", (_, dictionary) => {
    const badges = abbreviations(VIEWS.map((view) => dictionary[view.label]));
    expect(new Set(badges.map((badge) => badge.toLowerCase())).size).toBe(VIEWS.length);
  });
});

describe("group headings", () => {
  it("are translated into both languages", () => {
    expect(NAV_GROUPS.map((group) => en[groupLabel(group)])).toEqual(["Register", "Service", "Reports", "Administration"]);
    expect(NAV_GROUPS.map((group) => sv[groupLabel(group)])).toEqual(["Register", "Service", "Rapporter", "Administration"]);
  });
});
