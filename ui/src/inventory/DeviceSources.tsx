import { useCallback, useId } from "react";
import { commands, type Lifecycle } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useNow } from "../lib/useNow";
import { useSync } from "../sync/syncContext";
import { changeFieldLabel, changeValueText } from "./deviceChanges";

/**
 * Every EMM record of the unit: a phone in Intune and Jamf has one in each. Which one the
 * unit's values come from, when each last checked in, and what each says where it differs.
 */
type Props = {
  id: number;
  /** The unit's state, to know whether a vendor's lost mode is news. */
  lifecycle: Lifecycle;
  /** Opens the move to "lost", naming the connection that reports lost mode. */
  onSuggestLost: (source: string) => void;
};

export function DeviceSources({ id, lifecycle, onSuggestLost }: Props) {
  const i18n = useI18n();
  const now = useNow();
  const headingId = useId();
  const { state: syncState } = useSync();
  const load = useCallback(() => commands.deviceSources(id), [id]);
  const { state, reload } = useCommand(load, syncState.registerChanges);

  return (
    <section className="detail-section" data-testid="device-sources" aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t("detail.section.sources")}</h3>
      {state.status === "loading" && <p className="muted">{i18n.t("detail.sources.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="detail.sources.loadError" error={state.error} onRetry={reload} />
      )}
      {state.status === "ok" && state.data.length === 0 && (
        <p className="muted">{i18n.t("detail.sources.none")}</p>
      )}
      {state.status === "ok" && state.data.length > 0 && (
        <ul className="source-list">
          {state.data.map((record) => (
            <li
              key={`${record.source_name}-${record.vendor_id}`}
              className="source-row"
              data-testid="device-source-row"
              data-source={record.source_name}
              data-speaks={record.speaks_for_unit}
            >
              <div className="change-head">
                <strong>{record.source_name}</strong>
                <span className="muted">{i18n.enumLabel("source", record.source_kind)}</span>
              </div>
              {record.speaks_for_unit && (
                <p className="source-speaks tone-good">{i18n.t("detail.sources.speaks")}</p>
              )}
              <dl className="source-facts">
                <div>
                  <dt>{i18n.t("detail.sources.vendorId")}</dt>
                  <dd>{record.vendor_id}</dd>
                </div>
                <div>
                  <dt>{i18n.t("field.last_check_in")}</dt>
                  <dd>
                    {record.last_check_in === null
                      ? i18n.t("value.never")
                      : `${i18n.format.dateTime(record.last_check_in)} (${i18n.format.relative(record.last_check_in, now)})`}
                  </dd>
                </div>
                <div>
                  <dt>{i18n.t("detail.sources.lastSeen")}</dt>
                  <dd>{i18n.format.dateTime(record.last_seen_at)}</dd>
                </div>
                {record.missing_since !== null && (
                  <div>
                    <dt>{i18n.t("detail.sources.missingSince")}</dt>
                    <dd className="tone-warn">{i18n.format.dateTime(record.missing_since)}</dd>
                  </div>
                )}
              </dl>
              {record.compliance_reasons.length > 0 && (
                <p className="tone-bad" data-testid="device-source-reasons">
                  {i18n.t("detail.sources.reasons", {
                    reasons: record.compliance_reasons.map((reason) => i18n.enumLabel("reason", reason)).join(", "),
                  })}
                </p>
              )}
              {record.lost_mode && (
                <div className="form-notice" data-testid="device-source-lost-mode">
                  <p>{i18n.t("detail.sources.lostMode", { source: record.source_name })}</p>
                  {lifecycle !== "lost" && lifecycle !== "stolen" && (
                    <button
                      type="button"
                      className="button-secondary"
                      data-testid="suggest-lost"
                      onClick={() => onSuggestLost(record.source_name)}
                    >
                      {i18n.t("detail.sources.markLost")}
                    </button>
                  )}
                </div>
              )}
              {record.differences.length > 0 && (
                <div className="source-differences">
                  <p className="muted">{i18n.t("detail.sources.differs")}</p>
                  <ul>
                    {record.differences.map((difference) => (
                      <li key={difference.field} data-testid="device-source-difference" data-field={difference.field}>
                        {changeFieldLabel(difference.field, i18n)}:{" "}
                        {changeValueText(difference.field, difference.value, i18n)}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
