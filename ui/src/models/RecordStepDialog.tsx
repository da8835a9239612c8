import { useId, useState, type FormEvent } from "react";
import {
  commands,
  type ErrorPayload,
  type ModelCertification,
  type StepOutcome,
  type StepReport,
  type StepState,
} from "../bindings";
import { call } from "../api/call";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import type { ModelKey } from "./modelFilter";
import { rememberedTester, rememberTester } from "./testerMemory";

const OUTCOMES: readonly StepOutcome[] = ["pass", "fail", "not_applicable"];

/** Fields a refusal from the core can name; any other refusal is shown for the whole form. */
type FormField = "outcome" | "tester" | "note";

type Props = {
  model: ModelKey;
  step: StepState;
  onClose: () => void;
  /** The model's certification as the core has it after the result. */
  onRecorded: (certification: ModelCertification) => void;
};

/** Records a tester's result for one step. A retest is a new result; the earlier one stays in the history. */
export function RecordStepDialog({ model, step, onClose, onRecorded }: Props) {
  const i18n = useI18n();
  const titleId = useId();
  const formId = useId();
  const [outcome, setOutcome] = useState<StepOutcome | null>(null);
  const [tester, setTester] = useState(rememberedTester);
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [shown, setShown] = useState(false);
  const [refusal, setRefusal] = useState<ErrorPayload | null>(null);

  const refusedField = (field: FormField) => refusal !== null && refusal.field === field;
  const problem = (field: FormField): string | null => {
    if (refusal !== null && refusedField(field)) return i18n.error(refusal);
    if (!shown) return null;
    if (field === "outcome" && outcome === null) return i18n.t("models.record.problem.outcome");
    if (field === "tester" && tester.trim() === "") return i18n.t("models.record.problem.tester");
    return null;
  };
  const formRefusal =
    refusal !== null && !(["outcome", "tester", "note"] as const).some((field) => refusedField(field)) ? refusal : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (outcome === null || tester.trim() === "") return;
    setSaving(true);
    setRefusal(null);
    const report: StepReport = {
      step_id: step.step.id,
      outcome,
      tester: tester.trim(),
      note: note.trim() === "" ? null : note.trim(),
    };
    void call(() => commands.recordCertificationStep(model.manufacturer, model.model, report)).then((result) => {
      setSaving(false);
      if (result.status === "error") {
        setRefusal(result.error);
        return;
      }
      rememberTester(report.tester);
      onRecorded(result.data);
    });
  };

  const outcomeProblem = problem("outcome");
  const testerProblem = problem("tester");
  const noteProblem = problem("note");

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog cert-dialog" testId="cert-record-dialog">
      <form onSubmit={submit} noValidate>
        <DialogHeader
          titleId={titleId}
          title={i18n.t("models.record.title", { code: step.step.code })}
          onClose={onClose}
        />
        <div className="dialog-body form-body">
          <p>
            <strong>{step.step.title}</strong>
            <br />
            <span className="muted">{`${model.manufacturer} ${model.model}`}</span>
          </p>
          {step.latest !== null && (
            <p className="muted" data-testid="cert-record-current">
              {i18n.t("models.record.current", {
                outcome: i18n.t(`models.outcome.${step.latest.outcome}`),
                date: i18n.format.dateTime(step.latest.at),
              })}
            </p>
          )}
          <div className="form-section">
            <fieldset
              className="form-field wide cert-outcomes"
              aria-invalid={outcomeProblem !== null || undefined}
              aria-describedby={`${formId}-outcome-problem`}
            >
              <legend className="field-label">{i18n.t("models.record.outcome")}</legend>
              <div className="cert-outcome-choices">
                {OUTCOMES.map((value, index) => (
                  <label key={value} className="cert-outcome-choice" data-outcome={value}>
                    <input
                      type="radio"
                      name={`${formId}-outcome`}
                      value={value}
                      data-testid={`cert-outcome-${value}`}
                      data-autofocus={index === 0 ? true : undefined}
                      checked={outcome === value}
                      onChange={() => setOutcome(value)}
                    />
                    <span>{i18n.t(`models.outcome.${value}`)}</span>
                  </label>
                ))}
              </div>
              {outcome === "fail" && <span className="field-hint">{i18n.t("models.record.failHint")}</span>}
              <span
                id={`${formId}-outcome-problem`}
                className="field-problem"
                data-testid="field-problem"
                role={outcomeProblem ? "alert" : undefined}
              >
                {outcomeProblem}
              </span>
            </fieldset>
            <Field
              id={`${formId}-tester`}
              label={i18n.t("models.record.tester")}
              problem={testerProblem}
              hint={i18n.t("models.record.testerHint")}
              wide
            >
              <input
                id={`${formId}-tester`}
                type="text"
                data-testid="cert-tester"
                value={tester}
                maxLength={200}
                autoComplete="name"
                required
                aria-required="true"
                aria-invalid={testerProblem !== null || undefined}
                aria-describedby={`${formId}-tester-problem ${formId}-tester-hint`}
                onChange={(event) => setTester(event.target.value)}
              />
            </Field>
            <Field
              id={`${formId}-note`}
              label={i18n.t("models.record.note")}
              problem={noteProblem}
              hint={i18n.t("models.record.noteHint")}
              wide
            >
              <textarea
                id={`${formId}-note`}
                data-testid="cert-note"
                rows={3}
                maxLength={2000}
                value={note}
                aria-invalid={noteProblem !== null || undefined}
                aria-describedby={`${formId}-note-problem ${formId}-note-hint`}
                onChange={(event) => setNote(event.target.value)}
              />
            </Field>
          </div>
          {formRefusal !== null && (
            <InlineError messageKey="models.record.error" error={formRefusal} testId="cert-record-error" />
          )}
        </div>
        <FormDialogActions
          onCancel={onClose}
          submitLabel={i18n.t("models.record.submit")}
          submitTestId="cert-submit"
          busy={saving}
        />
      </form>
    </Dialog>
  );
}
