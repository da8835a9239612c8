import { useCallback, useId } from "react";
import { commands, type DeviceDetail } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { incidentDeviceOf } from "../incidents/deviceSearch";
import { useIncidentDesk } from "../incidents/incidentDesk";
import { IncidentStandingBadge } from "../incidents/IncidentStandingBadge";
import { categoryName } from "../incidents/labels";
import { useSync } from "../sync/syncContext";

/** How many cases the panel lists, the open ones first; the Incidents view has them all. */
const INCIDENTS_SHOWN = 5;

/**
 * The unit's support cases, the open ones first, each shown in the Incidents view on a click,
 * and a way to log a new one with the unit filled in. Read again after every sync and edit.
 */
export function DeviceIncidentsSection({ device }: { device: DeviceDetail }) {
  const i18n = useI18n();
  const desk = useIncidentDesk();
  const headingId = useId();
  const { state: syncState } = useSync();
  const deviceId = device.id;
  const load = useCallback(
    () => commands.incidents({ open: null, category_id: null, device_id: deviceId, offset: 0, limit: INCIDENTS_SHOWN }),
    [deviceId],
  );
  const { state, reload } = useCommand(load, syncState.registerChanges);
  const list = state.status === "ok" ? state.data : null;

  return (
    <section
      className="detail-section device-repairs"
      data-testid="device-incidents"
      data-count={list?.total}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{i18n.t("detail.incidents.heading")}</h3>
      {state.status === "loading" && <p className="muted">{i18n.t("detail.incidents.loading")}</p>}
      {state.status === "error" && <InlineError messageKey="detail.incidents.loadError" error={state.error} onRetry={reload} />}
      {list !== null && list.rows.length === 0 && (
        <p className="muted" data-testid="device-incidents-none">
          {i18n.t("detail.incidents.none")}
        </p>
      )}
      {list !== null && list.rows.length > 0 && (
        <ul className="device-repair-list" aria-label={i18n.t("detail.incidents.label")}>
          {list.rows.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className="device-repair"
                data-testid="device-incident-row"
                data-id={row.id}
                data-standing={row.clock.standing}
                data-completed={row.completed_at !== null}
                title={i18n.t("detail.incidents.show")}
                onClick={() => desk.showIncident(row.id)}
              >
                <span className="device-repair-head">
                  <strong>{i18n.t("incidents.caseNumber", { id: row.id })}</strong>
                  <span>{categoryName(row.category, i18n.language)}</span>
                  <IncidentStandingBadge standing={row.clock.standing} />
                </span>
                <span className="device-repair-dates muted">
                  <span>{i18n.t("detail.incidents.received", { time: i18n.format.swedishDateTime(row.received_at) })}</span>
                  {row.completed_at !== null && (
                    <span>{i18n.t("detail.incidents.completed", { time: i18n.format.swedishDateTime(row.completed_at) })}</span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {list !== null && list.total > list.rows.length && (
        <p className="muted">{i18n.t("repairs.truncated", { shown: list.rows.length, total: list.total })}</p>
      )}
      <button
        type="button"
        className="button-secondary device-repair-new"
        data-testid="device-log-incident"
        onClick={() => desk.logIncident(incidentDeviceOf(device))}
      >
        {i18n.t("detail.incidents.log")}
      </button>
    </section>
  );
}
