import { useId, useMemo, useState, type FormEvent } from "react";
import { commands, type ErrorPayload, type IncidentEvent, type IncidentView } from "../bindings";
import { call } from "../api/call";
import { Dialog, DialogHeader, FormDialogActions } from "../components/Dialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { Field } from "../components/Field";
import { useI18n } from "../i18n/I18nContext";
import { toLocalInput } from "../lib/localTime";
import type { Refusal } from "../repairs/refusals";
import { termsAt } from "../agreements/terms";
import { ChoiceField } from "./ChoiceField";
import {
  checkEventDraft,
  eventFields,
  firstEventProblem,
  MAX_NOTE,
  MAX_RESOLUTION,
  type EventDraft,
  type EventFormField,
} from "./eventDraft";
import { eventKey, lineKey, linesAbove, PAUSE_REASONS, reasonKey } from "./labels";
import { incidentEventRefusal, type IncidentEventField } from "./refusals";
import { useAgreements } from "./useIncidentSettings";

type Props = {
  incident: IncidentView;
  event: IncidentEvent;
  onClose: () => void;
  /** The case as the core has it with the step. */
  onRecorded: (view: IncidentView) => void;
};

/**
 * Records one step of a case: when it happened (now, unless told otherwise) and a note; an
 * escalation also names the line it goes to, a pause what it waits for, and a completion how
 * the case was solved. A refusal is shown at the field it is about.
 */
export function RecordIncidentEventDialog({ incident, event, onClose, onRecorded }: Props) {
  const i18n = useI18n();
  const formId = useId();
  const titleId = `${formId}-title`;
  const fields = eventFields(event);
  const lines = linesAbove(incident.line);
  const [draft, setDraft] = useState<EventDraft>(() => ({
    event,
    at: toLocalInput(new Date()),
    atTouched: false,
    // The next line up is the usual escalation; a pause is usually for the reporter.
    line: lines[0] ?? null,
    reason: null,
    note: "",
    resolution: "",
  }));
  const [shown, setShown] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ErrorPayload | null>(null);
  const [refusal, setRefusal] = useState<Refusal<IncidentEventField> | null>(null);

  // Whether a pause stops the clock is the agreement's call: the terms the case was received under.
  const agreements = useAgreements();
  const pausing = useMemo(() => {
    if (!fields.reason || agreements.state.status !== "ok") return null;
    const agreement = agreements.state.data.find((candidate) => candidate.id === incident.agreement_id);
    return agreement === undefined ? null : (termsAt(agreement, incident.received_at)?.pausing ?? null);
  }, [fields.reason, agreements.state, incident.agreement_id, incident.received_at]);

  const check = checkEventDraft(draft);
  const fieldId = (field: EventFormField) => `${formId}-${field}`;
  const problem = (field: EventFormField): string | null => {
    if (refusal?.field === field) return i18n.t(refusal.key);
    const key = shown && !check.ok ? check.problems[field] : undefined;
    return key === undefined ? null : i18n.t(key);
  };
  const update = <K extends keyof EventDraft>(field: K, value: EventDraft[K], answers: EventFormField) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (refusal?.field === answers) setRefusal(null);
  };

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault();
    if (saving) return;
    setShown(true);
    if (!check.ok) {
      const first = firstEventProblem(check.problems);
      if (first !== null) document.getElementById(fieldId(first))?.focus();
      return;
    }
    const { form } = check;
    setSaving(true);
    setFailure(null);
    setRefusal(null);
    void call(() => commands.recordIncidentEvent(incident.id, form)).then((result) => {
      setSaving(false);
      if (result.status === "ok") {
        onRecorded(result.data);
        return;
      }
      setFailure(result.error);
      const refused = incidentEventRefusal(result.error);
      setRefusal(refused);
      if (refused !== null && refused.field !== "event") document.getElementById(fieldId(refused.field))?.focus();
    });
  };

  const atProblem = problem("at");
  const resolutionProblem = problem("resolution");
  const noteProblem = problem("note");

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog record-dialog" testId="incident-event-dialog">
      <form className="record-form" onSubmit={submit} noValidate data-event={event}>
        <DialogHeader
          titleId={titleId}
          title={i18n.t("incidents.record.title", { event: i18n.t(eventKey(event)) })}
          onClose={onClose}
        />
        <div className="dialog-body form-body">
          <p className="record-case">
            <strong>{i18n.t("incidents.panel.title", { id: incident.id })}</strong>
            <span className="muted">{` · ${incident.reporter} · ${i18n.t(lineKey(incident.line))}`}</span>
          </p>
          <div className="form-section">
            {fields.line && (
              <ChoiceField
                id={fieldId("line")}
                legend={i18n.t("incidents.record.line")}
                choices={lines.map((line) => ({ value: line, label: i18n.t(lineKey(line)) }))}
                value={draft.line}
                onChange={(line) => update("line", line, "line")}
                testIdPrefix="incident-event-line"
                problem={problem("line")}
                autoFocus
              />
            )}
            {fields.reason && (
              <ChoiceField
                id={fieldId("reason")}
                legend={i18n.t("incidents.record.reason")}
                choices={PAUSE_REASONS.map((reason) => ({
                  value: reason,
                  label: i18n.t(reasonKey(reason)),
                  hint:
                    pausing === null
                      ? undefined
                      : i18n.t(pausing.includes(reason) ? "incidents.record.reasonStops" : "incidents.record.reasonRuns", {
                          agreement: incident.agreement,
                        }),
                }))}
                value={draft.reason}
                onChange={(reason) => update("reason", reason, "reason")}
                testIdPrefix="incident-event-reason"
                problem={problem("reason")}
                autoFocus
              />
            )}
            {fields.resolution && (
              <Field
                id={fieldId("resolution")}
                label={i18n.t("incidents.record.resolution")}
                problem={resolutionProblem}
                hint={i18n.t("incidents.record.resolutionHint")}
                wide
              >
                <textarea
                  id={fieldId("resolution")}
                  data-testid="incident-event-resolution"
                  data-autofocus
                  rows={3}
                  maxLength={MAX_RESOLUTION}
                  required
                  aria-required
                  aria-invalid={resolutionProblem !== null || undefined}
                  aria-describedby={`${fieldId("resolution")}-problem ${fieldId("resolution")}-hint`}
                  value={draft.resolution}
                  onChange={(changed) => update("resolution", changed.target.value, "resolution")}
                />
              </Field>
            )}
            <Field
              id={fieldId("at")}
              label={i18n.t("repairs.record.at")}
              problem={atProblem}
              hint={i18n.t(draft.atTouched ? "incidents.record.atHint" : "repairs.time.nowHint")}
            >
              <input
                id={fieldId("at")}
                type="datetime-local"
                data-testid="incident-event-at"
                data-autofocus={(!fields.line && !fields.reason && !fields.resolution) || undefined}
                aria-invalid={atProblem !== null || undefined}
                aria-describedby={`${fieldId("at")}-problem ${fieldId("at")}-hint`}
                value={draft.at}
                onChange={(changed) => {
                  setDraft((current) => ({ ...current, at: changed.target.value, atTouched: true }));
                  if (refusal?.field === "at") setRefusal(null);
                }}
              />
            </Field>
            <Field
              id={fieldId("note")}
              label={i18n.t("repairs.record.note")}
              problem={noteProblem}
              hint={i18n.t("incidents.record.noteHint")}
              wide
            >
              <textarea
                id={fieldId("note")}
                data-testid="incident-event-note"
                rows={2}
                maxLength={MAX_NOTE}
                aria-invalid={noteProblem !== null || undefined}
                aria-describedby={`${fieldId("note")}-problem ${fieldId("note")}-hint`}
                value={draft.note}
                onChange={(changed) => update("note", changed.target.value, "note")}
              />
            </Field>
          </div>
        </div>
        <div className="form-status">
          {failure !== null && (
            <div
              className="inline-error form-error"
              role="alert"
              data-testid="incident-event-error"
              data-code={failure.code}
              data-field={failure.field ?? undefined}
            >
              <span>
                {i18n.t("repairs.record.error", { reason: refusal !== null ? i18n.t(refusal.key) : i18n.error(failure) })}
              </span>
              <ErrorDetails message={failure.message} />
            </div>
          )}
        </div>
        <FormDialogActions
          onCancel={onClose}
          submitLabel={i18n.t(saving ? "repairs.record.saving" : "repairs.record.submit")}
          submitTestId="incident-event-submit"
          busy={saving}
        />
      </form>
    </Dialog>
  );
}
