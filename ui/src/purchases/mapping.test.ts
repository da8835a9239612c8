import { describe, expect, it } from "vitest";
import type { MappedColumn } from "../bindings";
import { importOptions, isPurchaseField, PURCHASE_FIELDS, setColumnField } from "./mapping";

const guessed: readonly MappedColumn[] = [
  { header: "Leveransdatum", field: "purchase_date" },
  { header: "Artikel", field: "model" },
  { header: "Serienr", field: "serial" },
  { header: "Pris", field: null },
];

describe("setColumnField", () => {
  it("maps one column and leaves the others", () => {
    const edited = setColumnField(guessed, 3, "unit_cost");
    expect(edited).toEqual([...guessed.slice(0, 3), { header: "Pris", field: "unit_cost" }]);
    expect(guessed[3]?.field).toBeNull();
  });

  it("stops importing a column", () => {
    expect(setColumnField(guessed, 1, null)[1]).toEqual({ header: "Artikel", field: null });
  });

  it("takes a field from the column that held it, as a field is read from one column", () => {
    const edited = setColumnField(guessed, 3, "serial");
    expect(edited.map((column) => column.field)).toEqual(["purchase_date", "model", null, "serial"]);
  });

  it("returns the mapping itself when nothing changes", () => {
    expect(setColumnField(guessed, 2, "serial")).toBe(guessed);
    expect(setColumnField(guessed, 9, "imei")).toBe(guessed);
  });
});

describe("importOptions", () => {
  it("lets the core choose the columns until the user changes one", () => {
    expect(importOptions("", null)).toEqual({ supplier: null, mapping: null });
  });

  it("sends the edited columns, every one of them in file order", () => {
    const edited = setColumnField(guessed, 3, "unit_cost");
    expect(importOptions("  Atea  ", edited)).toEqual({
      supplier: "Atea",
      mapping: [
        { header: "Leveransdatum", field: "purchase_date" },
        { header: "Artikel", field: "model" },
        { header: "Serienr", field: "serial" },
        { header: "Pris", field: "unit_cost" },
      ],
    });
  });

  it("treats a blank supplier as none", () => {
    expect(importOptions("   ", guessed).supplier).toBeNull();
  });
});

describe("PURCHASE_FIELDS", () => {
  it("lists every field once, in the order of a purchase line", () => {
    expect(PURCHASE_FIELDS[0]).toBe("purchase_date");
    expect(new Set(PURCHASE_FIELDS).size).toBe(PURCHASE_FIELDS.length);
    expect(PURCHASE_FIELDS).toContain("planned_lifetime_months");
    expect(isPurchaseField("imei")).toBe(true);
    expect(isPurchaseField("toString")).toBe(false);
  });
});
