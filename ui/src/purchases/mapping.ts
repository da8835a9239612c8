import type { ImportOptions, MappedColumn, PurchaseField } from "../bindings";
import { columnsToSend } from "../import/columnMapping";

/**
 * Every field a column can be imported as, in the order of a purchase line. A record, so a
 * field added to the backend fails the type check until it is placed here.
 */
const FIELD_ORDER: Record<PurchaseField, true> = {
  purchase_date: true,
  supplier: true,
  order_number: true,
  invoice_number: true,
  manufacturer: true,
  model: true,
  serial: true,
  imei: true,
  unit_cost: true,
  vat_rate: true,
  warranty_months: true,
  org_unit: true,
  ownership: true,
  planned_lifetime_months: true,
};

export const PURCHASE_FIELDS = Object.keys(FIELD_ORDER) as readonly PurchaseField[];

export function isPurchaseField(value: string): value is PurchaseField {
  return Object.hasOwn(FIELD_ORDER, value);
}

/**
 * What the preview and the import are asked with: the supplier typed in the dialog (blank is
 * none), and the columns as the user set them, or `null` to let the core use the supplier's
 * remembered mapping or guess one from the headers.
 */
export function importOptions(supplier: string, mapping: readonly MappedColumn[] | null): ImportOptions {
  const trimmed = supplier.trim();
  return {
    supplier: trimmed === "" ? null : trimmed,
    mapping: mapping === null ? null : columnsToSend(mapping),
  };
}
