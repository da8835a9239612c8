import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { commands, type ErrorPayload, type PreconfigStep } from "../bindings";
import { call } from "../api/call";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { focusLost } from "./gridFocus";
import { fieldProblem, titleProblem } from "./templateForm";

type Props = {
  /** The checklist as last read; it is read again after each change. */
  steps: readonly PreconfigStep[];
  onClose: () => void;
  /** A step was added or retired: the register changed. */
  onChanged: () => void;
};

/**
 * The organisation's checklist, for every delivery: its steps, each of which can be retired
 * (after a confirmation; what was ticked for it stays on record), and a field to add a step
 * at the end. Each change is saved at once, so the dialog stays open for the next one.
 */
export function TemplateDialog({ steps, onClose, onChanged }: Props) {
  const i18n = useI18n();
  const titleId = useId();
  const formId = useId();
  const stepsId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState("");
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<{ readonly error: ErrorPayload; readonly title: string } | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [retiring, setRetiring] = useState<PreconfigStep | null>(null);
  const [retireBusy, setRetireBusy] = useState(false);
  const [retireError, setRetireError] = useState<ErrorPayload | null>(null);

  // A retired step's button leaves the list with it, and the focus with the button: the
  // field takes it, so it stays in the dialog.
  useEffect(() => {
    const input = inputRef.current;
    const active = document.activeElement;
    if (input === null || (active !== input.closest("dialog") && !focusLost(active, document.body))) return;
    input.focus();
  }, [steps]);

  const problem = fieldProblem(title, tried, refusal, i18n);
  const formRefusal = refusal !== null && refusal.error.code !== "invalid_input" ? refusal.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setAdded(null);
    if (saving || titleProblem(title) !== null) return;
    const sent = title.trim();
    setSaving(true);
    setRefusal(null);
    void call(() => commands.addPreconfigStep(sent)).then((result) => {
      setSaving(false);
      if (result.status === "ok") {
        setTitle("");
        setTried(false);
        setAdded(result.data.title);
        onChanged();
      } else {
        setRefusal({ error: result.error, title: sent });
      }
    });
  };

  const retire = (step: PreconfigStep) => {
    setRetireBusy(true);
    setRetireError(null);
    void call(() => commands.retirePreconfigStep(step.id)).then((result) => {
      setRetireBusy(false);
      if (result.status === "ok") {
        setRetiring(null);
        setAdded(null);
        onChanged();
      } else {
        setRetireError(result.error);
      }
    });
  };

  return (
    <>
      <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog preconfig-template" testId="preconfig-template-dialog">
        <form onSubmit={submit} noValidate>
          <DialogHeader titleId={titleId} title={i18n.t("preconfig.template.title")} onClose={onClose} />
          <div className="dialog-body form-body">
            <p className="muted">{i18n.t("preconfig.template.intro")}</p>
            <h3 id={stepsId} className="preconfig-template-heading">
              {i18n.t("preconfig.template.steps")}
            </h3>
            {steps.length === 0 ? (
              <p className="muted" data-testid="preconfig-template-empty">
                {i18n.t("preconfig.template.empty")}
              </p>
            ) : (
              <ol className="preconfig-template-steps" aria-labelledby={stepsId}>
                {steps.map((step) => (
                  <li key={step.id} data-testid={`preconfig-template-step-${step.id}`}>
                    <span className="preconfig-template-title">
                      {step.title}
                      {step.done_by_enrolment && (
                        <span className="tag tag-muted">{i18n.t("preconfig.template.enrolment")}</span>
                      )}
                    </span>
                    <button
                      type="button"
                      className="button-secondary button-danger-text"
                      data-testid={`preconfig-retire-${step.id}`}
                      aria-label={i18n.t("preconfig.template.retireNamed", { step: step.title })}
                      onClick={() => {
                        setRetireError(null);
                        setRetiring(step);
                      }}
                    >
                      {i18n.t("preconfig.template.retire")}
                    </button>
                  </li>
                ))}
              </ol>
            )}
            <div className="form-section">
              <Field
                id={`${formId}-title`}
                label={i18n.t("preconfig.template.stepTitle")}
                problem={problem}
                hint={i18n.t("preconfig.template.titleHint")}
                wide
              >
                <input
                  ref={inputRef}
                  id={`${formId}-title`}
                  type="text"
                  data-testid="preconfig-step-title"
                  data-autofocus
                  value={title}
                  required
                  aria-required="true"
                  aria-invalid={problem !== null || undefined}
                  aria-describedby={`${formId}-title-problem ${formId}-title-hint`}
                  onChange={(event) => {
                    setTitle(event.target.value);
                    // What the core said was about the title sent, not this one.
                    setRefusal(null);
                    setAdded(null);
                  }}
                />
              </Field>
            </div>
            <p className="preconfig-template-added" role="status" data-testid="preconfig-step-added">
              {added !== null && i18n.t("preconfig.template.added", { step: added })}
            </p>
            {formRefusal !== null && (
              <InlineError messageKey="preconfig.template.addError" error={formRefusal} testId="preconfig-add-step-error" />
            )}
          </div>
          <FormDialogActions
            onCancel={onClose}
            submitLabel={i18n.t("preconfig.template.add")}
            submitTestId="preconfig-add-step"
            busy={saving}
          />
        </form>
      </Dialog>
      {retiring !== null && (
        <ConfirmDialog
          title={i18n.t("preconfig.template.retireTitle")}
          confirmLabel={i18n.t("preconfig.template.retireConfirm")}
          confirmTestId="preconfig-retire-confirm"
          busy={retireBusy}
          onCancel={() => setRetiring(null)}
          onConfirm={() => retire(retiring)}
        >
          <p>{i18n.t("preconfig.template.retireBody", { step: retiring.title })}</p>
          {retiring.done_by_enrolment && <p>{i18n.t("preconfig.template.retireEnrolment")}</p>}
          {retireError !== null && (
            <InlineError messageKey="preconfig.template.retireError" error={retireError} testId="preconfig-retire-error" />
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
