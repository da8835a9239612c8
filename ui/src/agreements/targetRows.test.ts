import { describe, expect, it } from "vitest";
import type { Target } from "../bindings";
import { checkTargetRows, newTargetRow, targetRowsOf, type TargetRow } from "./targetRows";

const row = (key: number, changes: Partial<TargetRow> = {}): TargetRow => ({
  key,
  categoryId: null,
  line: null,
  response: "",
  resolution: "",
  ...changes,
});

const target = (category_id: number | null, line: Target["line"], response: number | null, resolution: number | null): Target => ({
  category_id,
  line,
  response_minutes: response,
  resolution_minutes: resolution,
});

describe("targetRowsOf", () => {
  it("puts the row for every other case first, in hours", () => {
    expect(targetRowsOf([target(3, null, null, 120), target(null, null, 60, 540)])).toEqual([
      row(0, { response: "1", resolution: "9" }),
      row(1, { categoryId: 3, resolution: "2" }),
    ]);
  });

  it("starts with an empty first row when no target is for every case", () => {
    expect(targetRowsOf([target(null, "third", 30, 2430)])).toEqual([
      row(0),
      row(1, { line: "third", response: "0:30", resolution: "40:30" }),
    ]);
    expect(targetRowsOf([])).toEqual([row(0)]);
  });
});

describe("newTargetRow", () => {
  it("takes a key no row has", () => {
    expect(newTargetRow([row(0), row(4), row(2)]).key).toBe(5);
    expect(newTargetRow([]).key).toBe(0);
  });
});

describe("checkTargetRows", () => {
  it("reads hours and minutes into targets, leaving out an empty first row", () => {
    expect(
      checkTargetRows([row(0, { response: "1", resolution: "9" }), row(1, { categoryId: 3, line: "second", resolution: "1,5" })]),
    ).toEqual({ ok: true, targets: [target(null, null, 60, 540), target(3, "second", null, 90)] });
    expect(checkTargetRows([row(0), row(1, { line: "third", response: "0:30" })])).toEqual({
      ok: true,
      targets: [target(null, "third", 30, null)],
    });
  });

  it("refuses unreadable and zero times at their field", () => {
    expect(checkTargetRows([row(0, { response: "1:75", resolution: "0" })])).toEqual({
      ok: false,
      problems: { 0: { response: "agreements.problem.duration", resolution: "agreements.problem.zero" } },
    });
  });

  it("needs every other row to name cases of its own and set a time", () => {
    expect(checkTargetRows([row(0, { response: "1" }), row(1, { response: "2" }), row(2, { categoryId: 3 })])).toEqual({
      ok: false,
      problems: { 1: { scope: "agreements.problem.scope" }, 2: { response: "agreements.problem.noTime" } },
    });
  });

  it("refuses two rows for the same cases", () => {
    expect(checkTargetRows([row(0), row(3, { categoryId: 3, response: "1" }), row(5, { categoryId: 3, resolution: "2" })])).toEqual({
      ok: false,
      problems: { 5: { scope: "agreements.problem.sameCases" } },
    });
  });
});
