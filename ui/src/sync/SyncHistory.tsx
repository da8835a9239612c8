import { useCallback, useId, useState } from "react";
import { commands, type Connection, type SyncRun } from "../bindings";
import { useCommand } from "../api/useCommand";
import { ErrorDetails } from "../components/ErrorDetails";
import { InlineError } from "../components/InlineError";
import { TableExport } from "../components/TableExport";
import { useI18n } from "../i18n/I18nContext";
import { useRovingRows } from "../lib/useRovingRows";
import { changeFieldLabel } from "../inventory/deviceChanges";
import { formatDuration, runDurationMs, runErrorText } from "./syncFormat";

type Props = {
  /** For the connection filter. */
  connections: readonly Connection[];
  /** Changes whenever the history may have grown. */
  refresh: number;
};

const COUNT_COLUMNS = ["added", "updated", "unchanged", "missing", "warnings"] as const;

export function SyncHistory({ connections, refresh }: Props) {
  const i18n = useI18n();
  const headingId = useId();
  const filterId = useId();
  const [connectionId, setConnectionId] = useState<number | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const load = useCallback(() => commands.syncHistory(connectionId), [connectionId]);
  const { state, reload } = useCommand(load, refresh);
  const runs = state.status === "ok" ? state.data : [];
  const selected = runs.find((run) => run.id === selectedId) ?? null;

  const { rowProps, onKeyDown } = useRovingRows(runs.length, (index) => {
    const run = runs[index];
    if (run) setSelectedId((current) => (current === run.id ? null : run.id));
  });

  return (
    <section className="sync-history" data-testid="sync-history" aria-labelledby={headingId}>
      <div className="section-toolbar">
        <h2 id={headingId} className="section-heading">
          {i18n.t("history.heading")}
        </h2>
        <div>
          <label className="field-label" htmlFor={filterId}>
            {i18n.t("history.filter")}
          </label>
          <select
            id={filterId}
            data-testid="sync-history-filter"
            value={connectionId ?? ""}
            onChange={(event) => {
              setConnectionId(event.target.value === "" ? null : Number(event.target.value));
              setSelectedId(null);
            }}
          >
            <option value="">{i18n.t("history.allConnections")}</option>
            {connections.map((connection) => (
              <option key={connection.id} value={connection.id}>
                {connection.settings.name}
              </option>
            ))}
          </select>
        </div>
        <TableExport
          run={(path, format) => commands.exportSyncHistory(path, connectionId, format)}
          fileName="flotta-synkhistorik"
          hint="history.export.hint"
          testId="sync-history-export"
        />
      </div>

      {state.status === "loading" && <p className="muted">{i18n.t("history.loading")}</p>}
      {state.status === "error" && <InlineError messageKey="history.loadError" error={state.error} onRetry={reload} />}
      {state.status === "ok" && runs.length === 0 && <p className="empty-state">{i18n.t("history.empty")}</p>}
      {runs.length > 0 && (
        <div className="table-card">
          <table className="data-table history-table" aria-label={i18n.t("history.heading")}>
            <thead>
              <tr>
                <th scope="col">{i18n.t("history.column.connection")}</th>
                <th scope="col">{i18n.t("history.column.mode")}</th>
                <th scope="col">{i18n.t("history.column.status")}</th>
                <th scope="col">{i18n.t("history.column.started")}</th>
                <th scope="col" className="num">
                  {i18n.t("history.column.duration")}
                </th>
                {COUNT_COLUMNS.map((column) => (
                  <th key={column} scope="col" className="num">
                    {i18n.t(`history.column.${column}`)}
                  </th>
                ))}
                <th scope="col">{i18n.t("history.column.error")}</th>
              </tr>
            </thead>
            <tbody onKeyDown={onKeyDown}>
              {runs.map((run, index) => (
                <RunRow key={run.id} run={run} selected={run.id === selectedId} rowProps={rowProps(index)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && <RunDetails key={selected.id} run={selected} />}
    </section>
  );
}

type RowProps = ReturnType<ReturnType<typeof useRovingRows>["rowProps"]>;

function RunRow({ run, selected, rowProps }: { run: SyncRun; selected: boolean; rowProps: RowProps }) {
  const i18n = useI18n();
  const duration = runDurationMs(run);
  const statusTone = run.status === "failed" ? "tone-bad" : run.status === "cancelled" ? "tone-warn" : undefined;
  return (
    <tr
      {...rowProps}
      className={selected ? "history-row selected" : "history-row"}
      data-testid="sync-run-row"
      data-id={run.id}
      data-status={run.status}
      aria-current={selected ? "true" : undefined}
    >
      <td>{run.connection_name}</td>
      <td>{i18n.t(`sync.mode.${run.mode}`)}</td>
      <td className={statusTone}>{i18n.t(`sync.status.${run.status}`)}</td>
      <td>{i18n.format.dateTime(run.started_at)}</td>
      <td className="num">{duration === null ? i18n.t("value.none") : formatDuration(duration, i18n)}</td>
      {COUNT_COLUMNS.map((column) => (
        <td key={column} className={column === "warnings" && run.counts.warnings > 0 ? "num tone-warn" : "num"}>
          {i18n.format.number(run.counts[column])}
        </td>
      ))}
      <td className="history-error" title={run.error ?? undefined}>
        {runErrorText(run, i18n) ?? ""}
      </td>
    </tr>
  );
}

/** What a selected run left behind: its warnings and the full error. */
function RunDetails({ run }: { run: SyncRun }) {
  const i18n = useI18n();
  return (
    <div className="run-details" data-testid="sync-run-details" data-id={run.id}>
      <h3>
        {i18n.t("history.details.heading", {
          name: run.connection_name,
          started: i18n.format.dateTime(run.started_at),
        })}
      </h3>
      {run.error_code !== null && <p className="tone-bad">{runErrorText(run, i18n)}</p>}
      {run.error && <ErrorDetails message={run.error} />}
      {run.counts.warnings > 0 ? (
        <RunWarnings runId={run.id} />
      ) : (
        <p className="muted">{i18n.t("history.warnings.none")}</p>
      )}
    </div>
  );
}

function RunWarnings({ runId }: { runId: number }) {
  const i18n = useI18n();
  const load = useCallback(() => commands.syncWarnings(runId), [runId]);
  const { state, reload } = useCommand(load);
  return (
    <div data-testid="sync-warnings" data-run-id={runId}>
      {state.status === "loading" && <p className="muted">{i18n.t("history.warnings.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="history.warnings.loadError" error={state.error} onRetry={reload} />
      )}
      {state.status === "ok" && (
        <table className="data-table warnings-table">
          <caption className="visually-hidden">{i18n.t("history.warnings.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t("history.warnings.vendorId")}</th>
              <th scope="col">{i18n.t("history.warnings.field")}</th>
              <th scope="col">{i18n.t("history.warnings.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((warning, index) => (
              <tr key={`${warning.vendor_id}-${warning.field}-${index}`} data-testid="sync-warning-row">
                <td className="mono">{warning.vendor_id}</td>
                <td>{changeFieldLabel(warning.field, i18n)}</td>
                <td>{warning.problem}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
