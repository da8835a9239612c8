import { describe, expect, it } from "vitest";
import type { MappedColumn } from "../bindings";
import { setColumnField } from "../import/columnMapping";
import { importOptions, isPurchaseField, PURCHASE_FIELDS } from "./mapping";

const guessed: readonly MappedColumn[] = [
  { header: "Leveransdatum", field: "purchase_date" },
  { header: "Artikel", field: "model" },
  { header: "Serienr", field: "serial" },
  { header: "Pris", field: null },
];

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
