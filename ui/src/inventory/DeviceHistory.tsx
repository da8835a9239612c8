import { useCallback, useId } from "react";
import { commands } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { changeFieldLabel, changeValueText } from "./deviceChanges";

/** What syncs changed on one device, newest first; read again after every sync. */
export function DeviceHistory({ id }: { id: number }) {
  const i18n = useI18n();
  const headingId = useId();
  const { state: syncState } = useSync();
  const load = useCallback(() => commands.deviceHistory(id), [id]);
  const { state, reload } = useCommand(load, syncState.registerChanges);

  return (
    <section className="detail-section" data-testid="device-history" aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t("detail.section.history")}</h3>
      {state.status === "loading" && <p className="muted">{i18n.t("detail.history.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="detail.history.loadError" error={state.error} onRetry={reload} />
      )}
      {state.status === "ok" && state.data.length === 0 && (
        <p className="muted" data-testid="device-history-empty">
          {i18n.t("detail.history.empty")}
        </p>
      )}
      {state.status === "ok" && state.data.length > 0 && (
        <ol className="change-list">
          {state.data.map((change, index) => (
            <li
              key={`${change.at}-${change.field}-${index}`}
              className="change-row"
              data-testid="device-change-row"
              data-field={change.field}
            >
              <div className="change-head">
                <strong>{changeFieldLabel(change.field, i18n)}</strong>
                <time dateTime={change.at} className="muted">
                  {i18n.format.dateTime(change.at)}
                </time>
              </div>
              <div className="change-values">
                <span className="change-before">{changeValueText(change.field, change.before, i18n)}</span>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {i18n.t("detail.history.changedTo")} </span>
                <span className="change-after">{changeValueText(change.field, change.after, i18n)}</span>
              </div>
              <div className="change-source muted">{i18n.t("detail.history.source", { source: change.source })}</div>
              {change.reason !== null && (
                <div className="change-reason" data-testid="device-change-reason">
                  {i18n.t("detail.history.reason", { reason: change.reason })}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
