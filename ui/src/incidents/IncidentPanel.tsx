import { useCallback, useEffect, useId, useRef, useState } from "react";
import { commands, type IncidentEvent, type IncidentView } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { formatMargin } from "./duration";
import { IncidentClockSection } from "./IncidentClockSection";
import { IncidentDetails } from "./IncidentDetails";
import { IncidentRepair } from "./IncidentRepair";
import { IncidentStandingBadge } from "./IncidentStandingBadge";
import { IncidentTimeline } from "./IncidentTimeline";
import { actionKey, decidingMargin, lineKey } from "./labels";
import { PausedMarker } from "./PausedMarker";
import { RecordIncidentEventDialog } from "./RecordIncidentEventDialog";

type Props = {
  incidentId: number;
  /** Bumped when the case is asked for again (a new case, a unit's panel): the panel takes the focus. */
  focusRequest: number;
  onClose: () => void;
};

/** A recorded step's answer, shown until the next read of the case arrives. */
type Recorded = { readonly over: IncidentView | null; readonly data: IncidentView };

/**
 * One case beside the list: how it stands, its details and clock, the timeline, a repair case
 * for its unit, and a button for each step that may come next. The first is the default: the
 * panel opens with the focus on it. Esc closes the panel.
 */
export function IncidentPanel({ incidentId, focusRequest, onClose }: Props) {
  const i18n = useI18n();
  const idPrefix = useId();
  const panelRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const defaultStep = useRef<HTMLButtonElement>(null);
  const { state: syncState, edited } = useSync();
  const load = useCallback(() => commands.incident(incidentId), [incidentId]);
  const { state, reload } = useCommand(load, syncState.registerChanges);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [recording, setRecording] = useState<IncidentEvent | null>(null);
  // The focus goes to the default step once the case is on screen: on opening, when asked
  // again, and after each recorded step (whose button may then be gone).
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

  const changed = (data: IncidentView) => {
    wantFocus.current = true;
    setRecorded({ over: loaded, data });
    // The list's standings and the unit's panel in the inventory changed with it.
    edited();
  };

  const completed = view !== null && view.completed_at !== null;
  const margin = view === null ? null : decidingMargin(view.clock);

  return (
    <aside
      ref={panelRef}
      className="case-panel incident-panel"
      data-testid="incident-panel"
      data-id={incidentId}
      data-completed={view === null ? undefined : completed}
      data-line={view?.line}
      data-standing={view?.clock.standing}
      aria-labelledby={`${idPrefix}-heading`}
      aria-busy={state.status === "loading"}
    >
      <header className="detail-header">
        <div>
          <p className="detail-eyebrow">{i18n.t("incidents.panel.eyebrow")}</p>
          <h2 id={`${idPrefix}-heading`} ref={headingRef} tabIndex={-1}>
            {i18n.t("incidents.panel.title", { id: incidentId })}
          </h2>
        </div>
        <button
          type="button"
          className="icon-button"
          data-testid="incident-panel-close"
          onClick={onClose}
          aria-label={i18n.t("incidents.panel.close")}
          title={`${i18n.t("incidents.panel.close")} (Esc)`}
        >
          ✕
        </button>
      </header>
      <div className="detail-body case-panel-body">
        {state.status === "loading" && view === null && <p className="muted">{i18n.t("incidents.panel.loading")}</p>}
        {state.status === "error" && (
          <InlineError messageKey="incidents.panel.loadError" error={state.error} onRetry={reload} testId="incident-panel-error" />
        )}
        {view !== null && (
          <>
            <p className="case-standing" data-testid="incident-panel-standing" data-standing={view.clock.standing}>
              <IncidentStandingBadge standing={view.clock.standing} />
              {margin !== null && <span className={margin < 0 ? "tone-bad" : undefined}>{formatMargin(margin)}</span>}
              <span className="muted">{i18n.t(lineKey(view.line))}</span>
              {view.paused_since !== null && <PausedMarker since={view.paused_since} reason={view.paused_for} />}
            </p>
            <IncidentDetails incident={view} headingPrefix={idPrefix} />
            <IncidentClockSection clock={view.clock} headingId={`${idPrefix}-clock`} />
            <IncidentRepair incident={view} headingId={`${idPrefix}-repair`} onLinked={changed} />
            <IncidentTimeline incident={view} headingId={`${idPrefix}-timeline`} />
          </>
        )}
      </div>
      {view !== null && (
        <footer className="case-panel-footer" aria-label={i18n.t("incidents.actions.heading")}>
          {completed ? (
            <p className="tone-good case-closed" data-testid="incident-completed" role="status">
              {i18n.t("incidents.completedAt", { time: i18n.format.swedishDateTime(view.completed_at ?? "") })}
            </p>
          ) : (
            <div className="case-steps" data-testid="incident-steps">
              {view.next_events.map((event, index) => (
                <button
                  key={event}
                  ref={index === 0 ? defaultStep : undefined}
                  type="button"
                  className={index === 0 ? "button-primary" : "button-secondary"}
                  data-testid={`incident-event-${event}`}
                  data-default={index === 0 || undefined}
                  onClick={() => setRecording(event)}
                >
                  {i18n.t(actionKey(event))}
                </button>
              ))}
            </div>
          )}
        </footer>
      )}

      {recording !== null && view !== null && (
        <RecordIncidentEventDialog
          incident={view}
          event={recording}
          onClose={() => setRecording(null)}
          onRecorded={(data) => {
            setRecording(null);
            changed(data);
          }}
        />
      )}
    </aside>
  );
}
