import { useCallback, useEffect, useId, useRef, useState } from "react";
import { commands, type RepairCaseView, type RepairEvent } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { CaseClock } from "./CaseClock";
import { CaseFacts } from "./CaseFacts";
import { CaseStanding } from "./CaseStanding";
import { CaseTimeline } from "./CaseTimeline";
import { eventKey } from "./labels";
import { RecordEventDialog } from "./RecordEventDialog";

type Props = {
  caseId: number;
  /** Bumped when the case is asked for again (a scan, a new case): the panel takes the focus. */
  focusRequest: number;
  onClose: () => void;
};

/** A recorded step's answer, shown until the next read of the case arrives. */
type Recorded = { readonly over: RepairCaseView | null; readonly data: RepairCaseView };

/**
 * One case beside the list: the unit, the fault, the SLA clock, the timeline, and a button
 * for each step that may come next. The first is the default: the panel opens with the focus
 * on it, so Enter records the usual next step. Esc closes the panel.
 */
export function CasePanel({ caseId, focusRequest, onClose }: Props) {
  const i18n = useI18n();
  const idPrefix = useId();
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const defaultStep = useRef<HTMLButtonElement>(null);
  const { state: syncState, edited } = useSync();
  const load = useCallback(() => commands.repairCase(caseId), [caseId]);
  const { state, reload } = useCommand(load, syncState.registerChanges);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [recording, setRecording] = useState<RepairEvent | null>(null);
  // The focus goes to the default step once the case is on screen: on opening, when asked
  // again, and after each recorded step (whose button is then gone).
  const wantFocus = useRef(true);

  const loaded = state.status === "ok" ? state.data : null;
  const view = recorded !== null && recorded.over === loaded ? recorded.data : loaded;

  useEffect(() => {
    wantFocus.current = true;
  }, [focusRequest]);

  useEffect(() => {
    if (!wantFocus.current || view === null || recording !== null) return;
    wantFocus.current = false;
    (defaultStep.current ?? headingRef.current)?.focus();
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || recording !== null) return;
      // Views stay mounted when another one is shown; a hidden panel leaves Esc to that view.
      if (panelRef.current === null || panelRef.current.closest("[inert]") !== null) return;
      if (document.querySelector("dialog[open]") !== null) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onClose, recording]);

  const closed = view !== null && view.closed_at !== null;

  return (
    <aside
      ref={panelRef}
      className="case-panel"
      data-testid="case-panel"
      data-case-id={caseId}
      data-closed={view === null ? undefined : closed}
      data-standing={view?.standing}
      aria-labelledby={`${idPrefix}-heading`}
      aria-busy={state.status === "loading"}
    >
      <header className="detail-header">
        <div>
          <p className="detail-eyebrow">{i18n.t("repairs.panel.eyebrow")}</p>
          <h2 id={`${idPrefix}-heading`} ref={headingRef} tabIndex={-1}>
            {i18n.t("repairs.panel.title", { id: caseId })}
          </h2>
        </div>
        <button
          type="button"
          className="icon-button"
          data-testid="case-panel-close"
          onClick={onClose}
          aria-label={i18n.t("repairs.panel.close")}
          title={`${i18n.t("repairs.panel.close")} (Esc)`}
        >
          ✕
        </button>
      </header>
      <div className="detail-body case-panel-body">
        {state.status === "loading" && view === null && <p className="muted">{i18n.t("repairs.panel.loading")}</p>}
        {state.status === "error" && (
          <InlineError messageKey="repairs.panel.loadError" error={state.error} onRetry={reload} testId="case-panel-error" />
        )}
        {view !== null && (
          <>
            <CaseStanding repairCase={view} testId="case-panel-standing" />
            <CaseFacts repairCase={view} headingPrefix={idPrefix} />
            <CaseClock clock={view.clock} headingId={`${idPrefix}-clock`} />
            <CaseTimeline events={view.events} headingId={`${idPrefix}-timeline`} />
          </>
        )}
      </div>
      {view !== null && (
        <footer className="case-panel-footer" aria-label={i18n.t("repairs.actions.heading")}>
          {closed ? (
            <p className="tone-good case-closed" data-testid="case-closed" role="status">
              {i18n.t("repairs.closedAt", { time: i18n.format.dateTime(view.closed_at ?? "") })}
            </p>
          ) : (
            <div className="case-steps" data-testid="case-steps">
              {view.next_events.map((event, index) => (
                <button
                  key={event}
                  ref={index === 0 ? defaultStep : undefined}
                  type="button"
                  className={index === 0 ? "button-primary" : "button-secondary"}
                  data-testid={`case-event-${event}`}
                  data-default={index === 0 || undefined}
                  onClick={() => setRecording(event)}
                >
                  {i18n.t("repairs.actions.record", { event: i18n.t(eventKey(event)) })}
                </button>
              ))}
            </div>
          )}
        </footer>
      )}

      {recording !== null && view !== null && (
        <RecordEventDialog
          repairCase={view}
          event={recording}
          onClose={() => setRecording(null)}
          onRecorded={(data) => {
            wantFocus.current = true;
            setRecording(null);
            setRecorded({ over: loaded, data });
            // The list's standings, the unit's lifecycle and the pool's counts changed with it.
            edited();
          }}
        />
      )}
    </aside>
  );
}
