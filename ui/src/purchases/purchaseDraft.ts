import type { ErrorPayload, Ownership, Purchase, PurchaseField, PurchaseForm, PurchaseLine } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { parseSek, type SekProblem } from "../lib/money";
import { parseIsoDate } from "./dates";
import { isPurchaseField } from "./mapping";

/**
 * A purchase entered by hand (an invoice without a delivery file), as the form edits it:
 * amounts and months stay text until sent, so a half-typed value is not lost.
 */
export type PurchaseDraft = {
  /** `YYYY-MM-DD`, as a date input gives it; empty when the input holds no whole date. */
  readonly purchase_date: string;
  readonly supplier: string;
  readonly order_number: string;
  readonly invoice_number: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly serial: string;
  readonly imei: string;
  /** Kronor excluding VAT, as typed ("9 490,00"). */
  readonly unit_cost: string;
  /** Basis points as the select's value ("2500"); empty when not given. */
  readonly vat_rate: string;
  readonly warranty_months: string;
  readonly org_unit: string;
  readonly ownership: Ownership;
  readonly planned_lifetime_months: string;
};

/**
 * The form's fields in the order it shows them, so the first problem is the one focused. A
 * record, so a field added to the backend fails the type check until it is placed here. The
 * names are also the suffixes of the `purchase-form-<field>` test ids.
 */
const FORM_ORDER: Record<PurchaseField, true> = {
  supplier: true,
  purchase_date: true,
  order_number: true,
  invoice_number: true,
  manufacturer: true,
  model: true,
  serial: true,
  imei: true,
  unit_cost: true,
  vat_rate: true,
  warranty_months: true,
  planned_lifetime_months: true,
  ownership: true,
  org_unit: true,
};
export const PURCHASE_FORM_FIELDS = Object.keys(FORM_ORDER) as readonly PurchaseField[];

/** The Swedish VAT rates in basis points, highest (the usual one for devices) first. */
export const VAT_RATES: readonly number[] = [2500, 1200, 600, 0];

/** Every ownership, in the order the select offers them. */
const OWNERSHIP_SET: Record<Ownership, true> = { corporate: true, personal: true, unknown: true };
export const OWNERSHIPS = Object.keys(OWNERSHIP_SET) as readonly Ownership[];

export function isOwnership(value: string): value is Ownership {
  return Object.hasOwn(OWNERSHIP_SET, value);
}

/** What a new form starts with: the usual VAT and warranty, owned by the organisation that paid. */
export function newPurchaseDraft(today: string, supplier: string): PurchaseDraft {
  return {
    purchase_date: today,
    supplier,
    order_number: "",
    invoice_number: "",
    manufacturer: "",
    model: "",
    serial: "",
    imei: "",
    unit_cost: "",
    vat_rate: "2500",
    warranty_months: "24",
    org_unit: "",
    ownership: "corporate",
    planned_lifetime_months: "",
  };
}

/**
 * The form for correcting a purchase, filled with what the register holds: amounts and months
 * as a person would type them, so the form reads them back exactly as it reads a new one.
 */
export function draftFromPurchase(purchase: Purchase): PurchaseDraft {
  const { line } = purchase;
  const text = (value: string | null) => value ?? "";
  const months = (value: number | null) => (value === null ? "" : String(value));
  return {
    purchase_date: line.purchase_date,
    supplier: line.supplier,
    order_number: text(line.order_number),
    invoice_number: text(line.invoice_number),
    manufacturer: line.manufacturer,
    model: line.model,
    serial: text(line.serial),
    imei: text(line.imei),
    unit_cost: line.unit_cost_ore === null ? "" : kronorText(line.unit_cost_ore),
    vat_rate: line.vat_rate_basis_points === null ? "" : String(line.vat_rate_basis_points),
    warranty_months: months(line.warranty_months),
    org_unit: text(line.org_unit),
    ownership: line.ownership,
    planned_lifetime_months: months(line.planned_lifetime_months),
  };
}

/**
 * Öre as kronor the way the form's hint writes them ("9 490,50", groups split by a no-break
 * space, a decimal comma) in either language: `parseSek` reads it back to the same öre.
 */
function kronorText(ore: number): string {
  // The core refuses a negative cost; should one be in the register, the form shows it and asks.
  const sign = ore < 0 ? "-" : "";
  const whole = String(Math.trunc(Math.abs(ore) / 100)).replace(/\B(?=(\d{3})+$)/g, "\u00a0");
  const decimals = String(Math.abs(ore) % 100).padStart(2, "0");
  return `${sign}${whole},${decimals}`;
}

/** Every field of a form; a record, so a field added to the backend fails the type check until it is here. */
const FORM_KEYS: Record<keyof PurchaseForm, true> = {
  purchase_date: true,
  supplier: true,
  order_number: true,
  invoice_number: true,
  manufacturer: true,
  model: true,
  serial: true,
  imei: true,
  unit_cost_ore: true,
  vat_rate_basis_points: true,
  warranty_months: true,
  org_unit: true,
  ownership: true,
  planned_lifetime_months: true,
};

/**
 * Whether a checked form says what `line` already says, field by field: saving a correction
 * that changes nothing would only leave an empty entry in the audit log.
 */
export function formMatchesLine(form: PurchaseForm, line: PurchaseLine): boolean {
  return (Object.keys(FORM_KEYS) as (keyof PurchaseForm)[]).every((key) => form[key] === line[key]);
}

/**
 * The form for the next unit on the same invoice: everything stays but what names the unit,
 * so a person entering ten lines types only ten serial numbers.
 */
export function nextUnitDraft(draft: PurchaseDraft): PurchaseDraft {
  return { ...draft, serial: "", imei: "" };
}

export type DraftProblems = Partial<Record<PurchaseField, MessageKey>>;

export type DraftCheck =
  { readonly ok: true; readonly form: PurchaseForm } | { readonly ok: false; readonly problems: DraftProblems };

const COST_PROBLEMS: Record<SekProblem, MessageKey> = {
  empty: "purchases.add.problem.required",
  format: "purchases.add.problem.costFormat",
  decimals: "purchases.add.problem.costDecimals",
  too_large: "purchases.add.problem.costTooLarge",
};

/** The backend keeps months as u32; more does not even reach its own checks. */
const MAX_U32 = 4_294_967_295;

/**
 * What the person can put right before sending: the required fields, and amounts, months and
 * the date that cannot be read. The rules on the values themselves (what a serial number or
 * an IMEI may be, how many months are too many) are the core's: it refuses by field, and
 * `refusalProblem` shows that at the field.
 */
export function checkPurchaseDraft(draft: PurchaseDraft): DraftCheck {
  const problems: DraftProblems = {};
  const required = "purchases.add.problem.required";

  for (const field of ["supplier", "manufacturer", "model"] as const) {
    if (draft[field].trim() === "") problems[field] = required;
  }
  const date = draft.purchase_date.trim();
  if (date === "") problems.purchase_date = required;
  else if (parseIsoDate(date) === null) problems.purchase_date = "purchases.add.problem.date";
  if (draft.serial.trim() === "" && draft.imei.trim() === "") problems.serial = "purchases.add.problem.identifier";

  const cost = parseSek(draft.unit_cost);
  if (!cost.ok) problems.unit_cost = COST_PROBLEMS[cost.problem];
  const warranty = optionalMonths(draft.warranty_months);
  if (warranty === undefined) problems.warranty_months = "purchases.add.problem.months";
  const lifetime = optionalMonths(draft.planned_lifetime_months);
  if (lifetime === undefined) problems.planned_lifetime_months = "purchases.add.problem.months";
  const vat = draft.vat_rate === "" ? null : Number(draft.vat_rate);
  if (vat !== null && !VAT_RATES.includes(vat)) problems.vat_rate = "purchases.add.refused.vat_rate";

  if (!cost.ok || warranty === undefined || lifetime === undefined || Object.keys(problems).length > 0) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    form: {
      purchase_date: date,
      supplier: draft.supplier.trim(),
      order_number: optionalText(draft.order_number),
      invoice_number: optionalText(draft.invoice_number),
      manufacturer: draft.manufacturer.trim(),
      model: draft.model.trim(),
      serial: optionalText(draft.serial),
      imei: optionalText(draft.imei),
      unit_cost_ore: cost.ore,
      vat_rate_basis_points: vat,
      warranty_months: warranty,
      org_unit: optionalText(draft.org_unit),
      ownership: draft.ownership,
      planned_lifetime_months: lifetime,
    },
  };
}

/** The first field with a problem, in the order the form shows them. */
export function firstProblem(problems: DraftProblems): PurchaseField | null {
  return PURCHASE_FORM_FIELDS.find((field) => problems[field] !== undefined) ?? null;
}

function optionalText(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** Whole months; `null` when blank, `undefined` when not a number of months. */
function optionalMonths(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const months = Number(trimmed);
  return months <= MAX_U32 ? months : undefined;
}

/** A refusal from the core, shown at the field it names. */
export type RefusedField = {
  readonly field: PurchaseField;
  /** What to say there, in the user's language. */
  readonly key: MessageKey;
};

/**
 * Where to show an error from adding or correcting, and what to say there; `null` when it is not about a
 * field of the form (then the form's error says it). The core words its refusals in
 * English, so they are worded again by field; the few refusals that need telling apart
 * within a field (the unit bought already, a field left empty) are told apart by the
 * core's message, which the form's error also shows under its details.
 */
export function refusalProblem(error: ErrorPayload): RefusedField | null {
  const { field } = error;
  if (field === null || !isPurchaseField(field)) return null;
  if (error.code !== "invalid_input") return { field, key: `error.${error.code}` };
  if ((field === "serial" || field === "imei") && /bought already/i.test(error.message)) {
    return { field, key: "purchases.add.refused.boughtAlready" };
  }
  // A correction that would make the unit the same as another purchase's.
  if ((field === "serial" || field === "imei") && /another purchase has this unit/i.test(error.message)) {
    return { field, key: "purchases.edit.refused.otherPurchase" };
  }
  if (field === "serial" && /\bIMEI is needed\b/i.test(error.message)) {
    return { field, key: "purchases.add.problem.identifier" };
  }
  if (/\bis needed\b/i.test(error.message)) return { field, key: "purchases.add.problem.required" };
  return { field, key: `purchases.add.refused.${field}` };
}

/**
 * Whether a correction failed because the purchase is no longer in the register: the core
 * names no field then, where every refusal of the form itself names one.
 */
export function purchaseGone(error: ErrorPayload): boolean {
  return error.code === "invalid_input" && error.field === null;
}

/**
 * Whether editing `edited` answers a refusal of `refused`. Serial number and IMEI together
 * name the unit: a refusal of either (missing, bought already) is answered by editing either.
 */
export function editAnswers(refused: PurchaseField, edited: PurchaseField): boolean {
  const identifier = (field: PurchaseField) => field === "serial" || field === "imei";
  return refused === edited || (identifier(refused) && identifier(edited));
}

/**
 * The supplier of the last purchase added, offered in the next form for as long as the app
 * runs: the lines of one invoice come from one supplier. Not stored, since the next
 * session's invoice is likely another's.
 */
let lastSupplier = "";

export function rememberedSupplier(): string {
  return lastSupplier;
}

export function rememberSupplier(supplier: string): void {
  const trimmed = supplier.trim();
  if (trimmed !== "") lastSupplier = trimmed;
}
