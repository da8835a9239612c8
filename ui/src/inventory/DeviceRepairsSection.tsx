import { useCallback, useId } from "react";
import { commands, type DeviceDetail } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { marginText, slaTypeKey } from "../repairs/labels";
import { useRepairDesk } from "../repairs/repairDesk";
import { StandingBadge } from "../repairs/StandingBadge";
import { useSync } from "../sync/syncContext";
import { canOpenCase, caseUnitOf, openCaseOf } from "./deviceRepairs";

/**
 * How many cases the panel lists. The core lists the open case first, so it is always among
 * them; a unit with more cases than this is rare, and the Repairs view has them all.
 */
const CASES_SHOWN = 20;

/**
 * The unit's repair cases, the open one first, each shown in the Repairs view on a click; a
 * unit without an open case can have one opened here, the form starting with the unit found.
 * Read again after every sync and every edit (a case opened or a step recorded elsewhere).
 */
export function DeviceRepairsSection({ device }: { device: DeviceDetail }) {
  const i18n = useI18n();
  const desk = useRepairDesk();
  const headingId = useId();
  const { state: syncState } = useSync();
  const deviceId = device.id;
  const load = useCallback(
    () => commands.repairCases({ open: null, sla: null, device_id: deviceId, offset: 0, limit: CASES_SHOWN }),
    [deviceId],
  );
  const { state, reload } = useCommand(load, syncState.registerChanges);
  const list = state.status === "ok" ? state.data : null;
  const hasOpenCase = list !== null && openCaseOf(list.rows) !== null;

  return (
    <section
      className="detail-section device-repairs"
      data-testid="device-repairs"
      data-count={list?.total}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>{i18n.t("detail.repairs.heading")}</h3>
      {state.status === "loading" && <p className="muted">{i18n.t("detail.repairs.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="detail.repairs.loadError" error={state.error} onRetry={reload} />
      )}
      {list !== null && list.rows.length === 0 && (
        <p className="muted" data-testid="device-repairs-none">
          {i18n.t("detail.repairs.none")}
        </p>
      )}
      {list !== null && list.rows.length > 0 && (
        <ul className="device-repair-list" aria-label={i18n.t("detail.repairs.label")}>
          {list.rows.map((row) => {
            const closed = row.closed_at !== null;
            return (
              <li key={row.id}>
                <button
                  type="button"
                  className="device-repair"
                  data-testid="device-repair-row"
                  data-id={row.id}
                  data-standing={row.standing}
                  data-closed={closed}
                  title={i18n.t("detail.repairs.show")}
                  onClick={() => desk.showCase(row.id)}
                >
                  <span className="device-repair-head">
                    <strong>{i18n.t("repairs.caseNumber", { id: row.id })}</strong>
                    <span>{i18n.t(slaTypeKey(row.sla))}</span>
                    <StandingBadge standing={row.standing} />
                    {/* Closed, the dates below say it all; open, what is left is what matters. */}
                    {!closed && (
                      <span className={row.margin_working_days < 0 ? "tone-bad" : "muted"}>
                        {marginText(row.margin_working_days, closed, i18n)}
                      </span>
                    )}
                  </span>
                  <span className="device-repair-dates muted">
                    <span>
                      {i18n.t("detail.repairs.reported", { time: i18n.format.dateTime(row.reported_at) })}
                    </span>
                    {row.closed_at !== null && (
                      <span>{i18n.t("detail.repairs.closed", { time: i18n.format.dateTime(row.closed_at) })}</span>
                    )}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {list !== null && list.total > list.rows.length && (
        <p className="muted">{i18n.t("repairs.truncated", { shown: list.rows.length, total: list.total })}</p>
      )}
      {list !== null &&
        !hasOpenCase &&
        (canOpenCase(device.lifecycle) ? (
          <button
            type="button"
            className="button-secondary device-repair-new"
            data-testid="device-open-repair-case"
            onClick={() => desk.newCase(caseUnitOf(device))}
          >
            {i18n.t("detail.repairs.open")}
          </button>
        ) : (
          // Said rather than a button the core would refuse: a unit that is gone is not repaired.
          <p className="muted" data-testid="device-repairs-not-repairable">
            {i18n.t("repairs.refused.notRepairable")}
          </p>
        ))}
    </section>
  );
}
