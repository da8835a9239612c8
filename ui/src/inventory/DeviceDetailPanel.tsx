import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../i18n/I18nContext";
import { InlineError } from "../components/InlineError";
import { useNow } from "../lib/useNow";
import { DETAIL_SECTIONS, detailValue } from "./detailFields";
import { DeviceAppsSection } from "./DeviceAppsSection";
import { DeviceHistory } from "./DeviceHistory";
import { DeviceIncidentsSection } from "./DeviceIncidentsSection";
import { DevicePurchase } from "./DevicePurchase";
import { DeviceRepairsSection } from "./DeviceRepairsSection";
import { DeviceSources } from "./DeviceSources";
import { MoveUnitDialog, type MoveDraft } from "./MoveUnitDialog";
import { useSync } from "../sync/syncContext";
import { useDeviceDetail } from "./useDeviceDetail";

type Props = { id: number; onClose: () => void };

/**
 * Non-modal side panel: keyboard focus stays in the table so a user can arrow to the
 * next device and press Enter without closing the panel first.
 */
export function DeviceDetailPanel({ id, onClose }: Props) {
  const i18n = useI18n();
  const now = useNow();
  const headingId = useId();
  const { state, reload } = useDeviceDetail(id);
  const { edited } = useSync();
  const [move, setMove] = useState<MoveDraft | null>(null);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || move !== null) return;
      // Views stay mounted when another one is shown (the inventory and the Apps view each have
      // this panel); a hidden panel leaves Esc to that view.
      if (panelRef.current === null || panelRef.current.closest("[inert]") !== null) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onClose, move]);

  const heading = state.status === "ok" ? `${state.data.manufacturer} ${state.data.model}` : i18n.t("detail.title");

  return (
    <aside
      ref={panelRef}
      className="detail-panel"
      data-testid="device-detail"
      data-id={id}
      aria-labelledby={headingId}
      aria-busy={state.status === "loading"}
    >
      <header className="detail-header">
        <div>
          <p className="detail-eyebrow">{i18n.t("detail.title")}</p>
          <h2 id={headingId}>{heading}</h2>
        </div>
        {state.status === "ok" && (
          <button
            type="button"
            className="button-secondary"
            data-testid="move-open"
            onClick={() => setMove({ to: null, reason: "" })}
          >
            {i18n.t("move.open")}
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          data-testid="detail-close"
          onClick={onClose}
          aria-label={i18n.t("detail.close")}
          title={`${i18n.t("detail.close")} (Esc)`}
        >
          ✕
        </button>
      </header>
      <div className="detail-body">
        {state.status === "loading" && <p className="muted">{i18n.t("detail.loading")}</p>}
        {state.status === "error" && (
          <InlineError messageKey="detail.loadError" error={state.error} onRetry={reload} testId="detail-error" />
        )}
        {state.status === "ok" &&
          DETAIL_SECTIONS.map(({ section, fields }) => (
            <section key={section} className="detail-section">
              <h3>{i18n.t(`detail.section.${section}`)}</h3>
              <dl>
                {fields.map((field) => {
                  const value = detailValue(state.data, field, i18n, now);
                  return (
                    <div key={field} className="detail-item">
                      <dt>{i18n.t(`field.${field}`)}</dt>
                      <dd>
                        <span
                          data-testid={`detail-${field}`}
                          className={value.tone ? `tone-${value.tone}` : undefined}
                        >
                          {value.text}
                        </span>
                        {value.hint && <span className="detail-hint"> · {value.hint}</span>}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </section>
          ))}
        {state.status === "ok" && (
          <DeviceSources
            id={id}
            lifecycle={state.data.lifecycle}
            onSuggestLost={(source) =>
              setMove({ to: "lost", reason: i18n.t("move.lostModeReason", { source }) })
            }
          />
        )}
        {state.status === "ok" && <DevicePurchase id={id} />}
        {state.status === "ok" && <DeviceRepairsSection device={state.data} />}
        {state.status === "ok" && <DeviceIncidentsSection device={state.data} />}
        {state.status === "ok" && <DeviceAppsSection key={id} id={id} device={state.data} />}
        {state.status === "ok" && <DeviceHistory id={id} />}
      </div>
      {state.status === "ok" && move !== null && (
        <MoveUnitDialog
          device={state.data}
          initial={move}
          onClose={() => setMove(null)}
          onMoved={() => {
            setMove(null);
            reload();
            edited();
          }}
        />
      )}
    </aside>
  );
}
