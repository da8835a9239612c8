import { useId, useState, type FormEvent } from "react";
import { commands, type AgreementView, type CategoryView, type ErrorPayload, type PauseReason } from "../bindings";
import { call } from "../api/call";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { Field } from "../components/Field";
import { useI18n } from "../i18n/I18nContext";
import { PAUSE_REASONS, reasonKey } from "../incidents/labels";
import { toLocalInput } from "../lib/localTime";
import type { Refusal } from "../repairs/refusals";
import { useSync } from "../sync/syncContext";
import {
  agreementDraftOf,
  checkAgreementDraft,
  MAX_AGREEMENT_NAME,
  type AgreementDraft,
  type AgreementProblems,
} from "./agreementDraft";
import { agreementRefusal, type AgreementField } from "./refusals";
import { rowFieldId, TargetRowsField } from "./TargetRowsField";
import { WindowField } from "./WindowField";

type Props = {
  /** The agreement whose terms change; `null` for a new one. */
  agreement: AgreementView | null;
  categories: readonly CategoryView[];
  onClose: () => void;
  onSaved: (agreement: AgreementView) => void;
};

/**
 * A new agreement, or new terms of one from a moment on (now, unless told otherwise): the
 * window the clock runs in, what stops it, and the targets. Earlier cases keep their terms.
 */
export function AgreementFormDialog({ agreement, categories, onClose, onSaved }: Props) {
  const i18n = useI18n();
  const { edited } = useSync();
  const formId = useId();
  const titleId = `${formId}-title`;
  const [draft, setDraft] = useState<AgreementDraft>(() => agreementDraftOf(agreement, toLocalInput(new Date())));
  const [shown, setShown] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ErrorPayload | null>(null);
  const [refusal, setRefusal] = useState<Refusal<AgreementField> | null>(null);

  const check = checkAgreementDraft(draft);
  const problems: AgreementProblems = shown && !check.ok ? check.problems : {};
  const text = (key: AgreementProblems["name"], field: AgreementField | null = null): string | null => {
    if (field !== null && refusal?.field === field) return i18n.t(refusal.key);
    return key === undefined ? null : i18n.t(key, { max: MAX_AGREEMENT_NAME });
  };
  const update = (changes: Partial<AgreementDraft>, answers: AgreementField | null = null) => {
    setDraft((current) => ({ ...current, ...changes }));
    if (answers !== null && refusal?.field === answers) setRefusal(null);
  };
  const togglePause = (reason: PauseReason, on: boolean) =>
    update({ pausing: PAUSE_REASONS.filter((candidate) => (candidate === reason ? on : draft.pausing.includes(candidate))) });

  /** The first field with a problem, in the form's order. */
  const firstProblem = (found: AgreementProblems): string | null => {
    if (found.name !== undefined) return `${formId}-name`;
    if (found.valid_from !== undefined) return `${formId}-valid-from`;
    if (found.opens !== undefined) return `${formId}-opens`;
    if (found.closes !== undefined) return `${formId}-closes`;
    const row = draft.rows.find((candidate) => found.rows?.[candidate.key] !== undefined);
    const rowProblems = row === undefined ? undefined : found.rows?.[row.key];
    return row === undefined || rowProblems === undefined ? null : rowFieldId(`${formId}-targets`, row, rowProblems);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setShown(true);
    if (!check.ok) {
      const first = firstProblem(check.problems);
      if (first !== null) document.getElementById(first)?.focus();
      return;
    }
    const { form } = check;
    setSaving(true);
    setFailure(null);
    setRefusal(null);
    void call(() => commands.saveSupportAgreement(form)).then((result) => {
      setSaving(false);
      if (result.status === "ok") {
        // Open cases' standings follow the new terms.
        edited();
        onSaved(result.data);
        return;
      }
      setFailure(result.error);
      const refused = agreementRefusal(result.error);
      setRefusal(refused);
      if (refused !== null) {
        const target = refused.field === "targets" ? `${formId}-targets-0-response` : `${formId}-${refused.field}`;
        document.getElementById(target)?.focus();
      }
    });
  };

  const nameProblem = text(problems.name, "name");
  const validFromProblem = text(problems.valid_from);
  const title =
    agreement === null ? i18n.t("agreements.form.newTitle") : i18n.t("agreements.form.changeTitle", { name: agreement.name });

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog agreement-dialog" testId="agreement-form-dialog">
      <form className="case-form agreement-form" onSubmit={submit} noValidate>
        <DialogHeader titleId={titleId} title={title} onClose={onClose} />
        <div className="dialog-body form-body">
          <div className="form-section">
            {agreement === null && (
              <Field id={`${formId}-name`} label={i18n.t("agreements.form.name")} problem={nameProblem}>
                <input
                  id={`${formId}-name`}
                  type="text"
                  data-testid="agreement-name"
                  data-autofocus
                  autoComplete="off"
                  maxLength={MAX_AGREEMENT_NAME}
                  required
                  aria-required
                  aria-invalid={nameProblem !== null || undefined}
                  aria-describedby={`${formId}-name-problem`}
                  value={draft.name}
                  onChange={(event) => update({ name: event.target.value }, "name")}
                />
              </Field>
            )}
            <Field
              id={`${formId}-valid-from`}
              label={i18n.t("agreements.form.validFrom")}
              problem={validFromProblem}
              hint={i18n.t(draft.validFromTouched ? "agreements.form.validFromHint" : "agreements.form.validFromNow")}
            >
              <input
                id={`${formId}-valid-from`}
                type="datetime-local"
                data-testid="agreement-valid-from"
                data-autofocus={agreement !== null || undefined}
                aria-invalid={validFromProblem !== null || undefined}
                aria-describedby={`${formId}-valid-from-problem ${formId}-valid-from-hint`}
                value={draft.validFrom}
                onChange={(event) => update({ validFrom: event.target.value, validFromTouched: true })}
              />
            </Field>
            <WindowField
              id={formId}
              choice={draft.window}
              days={draft.days}
              opens={draft.opens}
              closes={draft.closes}
              onChoice={(window) => update({ window }, "closes")}
              onDays={(days) => update({ days })}
              onOpens={(opens) => update({ opens }, "closes")}
              onCloses={(closes) => update({ closes }, "closes")}
              opensProblem={text(problems.opens)}
              closesProblem={text(problems.closes, "closes")}
            />
            <fieldset className="form-field wide pause-field">
              <legend className="field-label">{i18n.t("agreements.form.pausing")}</legend>
              {PAUSE_REASONS.map((reason) => (
                <label key={reason} className="checkbox-field">
                  <input
                    type="checkbox"
                    data-testid={`agreement-pause-${reason}`}
                    checked={draft.pausing.includes(reason)}
                    onChange={(event) => togglePause(reason, event.target.checked)}
                  />
                  <span>{i18n.t(reasonKey(reason))}</span>
                </label>
              ))}
              <span className="field-hint">{i18n.t("agreements.form.pausingHint")}</span>
            </fieldset>
            <TargetRowsField
              id={`${formId}-targets`}
              rows={draft.rows}
              categories={categories}
              problems={problems.rows ?? {}}
              problem={refusal?.field === "targets" ? i18n.t(refusal.key) : null}
              onChange={(rows) => update({ rows }, "targets")}
            />
          </div>
        </div>
        <div className="form-status">
          {failure !== null && (
            <div className="inline-error form-error" role="alert" data-testid="agreement-form-error" data-code={failure.code}>
              <span>{i18n.t("agreements.form.error", { reason: refusal === null ? i18n.error(failure) : i18n.t(refusal.key) })}</span>
              <ErrorDetails message={failure.message} />
            </div>
          )}
        </div>
        <FormDialogActions
          onCancel={onClose}
          submitLabel={i18n.t(saving ? "agreements.form.saving" : "agreements.form.save")}
          submitTestId="agreement-submit"
          busy={saving}
        />
      </form>
    </Dialog>
  );
}
