import { useCallback, useEffect, useId, useRef, useState } from "react";
import {
  commands,
  type ErrorPayload,
  type PreconfigStep,
  type PreconfigUnit,
  type PreconfigView as Checklist,
  type TickScope,
} from "../bindings";
import { call } from "../api/call";
import { useCommand } from "../api/useCommand";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { InlineError } from "../components/InlineError";
import { TableExport } from "../components/TableExport";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { ChecklistTable } from "./ChecklistTable";
import { deliveryOptionText } from "./checklist";
import { focusLost } from "./gridFocus";
import { finishTicks, NO_PENDING, startTicks, tickKey, type PendingTicks } from "./pending";
import { TemplateDialog } from "./TemplateDialog";

/** A tick the core refused, shown above the table until the next tick. */
type TickFailure = {
  readonly messageKey: MessageKey;
  readonly error: ErrorPayload;
  readonly purchaseId: number | null;
  readonly stepId: number;
};

/** What a whole-delivery tick or untick changed. */
type BulkResult = { readonly step: string; readonly done: boolean; readonly count: number };

/**
 * The pre-configuration checklist of one delivery: every delivered unit with the
 * organisation's steps (battery test, activation, screen protector, marking, the manual,
 * enrolment) to tick before it is handed out, and which units are ready to deploy.
 */
export function PreconfigView() {
  const i18n = useI18n();
  const sync = useSync();
  const { edited } = sync;
  const formId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  // `null`: the delivery the core picks (the newest) until the person picks one.
  const [picked, setPicked] = useState<number | null>(null);
  const load = useCallback(() => commands.preconfig(picked), [picked]);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const view = state.status === "ok" ? state.data : null;

  // The last checklist read, for the delivery picker and the template: they stay on screen
  // while another delivery loads, so the focus stays on the picker as its value changes.
  const [known, setKnown] = useState<Checklist | null>(null);
  if (view !== null && view !== known) setKnown(view);

  const [pending, setPending] = useState<PendingTicks>(NO_PENDING);
  const [failure, setFailure] = useState<TickFailure | null>(null);
  const [bulk, setBulk] = useState<BulkResult | null>(null);
  const [untick, setUntick] = useState<PreconfigStep | null>(null);
  const [unticking, setUnticking] = useState(false);
  const [editing, setEditing] = useState(false);

  // A whole-delivery button disappears or is disabled once it has nothing left to do, which
  // takes the focus with it: the column's other button takes it once the checklist is read again.
  const refocusColumn = useRef<number | null>(null);
  useEffect(() => {
    const stepId = refocusColumn.current;
    if (stepId === null || !focusLost(document.activeElement, document.body)) return;
    refocusColumn.current = null;
    const candidates = [`preconfig-tick-all-${stepId}`, `preconfig-untick-all-${stepId}`];
    for (const testId of candidates) {
      const button = rootRef.current?.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
      if (button && !button.disabled) {
        button.focus();
        return;
      }
    }
  }, [view]);

  const tick = (over: Checklist, scope: TickScope, step: PreconfigStep, done: boolean, units: readonly PreconfigUnit[]) => {
    const keys = units.map((unit) => tickKey(unit.purchase_id, step.id));
    const whole = scope.kind === "delivery";
    setPending((current) => startTicks(current, keys, done, over));
    setFailure(null);
    if (whole) setBulk(null);
    return call(() => commands.tickPreconfig(scope, step.id, done)).then((result) => {
      setPending((current) => finishTicks(current, keys, result.status === "ok"));
      if (result.status === "ok") {
        if (whole) {
          setBulk({ step: step.title, done, count: result.data });
          refocusColumn.current = step.id;
        }
        // Every view that shows the register reads it again, this one included.
        edited();
        return true;
      }
      setFailure({
        messageKey: whole ? (done ? "preconfig.tickAll.error" : "preconfig.untickAll.error") : "preconfig.tickError",
        error: result.error,
        purchaseId: whole ? null : scope.id,
        stepId: step.id,
      });
      return false;
    });
  };

  const shownDelivery = known?.deliveries.find((delivery) => delivery.id === known.delivery) ?? null;
  const truncated = view !== null && view.units.length < view.total;

  return (
    <div className="preconfig" data-testid="preconfig-view" ref={rootRef}>
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("preconfig.heading")}</h1>
          <p className="muted view-intro">{i18n.t("preconfig.intro")}</p>
        </div>
        <div className="view-actions">
          <TableExport
            run={(path, format) => commands.exportPreconfig(path, known?.delivery ?? null, format)}
            fileName="flotta-forberedelse"
            hint="preconfig.export.hint"
            testId="preconfig-export"
          />
          <button
            type="button"
            className="button-secondary"
            data-testid="preconfig-edit-template"
            disabled={known === null}
            onClick={() => setEditing(true)}
          >
            {i18n.t("preconfig.template.open")}
          </button>
        </div>
      </div>

      {known !== null && known.deliveries.length > 0 && (
        <div className="preconfig-toolbar">
          <div className="preconfig-delivery">
            <label className="field-label" htmlFor={`${formId}-delivery`}>
              {i18n.t("preconfig.delivery")}
            </label>
            <select
              id={`${formId}-delivery`}
              data-testid="preconfig-delivery"
              value={picked ?? known.delivery ?? ""}
              onChange={(event) => {
                setPicked(Number(event.target.value));
                setBulk(null);
                setFailure(null);
              }}
            >
              {known.deliveries.map((delivery) => (
                <option key={delivery.id} value={delivery.id}>
                  {deliveryOptionText(delivery, i18n)}
                </option>
              ))}
            </select>
          </div>
          <p
            className="preconfig-ready"
            data-testid="preconfig-ready-count"
            data-ready={view?.ready}
            data-total={view?.units.length}
            aria-live="polite"
            aria-atomic="true"
          >
            {view === null
              ? state.status === "loading" && i18n.t("preconfig.loading")
              : i18n.t("preconfig.readyCount", {
                  ready: i18n.format.number(view.ready),
                  units: i18n.count("preconfig.units", view.units.length),
                })}
          </p>
        </div>
      )}

      {known === null && state.status === "loading" && <p className="muted">{i18n.t("preconfig.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="preconfig.loadError" error={state.error} onRetry={reload} testId="preconfig-error" />
      )}

      {view !== null && view.delivery === null && (
        <p className="empty-state" data-testid="preconfig-empty">
          {i18n.t("preconfig.empty")}
        </p>
      )}

      {view !== null && view.delivery !== null && (
        <>
          {view.steps.length === 0 && (
            <p className="muted preconfig-note" data-testid="preconfig-no-steps">
              {i18n.t("preconfig.noSteps")}
            </p>
          )}
          <div className="preconfig-feedback" aria-live="polite">
            {bulk !== null && (
              <p className="preconfig-note" data-testid="preconfig-tick-all-done" data-count={bulk.count}>
                {i18n.t(bulk.done ? "preconfig.tickAll.done" : "preconfig.untickAll.done", {
                  step: bulk.step,
                  units: i18n.count("preconfig.units", bulk.count),
                })}
              </p>
            )}
          </div>
          {failure !== null && (
            <div data-purchase-id={failure.purchaseId ?? undefined} data-step-id={failure.stepId}>
              <InlineError messageKey={failure.messageKey} error={failure.error} testId="preconfig-tick-error" />
            </div>
          )}
          {view.units.length === 0 ? (
            <p className="empty-state" data-testid="preconfig-no-units">
              {i18n.t("preconfig.noUnits")}
            </p>
          ) : (
            <ChecklistTable
              view={view}
              pending={pending}
              onTick={(unit, step, done) => {
                void tick(view, { kind: "unit", id: unit.purchase_id }, step, done, [unit]);
              }}
              onTickAll={(step) => {
                if (view.delivery !== null) void tick(view, { kind: "delivery", id: view.delivery }, step, true, view.units);
              }}
              onUntickAll={setUntick}
            />
          )}
          {truncated && (
            <p className="muted preconfig-note" data-testid="preconfig-truncated">
              {i18n.t("preconfig.truncated", {
                shown: i18n.format.number(view.units.length),
                total: i18n.format.number(view.total),
              })}
            </p>
          )}
        </>
      )}

      {untick !== null && view !== null && view.delivery !== null && (
        <ConfirmDialog
          title={i18n.t("preconfig.untickAll.title")}
          confirmLabel={i18n.t("preconfig.untickAll.confirm")}
          confirmTestId="preconfig-untick-all-confirm"
          busy={unticking}
          onCancel={() => setUntick(null)}
          onConfirm={() => {
            if (view.delivery === null) return;
            setUnticking(true);
            void tick(view, { kind: "delivery", id: view.delivery }, untick, false, view.units).then(() => {
              // A refusal shows above the table, where the ticks are.
              setUnticking(false);
              setUntick(null);
            });
          }}
        >
          <p>
            {i18n.t("preconfig.untickAll.body", {
              step: untick.title,
              delivery: shownDelivery === null ? "" : deliveryOptionText(shownDelivery, i18n),
            })}
          </p>
        </ConfirmDialog>
      )}

      {editing && known !== null && (
        <TemplateDialog steps={known.steps} onClose={() => setEditing(false)} onChanged={edited} />
      )}
    </div>
  );
}
