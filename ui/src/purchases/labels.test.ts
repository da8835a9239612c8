import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { createTranslator } from "../i18n/translator";
import { fieldKey, missingText, PROBLEM_KINDS, problemKey, PURCHASE_MATCHES, purchaseMatchKey } from "./labels";
import { PURCHASE_FIELDS } from "./mapping";

describe("purchase labels", () => {
  it("word every problem kind and field in both languages", () => {
    for (const key of [...PROBLEM_KINDS.map(problemKey), ...PURCHASE_FIELDS.map(fieldKey), ...PURCHASE_MATCHES.map(purchaseMatchKey)]) {
      expect(en[key], key).toBeTruthy();
      expect(sv[key], key).toBeTruthy();
    }
  });

  it("use the agreed Swedish terms", () => {
    expect(sv["purchases.field.supplier"]).toBe("Leverantör");
    expect(sv["purchases.field.purchase_date"]).toBe("Inköpsdatum");
    expect(sv["purchases.field.order_number"]).toBe("Ordernummer");
    expect(sv["purchases.field.invoice_number"]).toBe("Fakturanummer");
    expect(sv["purchases.field.unit_cost"]).toBe("Styckpris exkl. moms");
    expect(sv["purchases.field.org_unit"]).toBe("Förvaltning");
    expect(sv["purchases.field.ownership"]).toBe("Ägande");
    expect(sv["import.mapping.notImported"]).toBe("Importeras inte");
    expect(sv["purchases.seen"]).toBe("Sedd i EMM");
  });

  it("word the missing columns", () => {
    const i18n = createTranslator("en");
    expect(missingText({ missing: "field", field: "purchase_date" }, i18n)).toBe("Purchase date");
    expect(missingText({ missing: "field", field: "supplier" }, i18n)).toBe("Supplier (or fill in the supplier above)");
    expect(missingText({ missing: "serial_or_imei" }, i18n)).toBe("Serial number or IMEI (at least one of them)");
  });
});
