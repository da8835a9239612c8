import { describe, expect, it } from "vitest";
import type { CertificationStatus, ModelRow } from "../bindings";
import { filterModels, isFiltered, NO_FILTER, sameModel } from "./modelFilter";

function row(manufacturer: string, model: string, status: CertificationStatus): ModelRow {
  return { manufacturer, model, units: 1, purchased: 1, status, planned_lifetime_months: null };
}

const rows = [
  row("Apple", "iPhone 15", { state: "certified", on: "2026-10-01T10:00:00Z" }),
  row("Samsung", "Galaxy A55", { state: "in_progress", level: 2 }),
  row("Samsung", "Galaxy XCover7", { state: "stopped", level: 1 }),
  row("Apple", "iPad (10th generation)", { state: "not_started" }),
];

const names = (found: readonly ModelRow[]) => found.map((r) => r.model);

describe("filterModels", () => {
  it("keeps everything without a filter", () => {
    expect(filterModels(rows, NO_FILTER)).toBe(rows);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it("keeps the models in a state", () => {
    expect(names(filterModels(rows, { state: "stopped", text: "" }))).toEqual(["Galaxy XCover7"]);
    expect(names(filterModels(rows, { state: "certified", text: "" }))).toEqual(["iPhone 15"]);
  });

  it("matches every term in manufacturer or model, ignoring case", () => {
    expect(names(filterModels(rows, { state: "all", text: "samsung  galaxy a" }))).toEqual([
      "Galaxy A55",
      "Galaxy XCover7",
    ]);
    expect(names(filterModels(rows, { state: "all", text: "XCOVER" }))).toEqual(["Galaxy XCover7"]);
    expect(names(filterModels(rows, { state: "all", text: "apple ipad" }))).toEqual(["iPad (10th generation)"]);
    expect(isFiltered({ state: "all", text: " x " })).toBe(true);
  });

  it("combines state and text", () => {
    expect(names(filterModels(rows, { state: "in_progress", text: "apple" }))).toEqual([]);
    expect(names(filterModels(rows, { state: "in_progress", text: "a55" }))).toEqual(["Galaxy A55"]);
  });
});

describe("sameModel", () => {
  it("compares manufacturer and model", () => {
    const iphone15 = { manufacturer: "Apple", model: "iPhone 15" };
    expect(sameModel(iphone15, { manufacturer: "Apple", model: "iPhone 15" })).toBe(true);
    expect(sameModel(iphone15, { manufacturer: "Apple", model: "iPhone 16" })).toBe(false);
    expect(sameModel(null, null)).toBe(false);
  });
});
