import { useId, useState, type FormEvent } from "react";
import { commands, type ErrorPayload, type Purchase, type PurchaseField } from "../bindings";
import { call } from "../api/call";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { Field } from "../components/Field";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";
import { formatVatRate } from "../lib/money";
import { useSync } from "../sync/syncContext";
import { isoDay } from "./dates";
import { fieldKey } from "./labels";
import {
  OWNERSHIPS,
  VAT_RATES,
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
  type RefusedField,
} from "./purchaseDraft";

type Props = {
  onClose: () => void;
  /** The purchase to correct; without one, the dialog adds new purchases. */
  purchase?: Purchase;
};

/** The longest text the core keeps in a purchase's text fields. */
const MAX_TEXT = 200;

/** The fields that are free text, with what the browser may offer for them. */
type TextField = "supplier" | "order_number" | "invoice_number" | "manufacturer" | "model" | "org_unit";

/**
 * Enters one bought unit by hand, for an invoice without a delivery file. After each unit the
 * dialog offers the next one with everything but the unit's identifiers kept, since the lines
 * of an invoice differ mostly in their serial numbers.
 *
 * Given a `purchase`, the same form corrects that one instead (a typo in a delivery file, a
 * serial read wrong) and closes once it is saved.
 */
export function PurchaseFormDialog({ onClose, purchase }: Props) {
  const i18n = useI18n();
  const { edited } = useSync();
  const formId = useId();
  const titleId = `${formId}-title`;
  const editing = purchase ?? null;
  const [draft, setDraft] = useState<PurchaseDraft>(() =>
    editing !== null ? draftFromPurchase(editing) : newPurchaseDraft(isoDay(new Date()), rememberedSupplier()),
  );
  // With the supplier remembered from the previous entry, the unit is what is typed first; a
  // correction starts at the top, as nothing says which field is wrong.
  const [firstField] = useState<PurchaseField>(() =>
    editing === null && draft.supplier !== "" ? "manufacturer" : "supplier",
  );
  // Problems are shown once the user has tried to add or save, then follow every edit.
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  // The last add or correction that failed, for the form's error and its details.
  const [failure, setFailure] = useState<ErrorPayload | null>(null);
  // What the core refused, shown at its field until that field is edited.
  const [refusal, setRefusal] = useState<RefusedField | null>(null);
  const [added, setAdded] = useState<Purchase | null>(null);
  // Units added while the dialog is open; from the second on, the form opens at the serial number.
  const [entries, setEntries] = useState(0);

  const check = checkPurchaseDraft(draft);
  const problems = showProblems && !check.ok ? check.problems : {};
  const fieldId = (field: PurchaseField) => `${formId}-${field}`;
  const focusField = (field: PurchaseField | null) => {
    if (field !== null) document.getElementById(fieldId(field))?.focus();
  };

  const problemText = (field: PurchaseField): string | null => {
    const key = problems[field];
    if (key !== undefined) return i18n.t(key);
    return refusal?.field === field ? i18n.t(refusal.key) : null;
  };

  const update = <K extends keyof PurchaseDraft>(field: K, value: PurchaseDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (refusal !== null && editAnswers(refusal.field, field)) setRefusal(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving || added !== null) return;
    if (!check.ok) {
      setShowProblems(true);
      focusField(firstProblem(check.problems));
      return;
    }
    const { form } = check;
    if (editing !== null && formMatchesLine(form, editing.line)) {
      // Nothing to correct: closing without a call leaves no empty entry in the audit log.
      onClose();
      return;
    }
    setSaving(true);
    setFailure(null);
    setRefusal(null);
    const save = () => (editing === null ? commands.addPurchase(form) : commands.editPurchase(editing.id, form));
    void call(save).then((result) => {
      setSaving(false);
      if (result.status === "ok" && editing !== null) {
        // The list shows the correction, and so does every view reading purchases.
        edited();
        onClose();
        return;
      }
      if (result.status === "ok") {
        rememberSupplier(form.supplier);
        setShowProblems(false);
        setAdded(result.data);
        // The purchases list (and the inventory's purchase column) read the register again.
        edited();
        return;
      }
      setFailure(result.error);
      const problem = refusalProblem(result.error);
      setRefusal(problem);
      focusField(problem?.field ?? null);
    });
  };

  const addAnother = () => {
    setDraft(nextUnitDraft);
    setAdded(null);
    setEntries((n) => n + 1);
  };

  const fieldProps = (field: PurchaseField) => ({
    id: fieldId(field),
    name: field,
    "data-testid": `purchase-form-${field}`,
    "data-autofocus": field === firstField ? true : undefined,
    "aria-invalid": problemText(field) !== null || undefined,
    "aria-describedby": `${fieldId(field)}-problem ${fieldId(field)}-hint`,
  });

  const textField = (field: TextField, options: { required?: boolean; hint?: MessageKey; wide?: boolean } = {}) => (
    <Field
      id={fieldId(field)}
      label={i18n.t(fieldKey(field))}
      problem={problemText(field)}
      hint={options.hint && i18n.t(options.hint)}
      wide={options.wide}
    >
      <input
        {...fieldProps(field)}
        type="text"
        autoComplete="off"
        maxLength={MAX_TEXT}
        required={options.required}
        aria-required={options.required || undefined}
        value={draft[field]}
        onChange={(event) => update(field, event.target.value)}
      />
    </Field>
  );

  const monthsField = (field: "warranty_months" | "planned_lifetime_months", hint?: MessageKey) => (
    <Field
      id={fieldId(field)}
      label={i18n.t(fieldKey(field))}
      problem={problemText(field)}
      hint={hint && i18n.t(hint)}
    >
      {/* Text rather than a number input: that one reads "2a" as empty, which would pass as "not given". */}
      <input
        {...fieldProps(field)}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        value={draft[field]}
        onChange={(event) => update(field, event.target.value)}
      />
    </Field>
  );

  const refusalText = failure === null ? null : refusalProblem(failure);
  const failureReason = (error: ErrorPayload): string => {
    if (refusalText !== null) return i18n.t(refusalText.key);
    if (editing !== null && purchaseGone(error)) return i18n.t("purchases.edit.gone");
    return i18n.error(error);
  };
  const locale = i18n.format.locale;

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog" testId="purchase-form-dialog">
      <form className="purchase-form" data-testid="purchase-form" onSubmit={submit} noValidate>
        <DialogHeader
          titleId={titleId}
          title={i18n.t(editing === null ? "purchases.add.title" : "purchases.edit.title")}
          onClose={onClose}
        />

        {added !== null ? (
          <>
            <div className="dialog-body form-body">
              <AddedPurchase purchase={added} />
            </div>
            <footer className="dialog-actions">
              <button type="button" className="button-secondary" data-testid="purchase-form-done" onClick={onClose}>
                {i18n.t("purchases.add.done")}
              </button>
              {/* The add button is gone: focus goes to the next unit, the usual next step. */}
              <button
                type="button"
                className="button-primary"
                data-testid="purchase-form-add-another"
                onClick={addAnother}
                autoFocus
              >
                {i18n.t("purchases.add.another")}
              </button>
            </footer>
          </>
        ) : (
          <>
            <div className="dialog-body form-body">
              <p className="muted purchase-form-intro">
                {i18n.t(editing === null ? "purchases.add.intro" : "purchases.edit.intro")}
              </p>

              <fieldset className="form-section">
                <legend>{i18n.t("purchases.add.section.purchase")}</legend>
                {/* Only an added supplier is kept for the next purchase. */}
                {textField("supplier", {
                  required: true,
                  hint: editing === null ? "purchases.add.hint.supplier" : undefined,
                })}
                <Field
                  id={fieldId("purchase_date")}
                  label={i18n.t(fieldKey("purchase_date"))}
                  problem={problemText("purchase_date")}
                >
                  <input
                    {...fieldProps("purchase_date")}
                    type="date"
                    required
                    aria-required
                    value={draft.purchase_date}
                    onChange={(event) => update("purchase_date", event.target.value)}
                  />
                </Field>
                {textField("order_number")}
                {textField("invoice_number")}
              </fieldset>

              <fieldset className="form-section">
                <legend>{i18n.t("purchases.add.section.unit")}</legend>
                {textField("manufacturer", { required: true })}
                {textField("model", { required: true })}
                <Field
                  id={fieldId("serial")}
                  label={i18n.t(fieldKey("serial"))}
                  problem={problemText("serial")}
                  hint={i18n.t("purchases.add.hint.serial")}
                >
                  <input
                    {...fieldProps("serial")}
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={MAX_TEXT}
                    // The next unit of the same invoice starts here.
                    autoFocus={entries > 0}
                    value={draft.serial}
                    onChange={(event) => update("serial", event.target.value)}
                  />
                </Field>
                <Field
                  id={fieldId("imei")}
                  label={i18n.t(fieldKey("imei"))}
                  problem={problemText("imei")}
                  hint={i18n.t("purchases.add.hint.imei")}
                >
                  <input
                    {...fieldProps("imei")}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={MAX_TEXT}
                    value={draft.imei}
                    onChange={(event) => update("imei", event.target.value)}
                  />
                </Field>
              </fieldset>

              <fieldset className="form-section">
                <legend>{i18n.t("purchases.add.section.terms")}</legend>
                <Field
                  id={fieldId("unit_cost")}
                  label={i18n.t(fieldKey("unit_cost"))}
                  problem={problemText("unit_cost")}
                  hint={i18n.t("purchases.add.hint.unit_cost")}
                >
                  <input
                    {...fieldProps("unit_cost")}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    maxLength={40}
                    required
                    aria-required
                    value={draft.unit_cost}
                    onChange={(event) => update("unit_cost", event.target.value)}
                  />
                </Field>
                <Field id={fieldId("vat_rate")} label={i18n.t(fieldKey("vat_rate"))} problem={problemText("vat_rate")}>
                  <select
                    {...fieldProps("vat_rate")}
                    value={draft.vat_rate}
                    onChange={(event) => update("vat_rate", event.target.value)}
                  >
                    {VAT_RATES.map((rate) => (
                      <option key={rate} value={String(rate)}>
                        {formatVatRate(rate, locale)}
                      </option>
                    ))}
                    <option value="">{i18n.t("purchases.add.vat.none")}</option>
                  </select>
                </Field>
                {monthsField("warranty_months")}
                {monthsField("planned_lifetime_months", "purchases.add.hint.planned_lifetime_months")}
                <Field
                  id={fieldId("ownership")}
                  label={i18n.t(fieldKey("ownership"))}
                  problem={problemText("ownership")}
                >
                  <select
                    {...fieldProps("ownership")}
                    value={draft.ownership}
                    onChange={(event) => {
                      const value = event.target.value;
                      if (isOwnership(value)) update("ownership", value);
                    }}
                  >
                    {OWNERSHIPS.map((ownership) => (
                      <option key={ownership} value={ownership}>
                        {i18n.enumLabel("ownership", ownership)}
                      </option>
                    ))}
                  </select>
                </Field>
                {textField("org_unit")}
              </fieldset>
            </div>

            {/* Outside the scrolling fields, so the outcome is in sight whichever field has focus. */}
            <div className="form-status">
              {failure !== null && (
                <div
                  className="inline-error form-error"
                  role="alert"
                  data-testid="purchase-form-error"
                  data-code={failure.code}
                  data-field={failure.field ?? undefined}
                >
                  <span>
                    {i18n.t(editing === null ? "purchases.add.error" : "purchases.edit.error", {
                      reason: failureReason(failure),
                    })}
                  </span>
                  <ErrorDetails message={failure.message} />
                </div>
              )}
            </div>

            <FormDialogActions
              onCancel={onClose}
              submitLabel={i18n.t(submitLabel(editing !== null, saving))}
              submitTestId="purchase-form-submit"
              busy={saving}
            />
          </>
        )}
      </form>
    </Dialog>
  );
}

function submitLabel(editing: boolean, saving: boolean): MessageKey {
  if (editing) return saving ? "purchases.edit.saving" : "purchases.edit.submit";
  return saving ? "purchases.add.saving" : "purchases.add.submit";
}

/** What was added, and whether a synced unit already answers to it. */
function AddedPurchase({ purchase }: { purchase: Purchase }) {
  const i18n = useI18n();
  const { line } = purchase;
  const unit = `${line.manufacturer} ${line.model}`;
  const matched = purchase.device_id !== null;
  return (
    <div
      className="purchase-added"
      role="status"
      data-testid="purchase-form-added"
      data-id={purchase.id}
      data-matched={matched}
    >
      <p>
        {line.serial !== null
          ? i18n.t("purchases.add.added.serial", { unit, serial: line.serial })
          : i18n.t("purchases.add.added.imei", { unit, imei: line.imei ?? i18n.t("value.none") })}
      </p>
      <p className={matched ? "tone-good" : "muted"} data-testid="purchase-form-match">
        {i18n.t(matched ? "purchases.add.matched" : "purchases.add.unmatched")}
      </p>
    </div>
  );
}
