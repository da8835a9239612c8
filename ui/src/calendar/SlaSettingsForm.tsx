import { useCallback, useId, useState, type FormEvent } from "react";
import { commands, type ErrorPayload, type SlaSettings } from "../bindings";
import { call } from "../api/call";
import { useCommand } from "../api/useCommand";
import { ErrorDetails } from "../components/ErrorDetails";
import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { cutoffForInput, MAX_AT_RISK_DAYS, MIN_AT_RISK_DAYS, parseAtRiskDays, parseCutoff } from "./calendarForm";

/** The SLA clocks' two settings, read once and then edited here. */
export function SlaSettingsSection() {
  const i18n = useI18n();
  const headingId = useId();
  const load = useCallback(() => commands.slaSettings(), []);
  const { state, reload } = useCommand(load);
  return (
    <section className="calendar-section" aria-labelledby={headingId} data-testid="sla-settings">
      <h2 id={headingId} className="section-heading">
        {i18n.t("calendar.sla.heading")}
      </h2>
      {state.status === "loading" && <p className="muted">{i18n.t("calendar.sla.loading")}</p>}
      {state.status === "error" && <InlineError messageKey="calendar.sla.loadError" error={state.error} onRetry={reload} />}
      {state.status === "ok" && <SlaSettingsForm saved={state.data} />}
    </section>
  );
}

type SaveState =
  | { readonly status: "idle" }
  | { readonly status: "saving" }
  | { readonly status: "saved" }
  | { readonly status: "error"; readonly error: ErrorPayload };

/**
 * The cut-off (a fault reported at or after it counts from the next working day) and the
 * at-risk margin (a promise due within so many working days shows as at risk). Saving moves
 * every open case's due time and standing at once, so the views that show them read again.
 */
function SlaSettingsForm({ saved }: { saved: SlaSettings }) {
  const i18n = useI18n();
  const { edited } = useSync();
  const formId = useId();
  const [cutoff, setCutoff] = useState(() => cutoffForInput(saved.cutoff));
  const [atRisk, setAtRisk] = useState(() => String(saved.at_risk_working_days));
  const [checked, setChecked] = useState(false);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const parsedCutoff = parseCutoff(cutoff);
  const parsedAtRisk = parseAtRiskDays(atRisk);
  const refusedField = save.status === "error" ? save.error.field : null;
  const cutoffProblem =
    (checked && parsedCutoff === null) || refusedField === "cutoff" ? i18n.t("calendar.sla.problem.cutoff") : null;
  const atRiskProblem =
    (checked && parsedAtRisk === null) || refusedField === "at_risk_working_days"
      ? i18n.t("calendar.sla.problem.atRisk", { min: MIN_AT_RISK_DAYS, max: MAX_AT_RISK_DAYS })
      : null;
  const saving = save.status === "saving";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (saving || parsedCutoff === null || parsedAtRisk === null) {
      if (parsedCutoff === null) document.getElementById(`${formId}-cutoff`)?.focus();
      else if (parsedAtRisk === null) document.getElementById(`${formId}-at-risk`)?.focus();
      return;
    }
    const settings: SlaSettings = { cutoff: parsedCutoff, at_risk_working_days: parsedAtRisk };
    setSave({ status: "saving" });
    void call(() => commands.setSlaSettings(settings)).then((result) => {
      if (result.status === "error") {
        setSave({ status: "error", error: result.error });
        return;
      }
      setSave({ status: "saved" });
      edited();
    });
  };

  const changed = () => {
    if (save.status !== "saving") setSave({ status: "idle" });
  };

  return (
    <form className="sla-settings-form" onSubmit={submit} noValidate>
      <div className="form-section">
        <Field
          id={`${formId}-cutoff`}
          label={i18n.t("calendar.sla.cutoff")}
          problem={cutoffProblem}
          hint={i18n.t("calendar.sla.cutoffHint")}
        >
          <input
            id={`${formId}-cutoff`}
            type="time"
            data-testid="sla-cutoff"
            required
            aria-invalid={cutoffProblem !== null || undefined}
            aria-describedby={`${formId}-cutoff-problem ${formId}-cutoff-hint`}
            value={cutoff}
            onChange={(event) => {
              setCutoff(event.target.value);
              changed();
            }}
          />
        </Field>
        <Field
          id={`${formId}-at-risk`}
          label={i18n.t("calendar.sla.atRisk")}
          problem={atRiskProblem}
          hint={i18n.t("calendar.sla.atRiskHint")}
        >
          <input
            id={`${formId}-at-risk`}
            type="number"
            inputMode="numeric"
            min={MIN_AT_RISK_DAYS}
            max={MAX_AT_RISK_DAYS}
            step={1}
            data-testid="sla-at-risk"
            required
            aria-invalid={atRiskProblem !== null || undefined}
            aria-describedby={`${formId}-at-risk-problem ${formId}-at-risk-hint`}
            value={atRisk}
            onChange={(event) => {
              setAtRisk(event.target.value);
              changed();
            }}
          />
        </Field>
      </div>
      <div className="sla-settings-actions">
        <button type="submit" className="button-secondary" data-testid="sla-settings-save" disabled={saving} aria-busy={saving}>
          {i18n.t(saving ? "calendar.sla.saving" : "calendar.sla.save")}
        </button>
        <span className="tone-good" role="status" data-testid="sla-settings-saved">
          {save.status === "saved" ? i18n.t("calendar.sla.saved") : ""}
        </span>
      </div>
      {save.status === "error" && refusedField === null && (
        <div className="inline-error form-error" role="alert" data-testid="sla-settings-error" data-code={save.error.code}>
          <span>{i18n.t("calendar.sla.saveError", { reason: i18n.error(save.error) })}</span>
          <ErrorDetails message={save.error.message} />
        </div>
      )}
    </form>
  );
}
