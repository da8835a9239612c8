import { describe, expect, it } from "vitest";
import type { ErrorPayload, Purchase, PurchaseField, PurchaseLine } from "../bindings";
import { en } from "../i18n/en";
import { PURCHASE_FIELDS } from "./mapping";
import {
  OWNERSHIPS,
  PURCHASE_FORM_FIELDS,
  checkPurchaseDraft,
  draftFromPurchase,
  editAnswers,
  firstProblem,
  formMatchesLine,
  isOwnership,
  newPurchaseDraft,
  nextUnitDraft,
  purchaseGone,
  refusalProblem,
  rememberSupplier,
  rememberedSupplier,
  type PurchaseDraft,
} from "./purchaseDraft";

/** A form as filled in for one line of an invoice. */
function filled(change: Partial<PurchaseDraft> = {}): PurchaseDraft {
  return {
    ...newPurchaseDraft("2026-11-02", " Atea Sverige AB "),
    manufacturer: "Apple",
    model: "iPhone 16",
    serial: " f2lxq0abc1 ",
    unit_cost: "9 490,00",
    ...change,
  };
}

const refused = (field: string | null, message: string, code: ErrorPayload["code"] = "invalid_input") =>
  refusalProblem({ code, field, message });

describe("newPurchaseDraft", () => {
  it("starts on the given day with the usual VAT, warranty and ownership", () => {
    const draft = newPurchaseDraft("2026-11-02", "Atea Sverige AB");
    expect(draft.purchase_date).toBe("2026-11-02");
    expect(draft.supplier).toBe("Atea Sverige AB");
    expect(draft.vat_rate).toBe("2500");
    expect(draft.warranty_months).toBe("24");
    expect(draft.ownership).toBe("corporate");
    expect(draft.planned_lifetime_months).toBe("");
  });
});

/** A purchase as the register holds it, imported from a delivery file. */
function bought(change: Partial<PurchaseLine> = {}): Purchase {
  return {
    id: 7,
    line: {
      purchase_date: "2026-10-01",
      supplier: "Atea Sverige AB",
      order_number: "PO-77",
      invoice_number: null,
      manufacturer: "Apple",
      model: "iPhone 16",
      serial: "F2LXQ0ABC1",
      imei: "490154203237518",
      unit_cost_ore: 1_234_567_890,
      vat_rate_basis_points: 2500,
      warranty_months: 24,
      org_unit: "Förskoleförvaltningen",
      ownership: "personal",
      planned_lifetime_months: null,
      ...change,
    },
    created_at: "2026-10-02T08:00:00Z",
    created_by: "kim.lind",
    imported: true,
    device_id: 42,
    warranty_end: "2028-09-30",
  };
}

describe("draftFromPurchase", () => {
  it("fills every field from the purchase, the cost in kronor with a decimal comma", () => {
    expect(draftFromPurchase(bought())).toEqual({
      purchase_date: "2026-10-01",
      supplier: "Atea Sverige AB",
      order_number: "PO-77",
      invoice_number: "",
      manufacturer: "Apple",
      model: "iPhone 16",
      serial: "F2LXQ0ABC1",
      imei: "490154203237518",
      unit_cost: "12\u00a0345\u00a0678,90",
      vat_rate: "2500",
      warranty_months: "24",
      org_unit: "Förskoleförvaltningen",
      ownership: "personal",
      planned_lifetime_months: "",
    });
  });

  it("writes small and round amounts with their öre", () => {
    const cost = (ore: number) => draftFromPurchase(bought({ unit_cost_ore: ore })).unit_cost;
    expect(cost(5)).toBe("0,05");
    expect(cost(949_000)).toBe("9\u00a0490,00");
    expect(cost(100_000)).toBe("1\u00a0000,00");
    expect(cost(99_950)).toBe("999,50");
  });

  it("leaves blank what the purchase does not give", () => {
    const draft = draftFromPurchase(
      bought({ serial: null, unit_cost_ore: null, vat_rate_basis_points: null, warranty_months: null }),
    );
    expect(draft).toMatchObject({ serial: "", unit_cost: "", vat_rate: "", warranty_months: "" });
  });

  it("reads back as the very purchase it was filled from", () => {
    for (const purchase of [bought(), bought({ imei: null, planned_lifetime_months: 48, unit_cost_ore: 5 })]) {
      const check = checkPurchaseDraft(draftFromPurchase(purchase));
      expect(check.ok && check.form).toEqual(purchase.line);
    }
  });
});

describe("formMatchesLine", () => {
  it("tells an unchanged form from one with any field changed", () => {
    const purchase = bought();
    const form = (change: Partial<PurchaseDraft>) => {
      const check = checkPurchaseDraft({ ...draftFromPurchase(purchase), ...change });
      if (!check.ok) throw new Error("the draft should pass");
      return check.form;
    };
    expect(formMatchesLine(form({}), purchase.line)).toBe(true);
    // Trimmed before it is compared, as the core trims it before it is kept.
    expect(formMatchesLine(form({ supplier: " Atea Sverige AB " }), purchase.line)).toBe(true);
    expect(formMatchesLine(form({ supplier: "Dustin AB" }), purchase.line)).toBe(false);
    expect(formMatchesLine(form({ unit_cost: "12 345 678,91" }), purchase.line)).toBe(false);
    expect(formMatchesLine(form({ invoice_number: "F-1001" }), purchase.line)).toBe(false);
    expect(formMatchesLine(form({ ownership: "corporate" }), purchase.line)).toBe(false);
  });
});

describe("nextUnitDraft", () => {
  it("keeps the invoice and the model, and empties what names the unit", () => {
    const next = nextUnitDraft(filled({ imei: "490154203237518", order_number: "PO-4711" }));
    expect(next).toEqual(filled({ serial: "", imei: "", order_number: "PO-4711" }));
  });
});

describe("checkPurchaseDraft", () => {
  it("gives the form the core takes: trimmed, blanks absent, the amount in öre", () => {
    const check = checkPurchaseDraft(filled({ order_number: "  ", org_unit: " Äldreförvaltningen " }));
    expect(check).toEqual({
      ok: true,
      form: {
        purchase_date: "2026-11-02",
        supplier: "Atea Sverige AB",
        order_number: null,
        invoice_number: null,
        manufacturer: "Apple",
        model: "iPhone 16",
        serial: "f2lxq0abc1",
        imei: null,
        unit_cost_ore: 949_000,
        vat_rate_basis_points: 2500,
        warranty_months: 24,
        org_unit: "Äldreförvaltningen",
        ownership: "corporate",
        planned_lifetime_months: null,
      },
    });
  });

  it("sends no VAT rate or warranty when none is given, and the months when they are", () => {
    const check = checkPurchaseDraft(
      filled({ vat_rate: "", warranty_months: " ", planned_lifetime_months: "36", ownership: "personal" }),
    );
    expect(check.ok && check.form).toMatchObject({
      vat_rate_basis_points: null,
      warranty_months: null,
      planned_lifetime_months: 36,
      ownership: "personal",
    });
  });

  it("takes an IMEI alone as what names the unit", () => {
    const check = checkPurchaseDraft(filled({ serial: "", imei: "49 015420 323751 8" }));
    expect(check.ok && check.form).toMatchObject({ serial: null, imei: "49 015420 323751 8" });
  });

  it("names every required field left empty, and asks for a serial number or an IMEI", () => {
    const check = checkPurchaseDraft({
      ...newPurchaseDraft("", ""),
      warranty_months: "",
    });
    expect(check).toEqual({
      ok: false,
      problems: {
        supplier: "purchases.add.problem.required",
        purchase_date: "purchases.add.problem.required",
        manufacturer: "purchases.add.problem.required",
        model: "purchases.add.problem.required",
        serial: "purchases.add.problem.identifier",
        unit_cost: "purchases.add.problem.required",
      },
    });
  });

  it("refuses amounts, months and dates it cannot read", () => {
    const problems = (change: Partial<PurchaseDraft>) => {
      const check = checkPurchaseDraft(filled(change));
      return check.ok ? {} : check.problems;
    };
    expect(problems({ unit_cost: "9.490,00" })).toEqual({ unit_cost: "purchases.add.problem.costFormat" });
    expect(problems({ unit_cost: "9490,005" })).toEqual({ unit_cost: "purchases.add.problem.costDecimals" });
    expect(problems({ unit_cost: "99999999999999" })).toEqual({ unit_cost: "purchases.add.problem.costTooLarge" });
    expect(problems({ warranty_months: "2 år" })).toEqual({ warranty_months: "purchases.add.problem.months" });
    expect(problems({ warranty_months: "-1" })).toEqual({ warranty_months: "purchases.add.problem.months" });
    expect(problems({ planned_lifetime_months: "3,5" })).toEqual({
      planned_lifetime_months: "purchases.add.problem.months",
    });
    expect(problems({ planned_lifetime_months: "99999999999" })).toEqual({
      planned_lifetime_months: "purchases.add.problem.months",
    });
    expect(problems({ purchase_date: "2026-02-30" })).toEqual({ purchase_date: "purchases.add.problem.date" });
  });

  it("leaves the rules on values to the core: a long warranty and an odd serial number are sent", () => {
    const check = checkPurchaseDraft(filled({ warranty_months: "300", serial: "no such serial!" }));
    expect(check.ok).toBe(true);
  });
});

describe("firstProblem", () => {
  it("is the first in the form's order", () => {
    expect(firstProblem({ unit_cost: "purchases.add.problem.required", model: "purchases.add.problem.required" })).toBe(
      "model",
    );
    expect(firstProblem({})).toBeNull();
  });

  it("orders every field of a purchase once", () => {
    expect([...PURCHASE_FORM_FIELDS].sort()).toEqual([...PURCHASE_FIELDS].sort());
  });
});

describe("refusalProblem", () => {
  it("shows a unit bought already at the identifier the core names", () => {
    const message = "purchase: Serial number: this unit is bought already; nothing was saved";
    expect(refused("serial", message)).toEqual({ field: "serial", key: "purchases.add.refused.boughtAlready" });
    expect(refused("imei", message.replace("Serial number", "IMEI"))).toEqual({
      field: "imei",
      key: "purchases.add.refused.boughtAlready",
    });
  });

  it("shows a correction that makes it another purchase's unit at the identifier", () => {
    const message = "purchase: Serial number: another purchase has this unit; nothing was saved";
    expect(refused("serial", message)).toEqual({ field: "serial", key: "purchases.edit.refused.otherPurchase" });
    expect(refused("imei", message.replace("Serial number", "IMEI"))).toEqual({
      field: "imei",
      key: "purchases.edit.refused.otherPurchase",
    });
  });

  it("words the core's other refusals by field", () => {
    expect(refused("imei", 'purchase: IMEI: IMEI "490154203237519" fails the Luhn check digit; nothing was saved')).toEqual(
      { field: "imei", key: "purchases.add.refused.imei" },
    );
    expect(refused("warranty_months", "purchase: Warranty (months): is more than 240 months")).toEqual({
      field: "warranty_months",
      key: "purchases.add.refused.warranty_months",
    });
    expect(refused("unit_cost", "purchase: Unit cost (excl. VAT): cannot be negative")).toEqual({
      field: "unit_cost",
      key: "purchases.add.refused.unit_cost",
    });
  });

  it("tells an empty field and a missing identifier apart from a wrong value", () => {
    expect(refused("supplier", "purchase: Supplier: is needed; nothing was saved")).toEqual({
      field: "supplier",
      key: "purchases.add.problem.required",
    });
    expect(
      refused("serial", "purchase: Serial number: a serial number or an IMEI is needed to know the unit"),
    ).toEqual({ field: "serial", key: "purchases.add.problem.identifier" });
  });

  it("has a text for a refusal of every field", () => {
    for (const field of PURCHASE_FORM_FIELDS) {
      const problem = refused(field, "purchase: something new");
      expect(problem?.field).toBe(field);
      expect(Object.hasOwn(en, problem?.key ?? ""), field).toBe(true);
    }
  });

  it("words another error at its field by its code", () => {
    expect(refused("serial", "database is busy", "database_busy")).toEqual({
      field: "serial",
      key: "error.database_busy",
    });
  });

  it("leaves errors about no field of the form to the form", () => {
    expect(refused(null, "disk full", "disk_full")).toBeNull();
    expect(refused("mapping", "no column")).toBeNull();
    expect(refused("constructor", "odd")).toBeNull();
  });
});

describe("purchaseGone", () => {
  it("is a correction refused without a field, not one refused at a field", () => {
    expect(purchaseGone({ code: "invalid_input", field: null, message: "purchase: there is no purchase 9999" })).toBe(
      true,
    );
    expect(purchaseGone({ code: "invalid_input", field: "serial", message: "purchase: Serial number: …" })).toBe(false);
    expect(purchaseGone({ code: "database_busy", field: null, message: "database is busy" })).toBe(false);
  });
});

describe("editAnswers", () => {
  it("clears a refusal when its field is edited, and one of an identifier by either identifier", () => {
    const cases: [PurchaseField, PurchaseField, boolean][] = [
      ["supplier", "supplier", true],
      ["supplier", "model", false],
      ["serial", "imei", true],
      ["imei", "serial", true],
      ["serial", "unit_cost", false],
    ];
    for (const [refusedField, edited, answers] of cases) {
      expect(editAnswers(refusedField, edited), `${refusedField} by ${edited}`).toBe(answers);
    }
  });
});

describe("ownership", () => {
  it("offers every ownership and knows no other", () => {
    expect(OWNERSHIPS).toEqual(["corporate", "personal", "unknown"]);
    expect(isOwnership("personal")).toBe(true);
    expect(isOwnership("leased")).toBe(false);
  });
});

describe("remembered supplier", () => {
  it("offers the last supplier added, and keeps it when a blank one comes", () => {
    rememberSupplier(" Dustin AB ");
    expect(rememberedSupplier()).toBe("Dustin AB");
    rememberSupplier("   ");
    expect(rememberedSupplier()).toBe("Dustin AB");
  });
});
