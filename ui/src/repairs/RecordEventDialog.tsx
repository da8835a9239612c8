import { useId, useState, type FormEvent } from "react";
import { commands, type ErrorPayload, type RepairCaseView, type RepairEvent, type RepairEventForm } from "../bindings";
import { call } from "../api/call";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { Field } from "../components/Field";
import { useI18n } from "../i18n/I18nContext";
import { fromLocalInput, toLocalInput } from "../lib/localTime";
import { eventKey, takesPoolUnit } from "./labels";
import { defaultPoolUnit } from "./poolChoice";
import { PoolUnitPicker } from "./PoolUnitPicker";
import { eventRefusal, type EventField, type Refusal } from "./refusals";
import { usePoolChoices } from "./usePoolChoices";

/** The longest note the core keeps. */
const MAX_NOTE = 1000;

type Props = {
  repairCase: RepairCaseView;
  event: RepairEvent;
  onClose: () => void;
  /** The case as the core has it with the event. */
  onRecorded: (view: RepairCaseView) => void;
};

/**
 * Records one step of a case: when it happened (now, unless told otherwise: a parcel opened
 * this morning is recorded in the afternoon) and a note; a replacement or loaner also says
 * which pool unit goes. A refusal is shown at the field it is about.
 */
export function RecordEventDialog({ repairCase, event, onClose, onRecorded }: Props) {
  const i18n = useI18n();
  const formId = useId();
  const titleId = `${formId}-title`;
  const poolUnit = takesPoolUnit(event);
  const { unit } = repairCase;
  const [poolRefresh, setPoolRefresh] = useState(0);
  const pool = usePoolChoices(unit.manufacturer, unit.model, poolRefresh);
  const [at, setAt] = useState(() => toLocalInput(new Date()));
  // Untouched, the step is recorded "now" as the core reads it, not at the minute the form
  // opened (which could be before the step it follows, reported seconds ago).
  const [atTouched, setAtTouched] = useState(false);
  const [note, setNote] = useState("");
  const [picked, setPicked] = useState<number | null>(null);
  const [shown, setShown] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ErrorPayload | null>(null);
  const [refusal, setRefusal] = useState<Refusal<EventField> | null>(null);

  const choices = pool.state.status === "ok" ? pool.state.data : null;
  const unitId = picked ?? (choices === null ? null : defaultPoolUnit(event, choices.ofModel, choices.all));
  const fieldId = (field: EventField) => `${formId}-${field}`;
  const atValue = atTouched ? fromLocalInput(at) : null;

  const problem = (field: EventField): string | null => {
    if (refusal?.field === field) return i18n.t(refusal.key);
    if (!shown) return null;
    if (field === "at" && atTouched && atValue === null) return i18n.t("repairs.record.problem.at");
    if (field === "unit_id" && poolUnit && choices !== null && unitId === null) {
      return i18n.t(choices.all.length === 0 ? "repairs.record.poolEmpty" : "repairs.record.problem.unit");
    }
    return null;
  };

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault();
    if (saving) return;
    setShown(true);
    const atProblem = atTouched && atValue === null;
    const unitProblem = poolUnit && choices !== null && unitId === null;
    if (atProblem || unitProblem) {
      document.getElementById(fieldId(atProblem ? "at" : "unit_id"))?.focus();
      return;
    }
    const form: RepairEventForm = {
      event,
      at: atValue,
      note: note.trim() === "" ? null : note.trim(),
      // What the form showed is what goes; with the pool unread, the core picks as it would.
      unit_id: poolUnit ? unitId : null,
    };
    setSaving(true);
    setFailure(null);
    setRefusal(null);
    void call(() => commands.recordRepairEvent(repairCase.id, form)).then((result) => {
      setSaving(false);
      if (result.status === "ok") {
        onRecorded(result.data);
        return;
      }
      setFailure(result.error);
      const refused = eventRefusal(result.error);
      setRefusal(refused);
      if (refused?.field === "unit_id") {
        // The unit went meanwhile, or the model has none left: show what the pool has now.
        setPicked(null);
        setPoolRefresh((n) => n + 1);
      }
      if (refused !== null) document.getElementById(fieldId(refused.field))?.focus();
    });
  };

  const atProblem = problem("at");
  const noteProblem = problem("note");

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog record-dialog" testId="record-event-dialog">
      <form className="record-form" onSubmit={submit} noValidate data-event={event}>
        <DialogHeader
          titleId={titleId}
          title={i18n.t("repairs.record.title", { event: i18n.t(eventKey(event)) })}
          onClose={onClose}
        />
        <div className="dialog-body form-body">
          <p className="record-case">
            <strong>{i18n.t("repairs.panel.title", { id: repairCase.id })}</strong>
            <span className="muted">{` · ${unit.serial} · ${unit.manufacturer} ${unit.model}`}</span>
          </p>
          <div className="form-section">
            <Field
              id={fieldId("at")}
              label={i18n.t("repairs.record.at")}
              problem={atProblem}
              hint={i18n.t(atTouched ? "repairs.record.atHint" : "repairs.time.nowHint")}
            >
              <input
                id={fieldId("at")}
                type="datetime-local"
                data-testid="record-event-at"
                data-autofocus
                aria-invalid={atProblem !== null || undefined}
                aria-describedby={`${fieldId("at")}-problem ${fieldId("at")}-hint`}
                value={at}
                onChange={(changed) => {
                  setAt(changed.target.value);
                  setAtTouched(true);
                  if (refusal?.field === "at") setRefusal(null);
                }}
              />
            </Field>
            {poolUnit && (
              <PoolUnitPicker
                id={fieldId("unit_id")}
                manufacturer={unit.manufacturer}
                model={unit.model}
                choices={pool.state}
                onRetry={pool.reload}
                value={unitId}
                onChange={(chosen) => {
                  setPicked(chosen);
                  if (refusal?.field === "unit_id") setRefusal(null);
                }}
                problem={problem("unit_id")}
              />
            )}
            <Field
              id={fieldId("note")}
              label={i18n.t("repairs.record.note")}
              problem={noteProblem}
              hint={i18n.t("repairs.record.noteHint")}
              wide
            >
              <textarea
                id={fieldId("note")}
                data-testid="record-event-note"
                rows={2}
                maxLength={MAX_NOTE}
                aria-invalid={noteProblem !== null || undefined}
                aria-describedby={`${fieldId("note")}-problem ${fieldId("note")}-hint`}
                value={note}
                onChange={(changed) => {
                  setNote(changed.target.value);
                  if (refusal?.field === "note") setRefusal(null);
                }}
              />
            </Field>
          </div>
        </div>
        <div className="form-status">
          {failure !== null && (
            <div
              className="inline-error form-error"
              role="alert"
              data-testid="record-event-error"
              data-code={failure.code}
              data-field={failure.field ?? undefined}
            >
              <span>
                {i18n.t("repairs.record.error", {
                  reason: refusal !== null ? i18n.t(refusal.key) : i18n.error(failure),
                })}
              </span>
              <ErrorDetails message={failure.message} />
            </div>
          )}
        </div>
        <FormDialogActions
          onCancel={onClose}
          submitLabel={i18n.t(saving ? "repairs.record.saving" : "repairs.record.submit")}
          submitTestId="record-event-submit"
          busy={saving}
          // Until the pool is read, the unit shown would not be the one that goes.
          disabled={poolUnit && pool.state.status === "loading"}
        />
      </form>
    </Dialog>
  );
}
