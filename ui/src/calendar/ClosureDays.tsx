import { useCallback, useId, useState, type FormEvent } from "react";
import { commands, type ClosureDayView, type ErrorPayload } from "../bindings";
import { call } from "../api/call";
import { useCommand } from "../api/useCommand";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { formatDate } from "../purchases/dates";
import { useSync } from "../sync/syncContext";
import { closureProblems, MAX_CLOSURE_NAME, type ClosureDraft } from "./calendarForm";

type Outcome =
  | { readonly status: "idle" }
  | { readonly status: "added"; readonly date: string; readonly fresh: boolean }
  | { readonly status: "removed"; readonly date: string }
  | { readonly status: "error"; readonly messageKey: "calendar.closure.addError" | "calendar.closure.removeError"; readonly error: ErrorPayload };

const EMPTY: ClosureDraft = { date: "", name: "" };

/**
 * The organisation's own closed days (a "klämdag" the workshop closes, a staff day): the SLA
 * clocks skip them as they skip public holidays, and the open cases' due days move with them.
 */
export function ClosureDays() {
  const i18n = useI18n();
  const sync = useSync();
  const { edited } = sync;
  const formId = useId();
  const headingId = `${formId}-heading`;
  const load = useCallback(() => commands.closureDays(), []);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const [draft, setDraft] = useState<ClosureDraft>(EMPTY);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle" });
  const [removing, setRemoving] = useState<ClosureDayView | null>(null);
  const locale = i18n.format.locale;

  const problems = shown ? closureProblems(draft) : {};
  const dateProblem = problems.date === undefined ? null : i18n.t(problems.date);
  const nameProblem = problems.name === undefined ? null : i18n.t(problems.name, { max: MAX_CLOSURE_NAME });

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setShown(true);
    const found = closureProblems(draft);
    if (found.date !== undefined || found.name !== undefined) {
      document.getElementById(`${formId}-${found.date !== undefined ? "date" : "name"}`)?.focus();
      return;
    }
    setBusy(true);
    const { date, name } = draft;
    void call(() => commands.addClosureDay(date, name.trim())).then((result) => {
      setBusy(false);
      if (result.status === "error") {
        setOutcome({ status: "error", messageKey: "calendar.closure.addError", error: result.error });
        return;
      }
      setOutcome({ status: "added", date, fresh: result.data });
      setDraft(EMPTY);
      setShown(false);
      // The year's list and every open case's due day follow the calendar.
      edited();
      document.getElementById(`${formId}-date`)?.focus();
    });
  };

  const remove = (day: ClosureDayView) => {
    setBusy(true);
    void call(() => commands.removeClosureDay(day.date)).then((result) => {
      setBusy(false);
      setRemoving(null);
      if (result.status === "error") {
        setOutcome({ status: "error", messageKey: "calendar.closure.removeError", error: result.error });
        return;
      }
      setOutcome({ status: "removed", date: day.date });
      edited();
    });
  };

  return (
    <section className="calendar-section" aria-labelledby={headingId} data-testid="closure-days">
      <h2 id={headingId} className="section-heading">
        {i18n.t("calendar.closure.heading")}
      </h2>
      <p className="muted calendar-note">{i18n.t("calendar.closure.intro")}</p>
      {state.status === "error" && (
        <InlineError messageKey="calendar.closure.loadError" error={state.error} onRetry={reload} />
      )}
      {state.status === "ok" && state.data.length === 0 && (
        <p className="muted" data-testid="closure-empty">
          {i18n.t("calendar.closure.empty")}
        </p>
      )}
      {state.status === "ok" && state.data.length > 0 && (
        <ul className="closure-list">
          {state.data.map((day) => (
            <li key={day.date} data-testid="closure-day" data-date={day.date}>
              <time dateTime={day.date} className="closure-date">
                {formatDate(day.date, locale)}
              </time>
              <span className="closure-name">{day.name}</span>
              <button
                type="button"
                className="button-secondary button-danger-text"
                data-testid="closure-remove"
                aria-label={i18n.t("calendar.closure.removeLabel", { date: formatDate(day.date, locale), name: day.name })}
                onClick={() => setRemoving(day)}
              >
                {i18n.t("calendar.closure.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}

      <form className="closure-form" onSubmit={add} noValidate data-testid="closure-form">
        <Field id={`${formId}-date`} label={i18n.t("calendar.closure.date")} problem={dateProblem}>
          <input
            id={`${formId}-date`}
            type="date"
            data-testid="closure-date"
            required
            aria-required
            aria-invalid={dateProblem !== null || undefined}
            aria-describedby={`${formId}-date-problem`}
            value={draft.date}
            onChange={(event) => setDraft((current) => ({ ...current, date: event.target.value }))}
          />
        </Field>
        <Field id={`${formId}-name`} label={i18n.t("calendar.closure.name")} problem={nameProblem}>
          <input
            id={`${formId}-name`}
            type="text"
            data-testid="closure-name"
            autoComplete="off"
            maxLength={MAX_CLOSURE_NAME}
            required
            aria-required
            placeholder={i18n.t("calendar.closure.namePlaceholder")}
            aria-invalid={nameProblem !== null || undefined}
            aria-describedby={`${formId}-name-problem`}
            value={draft.name}
            onChange={(event) => setDraft((current) => ({ ...current, name: event.target.value }))}
          />
        </Field>
        <button type="submit" className="button-secondary closure-add" data-testid="closure-add" disabled={busy} aria-busy={busy}>
          {i18n.t("calendar.closure.add")}
        </button>
      </form>
      <div aria-live="polite" className="closure-outcome">
        {outcome.status === "added" && (
          <p className="tone-good" data-testid="closure-added" data-fresh={outcome.fresh}>
            {i18n.t(outcome.fresh ? "calendar.closure.added" : "calendar.closure.exists", {
              date: formatDate(outcome.date, locale),
            })}
          </p>
        )}
        {outcome.status === "removed" && (
          <p className="tone-good" data-testid="closure-removed">
            {i18n.t("calendar.closure.removed", { date: formatDate(outcome.date, locale) })}
          </p>
        )}
      </div>
      {outcome.status === "error" && (
        <div className="inline-error form-error" role="alert" data-testid="closure-error" data-code={outcome.error.code}>
          <span>{i18n.t(outcome.messageKey, { reason: i18n.error(outcome.error) })}</span>
          <ErrorDetails message={outcome.error.message} />
        </div>
      )}

      {removing !== null && (
        <ConfirmDialog
          title={i18n.t("calendar.closure.confirmTitle")}
          confirmLabel={i18n.t("calendar.closure.remove")}
          confirmTestId="closure-confirm-remove"
          busy={busy}
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>
            {i18n.t("calendar.closure.confirmBody", { date: formatDate(removing.date, locale), name: removing.name })}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
