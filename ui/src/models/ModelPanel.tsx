import { useCallback, useEffect, useId, useRef, useState } from "react";
import { commands, type ModelCertification, type ModelRow, type StepState } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { AddStepDialog } from "./AddStepDialog";
import { groupByLevel, levelHeading } from "./certificationSteps";
import type { ModelKey } from "./modelFilter";
import { ModelLifetime } from "./ModelLifetime";
import { RecordStepDialog } from "./RecordStepDialog";
import { StatusBadge } from "./StatusBadge";
import { StepItem } from "./StepItem";

type Props = {
  model: ModelKey;
  /** The model's line in the table, for its unit counts; `null` while the list has none. */
  row: ModelRow | null;
  onClose: () => void;
};

/** What a recorded result answered, shown until the next read of the model arrives. */
type Recorded = { readonly over: ModelCertification | null; readonly data: ModelCertification };

/**
 * A model's certification beside the table, non-modal like the device panel: focus stays in
 * the table so a user can arrow to the next model and press Enter. Esc closes it.
 */
export function ModelPanel({ model, row, onClose }: Props) {
  const i18n = useI18n();
  const headingId = useId();
  const panelRef = useRef<HTMLElement>(null);
  const { state: syncState, edited } = useSync();
  const load = useCallback(
    () => commands.modelCertification(model.manufacturer, model.model),
    [model.manufacturer, model.model],
  );
  const { state, reload } = useCommand(load, syncState.registerChanges);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [recording, setRecording] = useState<StepState | null>(null);
  const [addingStep, setAddingStep] = useState(false);
  const dialogOpen = recording !== null || addingStep;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || dialogOpen) return;
      // Views stay mounted when another one is shown; a hidden panel leaves Esc to that view.
      if (panelRef.current === null || panelRef.current.closest("[inert]") !== null) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onClose, dialogOpen]);

  const loaded = state.status === "ok" ? state.data : null;
  // A recorded result's answer stands until a newer read of the model replaces it.
  const certification = recorded !== null && recorded.over === loaded ? recorded.data : loaded;
  const status = certification?.status ?? row?.status ?? null;

  return (
    <aside
      ref={panelRef}
      className="model-panel"
      data-testid="model-panel"
      data-manufacturer={model.manufacturer}
      data-model={model.model}
      data-status={status?.state}
      aria-labelledby={headingId}
      aria-busy={state.status === "loading"}
    >
      <header className="detail-header">
        <div>
          <p className="detail-eyebrow">{i18n.t("models.panel.eyebrow")}</p>
          <h2 id={headingId}>{`${model.manufacturer} ${model.model}`}</h2>
        </div>
        <button
          type="button"
          className="icon-button"
          data-testid="model-panel-close"
          onClick={onClose}
          aria-label={i18n.t("models.panel.close")}
          title={`${i18n.t("models.panel.close")} (Esc)`}
        >
          ✕
        </button>
      </header>
      <div className="detail-body model-panel-body">
        <div className="model-panel-summary">
          {status !== null && <StatusBadge status={status} testId="model-panel-status" />}
          {row !== null && (
            <span className="muted">
              {i18n.t("models.panel.units", {
                units: i18n.format.number(row.units),
                purchased: i18n.format.number(row.purchased),
              })}
            </span>
          )}
        </div>
        {row !== null && (
          <ModelLifetime
            // A new saved value (or another model) starts the field afresh.
            key={`${model.manufacturer}\u0000${model.model}\u0000${row.planned_lifetime_months ?? ""}`}
            manufacturer={model.manufacturer}
            model={model.model}
            months={row.planned_lifetime_months}
          />
        )}
        {state.status === "loading" && certification === null && (
          <p className="muted">{i18n.t("models.panel.loading")}</p>
        )}
        {state.status === "error" && (
          <InlineError
            messageKey="models.panel.loadError"
            error={state.error}
            onRetry={reload}
            testId="model-panel-error"
          />
        )}
        {certification !== null &&
          groupByLevel(certification.steps).map(({ level, steps }) => {
            const heading = levelHeading(level);
            return (
              <section key={level} className="cert-level" data-testid="cert-level" data-level={level}>
                <h3>{i18n.t(heading.key, heading.params)}</h3>
                <ol className="cert-steps">
                  {steps.map((step) => (
                    <StepItem
                      key={step.step.id}
                      step={step}
                      all={certification.steps}
                      onRecord={() => setRecording(step)}
                    />
                  ))}
                </ol>
              </section>
            );
          })}
      </div>
      <footer className="model-panel-footer">
        <button
          type="button"
          className="button-secondary"
          data-testid="cert-add-step"
          onClick={() => setAddingStep(true)}
        >
          {i18n.t("models.addStep.open")}
        </button>
      </footer>

      {recording !== null && (
        <RecordStepDialog
          model={model}
          step={recording}
          onClose={() => setRecording(null)}
          onRecorded={(data) => {
            setRecording(null);
            setRecorded({ over: loaded, data });
            edited();
          }}
        />
      )}
      {addingStep && (
        <AddStepDialog
          onClose={() => setAddingStep(false)}
          onAdded={() => {
            setAddingStep(false);
            reload();
            // Every model's status may change with a new step: the list reads them again.
            edited();
          }}
        />
      )}
    </aside>
  );
}
