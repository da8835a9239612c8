import { useId, useState, type FormEvent } from "react";
import { commands, type CaseUnitView, type ErrorPayload, type RepairCaseView, type SlaType } from "../bindings";
import { call } from "../api/call";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { Field } from "../components/Field";
import { useI18n } from "../i18n/I18nContext";
import { toLocalInput } from "../lib/localTime";
import { useSync } from "../sync/syncContext";
import { checkCaseDraft, firstCaseProblem, MAX_FAULT, MAX_REPORTED_BY, type CaseDraft, type CaseFormField } from "./caseDraft";
import { SLA_TYPES, slaTypeKey } from "./labels";
import { caseRefusal, type Refusal, type CaseField } from "./refusals";
import { UnitLookup, type Lookup } from "./UnitLookup";

type Props = {
  /** The unit, when a scan found it; else the form starts by finding one. */
  unit: CaseUnitView | null;
  onClose: () => void;
  /** The case as the core opened it. */
  onOpened: (view: RepairCaseView) => void;
};

/**
 * Opens a repair case: the unit (scanned, or its serial number or IMEI typed), the SLA type
 * the user's role has, the fault, who reported it and when (now, unless told otherwise).
 */
export function NewCaseDialog({ unit, onClose, onOpened }: Props) {
  const i18n = useI18n();
  const { edited } = useSync();
  const formId = useId();
  const titleId = `${formId}-title`;
  const [draft, setDraft] = useState<CaseDraft>(() => ({
    unit,
    sla: null,
    fault: "",
    reportedBy: unit?.user_name ?? "",
    reportedAt: toLocalInput(new Date()),
    reportedAtTouched: false,
  }));
  const [lookup, setLookup] = useState<Lookup>(() => (unit === null ? { status: "idle" } : { status: "found", openCase: null }));
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ErrorPayload | null>(null);
  const [refusal, setRefusal] = useState<Refusal<CaseField> | null>(null);

  const check = checkCaseDraft(draft);
  const problems = showProblems && !check.ok ? check.problems : {};
  const fieldId = (field: CaseFormField) => `${formId}-${field}`;
  const problemText = (field: CaseFormField): string | null => {
    const key = problems[field];
    if (key !== undefined) return i18n.t(key);
    return refusal?.field === field ? i18n.t(refusal.key) : null;
  };

  const update = <K extends keyof CaseDraft>(field: K, value: CaseDraft[K], answers: CaseFormField) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (refusal?.field === answers) setRefusal(null);
  };

  const onFound = (found: CaseUnitView | null) => {
    setDraft((current) => ({
      ...current,
      unit: found,
      // Usually the user reports their own fault; the helpdesk can write itself instead.
      reportedBy: current.reportedBy.trim() === "" && found !== null ? (found.user_name ?? "") : current.reportedBy,
    }));
    if (refusal?.field === "device_id") setRefusal(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (!check.ok) {
      setShowProblems(true);
      const first = firstCaseProblem(check.problems);
      if (first !== null) document.getElementById(fieldId(first))?.focus();
      return;
    }
    const { form } = check;
    setSaving(true);
    setFailure(null);
    setRefusal(null);
    void call(() => commands.openRepairCase(form)).then((result) => {
      setSaving(false);
      if (result.status === "ok") {
        // The case list, the unit's lifecycle in the inventory and the pool all changed.
        edited();
        onOpened(result.data);
        return;
      }
      setFailure(result.error);
      const refused = caseRefusal(result.error);
      setRefusal(refused);
      if (refused !== null) document.getElementById(fieldId(refused.field))?.focus();
    });
  };

  const slaProblem = problemText("sla");
  const faultProblem = problemText("fault");
  const reportedByProblem = problemText("reported_by");
  const reportedAtProblem = problemText("reported_at");

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog case-dialog" testId="case-form-dialog">
      <form className="case-form" data-testid="case-form" onSubmit={submit} noValidate>
        <DialogHeader titleId={titleId} title={i18n.t("repairs.new.title")} onClose={onClose} />
        <div className="dialog-body form-body">
          <div className="form-section">
            <UnitLookup
              id={fieldId("device_id")}
              initialCode={unit === null ? "" : unit.serial || (unit.imei ?? "")}
              unit={draft.unit}
              lookup={lookup}
              onLookup={setLookup}
              onFound={onFound}
              problem={problemText("device_id")}
              autoFocus={unit === null}
            />
            <fieldset
              className="form-field wide choice-field"
              aria-invalid={slaProblem !== null || undefined}
              aria-describedby={`${fieldId("sla")}-problem`}
            >
              <legend className="field-label">{i18n.t("repairs.new.sla")}</legend>
              <div className="choice-list">
                {SLA_TYPES.map((sla, index) => (
                  <label key={sla} className="choice" data-sla={sla}>
                    <input
                      id={index === 0 ? fieldId("sla") : undefined}
                      type="radio"
                      name={`${formId}-sla`}
                      value={sla}
                      data-testid={`case-sla-${sla}`}
                      data-autofocus={unit !== null && index === 0 ? true : undefined}
                      checked={draft.sla === sla}
                      onChange={() => update("sla", sla satisfies SlaType, "sla")}
                    />
                    <span>
                      <span className="choice-title">{i18n.t(slaTypeKey(sla))}</span>
                      <span className="choice-hint">{i18n.t(`repairs.slaHint.${sla}`)}</span>
                    </span>
                  </label>
                ))}
              </div>
              <span
                id={`${fieldId("sla")}-problem`}
                className="field-problem"
                data-testid="field-problem"
                role={slaProblem ? "alert" : undefined}
              >
                {slaProblem}
              </span>
            </fieldset>
            <Field id={fieldId("fault")} label={i18n.t("repairs.new.fault")} problem={faultProblem} wide>
              <textarea
                id={fieldId("fault")}
                data-testid="case-fault"
                rows={3}
                maxLength={MAX_FAULT}
                required
                aria-required
                aria-invalid={faultProblem !== null || undefined}
                aria-describedby={`${fieldId("fault")}-problem ${fieldId("fault")}-hint`}
                value={draft.fault}
                onChange={(event) => update("fault", event.target.value, "fault")}
              />
            </Field>
            <Field
              id={fieldId("reported_by")}
              label={i18n.t("repairs.new.reportedBy")}
              problem={reportedByProblem}
              hint={i18n.t("repairs.new.reportedByHint")}
            >
              <input
                id={fieldId("reported_by")}
                type="text"
                data-testid="case-reported-by"
                autoComplete="off"
                maxLength={MAX_REPORTED_BY}
                required
                aria-required
                aria-invalid={reportedByProblem !== null || undefined}
                aria-describedby={`${fieldId("reported_by")}-problem ${fieldId("reported_by")}-hint`}
                value={draft.reportedBy}
                onChange={(event) => update("reportedBy", event.target.value, "reported_by")}
              />
            </Field>
            <Field
              id={fieldId("reported_at")}
              label={i18n.t("repairs.new.reportedAt")}
              problem={reportedAtProblem}
              hint={i18n.t(draft.reportedAtTouched ? "repairs.new.reportedAtHint" : "repairs.time.nowHint")}
            >
              <input
                id={fieldId("reported_at")}
                type="datetime-local"
                data-testid="case-reported-at"
                aria-invalid={reportedAtProblem !== null || undefined}
                aria-describedby={`${fieldId("reported_at")}-problem ${fieldId("reported_at")}-hint`}
                value={draft.reportedAt}
                onChange={(event) => {
                  setDraft((current) => ({ ...current, reportedAt: event.target.value, reportedAtTouched: true }));
                  if (refusal?.field === "reported_at") setRefusal(null);
                }}
              />
            </Field>
          </div>
        </div>
        <div className="form-status">
          {failure !== null && (
            <div className="inline-error form-error" role="alert" data-testid="case-form-error" data-code={failure.code}>
              <span>
                {i18n.t("repairs.new.error", { reason: refusal === null ? i18n.error(failure) : i18n.t(refusal.key) })}
              </span>
              <ErrorDetails message={failure.message} />
            </div>
          )}
        </div>
        <FormDialogActions
          onCancel={onClose}
          submitLabel={i18n.t(saving ? "repairs.new.saving" : "repairs.new.submit")}
          submitTestId="case-submit"
          busy={saving}
        />
      </form>
    </Dialog>
  );
}
