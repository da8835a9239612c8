import { useId, useState, type FormEvent } from "react";
import { commands, type CertificationStep, type ErrorPayload } from "../bindings";
import { call } from "../api/call";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { levelHeading } from "./certificationSteps";

/** The levels a step can belong to; the organisation's own steps most often test its own environment. */
const LEVELS = [1, 2, 3] as const;
const DEFAULT_LEVEL = 3;

type Props = {
  onClose: () => void;
  onAdded: (step: CertificationStep) => void;
};

/** Adds the organisation's own step to the certification template, for every model. */
export function AddStepDialog({ onClose, onAdded }: Props) {
  const i18n = useI18n();
  const titleId = useId();
  const formId = useId();
  const [level, setLevel] = useState<number>(DEFAULT_LEVEL);
  const [title, setTitle] = useState("");
  const [saving, setSaving] = useState(false);
  const [shown, setShown] = useState(false);
  const [refusal, setRefusal] = useState<ErrorPayload | null>(null);

  const levelProblem = refusal?.field === "level" ? i18n.error(refusal) : null;
  const titleProblem =
    refusal?.field === "title"
      ? i18n.error(refusal)
      : shown && title.trim() === ""
        ? i18n.t("models.addStep.problem.title")
        : null;
  const formRefusal = refusal !== null && refusal.field !== "level" && refusal.field !== "title" ? refusal : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (title.trim() === "") return;
    setSaving(true);
    setRefusal(null);
    void call(() => commands.addCertificationStep(level, title.trim())).then((result) => {
      setSaving(false);
      if (result.status === "ok") onAdded(result.data);
      else setRefusal(result.error);
    });
  };

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog cert-dialog" testId="cert-add-step-dialog">
      <form onSubmit={submit} noValidate>
        <DialogHeader titleId={titleId} title={i18n.t("models.addStep.title")} onClose={onClose} />
        <div className="dialog-body form-body">
          <p className="muted">{i18n.t("models.addStep.intro")}</p>
          <div className="form-section">
            <Field id={`${formId}-level`} label={i18n.t("models.addStep.level")} problem={levelProblem} wide>
              <select
                id={`${formId}-level`}
                data-testid="cert-step-level"
                value={level}
                aria-invalid={levelProblem !== null || undefined}
                aria-describedby={`${formId}-level-problem`}
                onChange={(event) => setLevel(Number(event.target.value))}
              >
                {LEVELS.map((value) => {
                  const heading = levelHeading(value);
                  return (
                    <option key={value} value={value}>
                      {i18n.t(heading.key, heading.params)}
                    </option>
                  );
                })}
              </select>
            </Field>
            <Field
              id={`${formId}-title`}
              label={i18n.t("models.addStep.stepTitle")}
              problem={titleProblem}
              hint={i18n.t("models.addStep.titleHint")}
              wide
            >
              <input
                id={`${formId}-title`}
                type="text"
                data-testid="cert-step-title"
                data-autofocus
                value={title}
                maxLength={300}
                required
                aria-required="true"
                aria-invalid={titleProblem !== null || undefined}
                aria-describedby={`${formId}-title-problem ${formId}-title-hint`}
                onChange={(event) => setTitle(event.target.value)}
              />
            </Field>
          </div>
          {formRefusal !== null && (
            <InlineError messageKey="models.addStep.error" error={formRefusal} testId="cert-add-step-error" />
          )}
        </div>
        <FormDialogActions
          onCancel={onClose}
          submitLabel={i18n.t("models.addStep.submit")}
          submitTestId="cert-step-submit"
          busy={saving}
        />
      </form>
    </Dialog>
  );
}
