import { useCallback, useId, useState } from "react";
import { commands, type DeviceApps } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useNow } from "../lib/useNow";
import { useSync } from "../sync/syncContext";
import {
  APPS_SHOWN_FIRST,
  appsListView,
  appsNotes,
  appsShownText,
  sourcesText,
  type AppsDevice,
} from "./deviceApps";

type Props = { id: number; device: AppsDevice };

/**
 * The apps the device's connections report, and — just as visible — which connections do not
 * report them, so a missing app is never read as "not installed". Read again after every sync.
 * Mount it with `key={id}` so the filter and "show all" start afresh for another device.
 */
export function DeviceAppsSection({ id, device }: Props) {
  const i18n = useI18n();
  const headingId = useId();
  const { state: syncState } = useSync();
  const load = useCallback(() => commands.deviceApps(id), [id]);
  const { state, reload } = useCommand(load, syncState.registerChanges);

  return (
    <section
      className="detail-section"
      data-testid="device-apps"
      data-count={state.status === "ok" ? state.data.apps.length : undefined}
      aria-labelledby={headingId}
      aria-busy={state.status === "loading"}
    >
      <h3 id={headingId}>{i18n.t("detail.section.apps")}</h3>
      {state.status === "loading" && <p className="muted">{i18n.t("detail.apps.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="detail.apps.loadError" error={state.error} onRetry={reload} />
      )}
      {state.status === "ok" && <AppsContent data={state.data} device={device} headingId={headingId} />}
    </section>
  );
}

function AppsContent({ data, device, headingId }: { data: DeviceApps; device: AppsDevice; headingId: string }) {
  const i18n = useI18n();
  const now = useNow();
  const filterId = useId();
  const tableId = useId();
  const [filter, setFilter] = useState("");
  const [showAll, setShowAll] = useState(false);
  const notes = appsNotes(data, device, i18n, now);
  const view = appsListView(data.apps, filter, showAll);

  return (
    <>
      {notes.map((note, index) => {
        switch (note.kind) {
          case "not_reported":
            return (
              <p
                key={`not-${index}`}
                className="apps-notice"
                role="note"
                data-testid="device-apps-not-reported"
                data-source={note.source}
              >
                {note.text}
              </p>
            );
          case "reported":
            return (
              <p
                key={`reported-${index}`}
                className="apps-reported muted"
                data-testid="device-apps-reported"
                data-source={note.source}
                data-at={note.at}
              >
                {note.text}
              </p>
            );
          case "no_source":
            return (
              <p key="no-source" className="muted" data-testid="device-apps-no-source">
                {note.text}
              </p>
            );
          case "none_reported":
            return (
              <p key="none" className="muted" data-testid="device-apps-empty">
                {note.text}
              </p>
            );
        }
      })}
      {data.apps.length > 0 && (
        <>
          <div className="apps-toolbar">
            <p className="apps-count">{i18n.count("detail.apps.count", data.apps.length)}</p>
            {view.showFilter && (
              <div className="apps-filter">
                <label className="field-label" htmlFor={filterId}>
                  {i18n.t("detail.apps.filter.label")}
                </label>
                <input
                  id={filterId}
                  type="search"
                  data-testid="device-apps-filter"
                  value={filter}
                  placeholder={i18n.t("detail.apps.filter.placeholder")}
                  autoComplete="off"
                  spellCheck={false}
                  aria-controls={tableId}
                  onChange={(event) => setFilter(event.target.value)}
                />
              </div>
            )}
          </div>
          {/* Read out when typing in the filter or toggling changes how many rows are shown. */}
          <p className="apps-shown muted" aria-live="polite">
            {appsShownText(view, data.apps.length, filter, i18n)}
          </p>
          <div id={tableId} className="apps-table-wrap">
            {view.rows.length > 0 && (
              <table className="data-table apps-table" aria-labelledby={headingId}>
                <thead>
                  <tr>
                    <th scope="col">{i18n.t("detail.apps.column.name")}</th>
                    <th scope="col">{i18n.t("detail.apps.column.version")}</th>
                    {view.showIdentifier && <th scope="col">{i18n.t("detail.apps.column.identifier")}</th>}
                    {view.showSource && <th scope="col">{i18n.t("detail.apps.column.source")}</th>}
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((app, index) => (
                    <tr key={`${index}-${app.identifier}-${app.name}-${app.version}`} data-testid="device-app-row">
                      <td className="app-name">{app.name}</td>
                      <td className="app-version">{app.version === "" ? <Missing /> : app.version}</td>
                      {view.showIdentifier && (
                        <td className="app-identifier mono">{app.identifier === "" ? <Missing /> : app.identifier}</td>
                      )}
                      {view.showSource && <td className="app-source">{sourcesText(app)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          {view.toggle !== null && (
            <button
              type="button"
              className="button-secondary apps-toggle"
              data-testid="device-apps-show-all"
              aria-controls={tableId}
              aria-expanded={showAll}
              onClick={() => setShowAll((value) => !value)}
            >
              {view.toggle === "show_all"
                ? i18n.t("detail.apps.showAll", { count: i18n.format.number(view.matching) })
                : i18n.t("detail.apps.showFirst", { count: i18n.format.number(APPS_SHOWN_FIRST) })}
            </button>
          )}
        </>
      )}
    </>
  );
}

/** An empty version or identifier (Intune gives no identifier): a dash, read out as "none". */
function Missing() {
  const i18n = useI18n();
  return (
    <span className="tone-muted" title={i18n.t("value.empty")}>
      <span aria-hidden="true">{i18n.t("value.none")}</span>
      <span className="visually-hidden">{i18n.t("value.empty")}</span>
    </span>
  );
}
