import { useId } from "react";
import type { Connection, ErrorPayload, SyncMode } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import type { Translator } from "../i18n/translator";
import { useNow } from "../lib/useNow";
import { useRovingRows } from "../lib/useRovingRows";
import { ConnectionSyncStatus } from "../sync/ConnectionSyncStatus";
import { countsText } from "../sync/syncFormat";
import { connectionSyncView, type SyncState } from "../sync/syncState";

const COLUMN_COUNT = 6;

type Props = {
  connections: readonly Connection[];
  syncState: SyncState;
  /** Run ids whose cancellation has been asked for. */
  cancelling: ReadonlySet<number>;
  actionErrors: ReadonlyMap<number, ErrorPayload>;
  onSync: (connection: Connection, mode: SyncMode) => void;
  onCancel: (connection: Connection, runId: number | null) => void;
  onDismiss: (connection: Connection) => void;
  onEdit: (connection: Connection) => void;
  onRemove: (connection: Connection) => void;
};

export function ConnectionTable(props: Props) {
  const { connections, syncState, cancelling, actionErrors, onSync, onCancel, onDismiss, onEdit, onRemove } = props;
  const i18n = useI18n();
  const now = useNow();
  const hintId = useId();
  const { rowProps, onKeyDown } = useRovingRows(connections.length, (index) => {
    const connection = connections[index];
    if (connection && connection.closed_at === null) onEdit(connection);
  });

  return (
    <div className="table-card">
      <table
        className="data-table connection-table"
        aria-label={i18n.t("connections.table.label")}
        aria-describedby={hintId}
      >
        <thead>
          <tr>
            <th scope="col">{i18n.t("connections.column.name")}</th>
            <th scope="col">{i18n.t("connections.column.vendor")}</th>
            <th scope="col" className="num">
              {i18n.t("connections.column.devices")}
            </th>
            <th scope="col">{i18n.t("connections.column.lastSync")}</th>
            <th scope="col">{i18n.t("connections.column.secret")}</th>
            <th scope="col">
              <span className="visually-hidden">{i18n.t("connections.column.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {connections.map((connection, index) => {
            const open = connection.closed_at === null;
            const sync = connectionSyncView(connection, syncState);
            const running = sync.kind === "running";
            const actionError = actionErrors.get(connection.id) ?? null;
            const name = connection.settings.name;
            return [
              <tr
                key={`row-${connection.id}`}
                {...rowProps(index)}
                className={open ? "connection-row" : "connection-row closed"}
                data-testid="connection-row"
                data-id={connection.id}
                data-name={name}
                data-closed={!open}
              >
                <td>
                  <span className="connection-name">{name}</span>
                  {connection.demo && <span className="tag">{i18n.t("connections.tag.demo")}</span>}
                  {connection.closed_at !== null && (
                    <span className="tag tag-muted" data-testid="connection-removed">
                      {i18n.t("connections.tag.removed", { date: i18n.format.dateTime(connection.closed_at) })}
                    </span>
                  )}
                </td>
                <td>{i18n.t(`vendor.${connection.settings.vendor}`)}</td>
                <td className="num">{i18n.format.number(connection.device_count)}</td>
                <td>
                  <LastSync connection={connection} running={running} i18n={i18n} now={now} />
                </td>
                <td>{open ? <SecretCell connection={connection} i18n={i18n} /> : i18n.t("value.none")}</td>
                <td className="row-actions">
                  {open && (
                    <>
                      <button
                        type="button"
                        className="button-primary"
                        data-testid="connection-sync"
                        disabled={running}
                        onClick={() => onSync(connection, "incremental")}
                        title={i18n.t("connections.action.syncHint")}
                      >
                        {i18n.t("connections.action.sync")}
                      </button>
                      <button
                        type="button"
                        className="button-secondary"
                        data-testid="connection-full-sync"
                        disabled={running}
                        onClick={() => onSync(connection, "full")}
                        title={i18n.t("connections.action.fullSyncHint")}
                      >
                        {i18n.t("connections.action.fullSync")}
                      </button>
                      <button
                        type="button"
                        className="button-secondary"
                        data-testid="connection-edit"
                        onClick={() => onEdit(connection)}
                        aria-label={i18n.t("connections.action.editNamed", { name })}
                      >
                        {i18n.t("connections.action.edit")}
                      </button>
                      <button
                        type="button"
                        className="button-secondary button-danger-text"
                        data-testid="connection-remove"
                        disabled={running}
                        onClick={() => onRemove(connection)}
                        aria-label={i18n.t("connections.action.removeNamed", { name })}
                      >
                        {i18n.t("connections.action.remove")}
                      </button>
                    </>
                  )}
                </td>
              </tr>,
              (sync.kind !== "none" || actionError !== null) && (
                <tr key={`sync-${connection.id}`} className="connection-sync-row">
                  <td colSpan={COLUMN_COUNT}>
                    <ConnectionSyncStatus
                      connectionId={connection.id}
                      sync={sync}
                      cancelling={sync.kind === "running" && sync.runId !== null && cancelling.has(sync.runId)}
                      actionError={actionError}
                      onCancel={() => onCancel(connection, sync.kind === "running" ? sync.runId : null)}
                      onDismiss={() => onDismiss(connection)}
                    />
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
      <p id={hintId} className="visually-hidden">
        {i18n.t("connections.table.keyboardHint")}
      </p>
    </div>
  );
}

type LastSyncProps = { connection: Connection; running: boolean; i18n: Translator; now: Date };

function LastSync({ connection, running, i18n, now }: LastSyncProps) {
  const run = connection.last_run;
  if (run === null) {
    // The core starts a scheduled connection's first sync within half a minute of saving it;
    // its progress then shows below the row.
    const firstSoon = firstSyncPending(connection) && !running;
    return (
      <span className="tone-muted" data-testid="connection-never-synced" data-first-sync-soon={firstSoon}>
        {i18n.t(firstSoon ? "connections.lastSync.firstSoon" : "connections.lastSync.never")}
      </span>
    );
  }
  const tone = run.status === "failed" ? "tone-bad" : run.status === "cancelled" ? "tone-warn" : undefined;
  return (
    <div className="last-sync" data-testid="connection-last-sync" data-status={run.status}>
      <span className={tone}>{i18n.t(`sync.status.${run.status}`)}</span>
      <span className="muted" title={i18n.format.dateTime(run.started_at)}>
        {" · "}
        {i18n.format.relative(run.started_at, now)}
      </span>
      {run.status === "succeeded" && <div className="last-sync-counts">{countsText(run.counts, i18n)}</div>}
    </div>
  );
}

/** An open, scheduled connection that has never synced and has a secret to sync with. */
function firstSyncPending(connection: Connection): boolean {
  return (
    connection.last_run === null &&
    connection.closed_at === null &&
    connection.settings.sync_every_minutes !== null &&
    connection.secret !== "missing"
  );
}

function SecretCell({ connection, i18n }: { connection: Connection; i18n: Translator }) {
  // The demo tenant's secret is built in and supplied at every start: nothing to re-enter.
  if (connection.demo && connection.secret === "session") {
    return (
      <span data-testid="connection-secret" data-secret="built_in">
        {i18n.t("secret.builtIn")}
      </span>
    );
  }
  const tone = connection.secret === "missing" ? "tone-bad" : connection.secret === "session" ? "tone-warn" : undefined;
  return (
    <span className={tone} data-testid="connection-secret" data-secret={connection.secret}>
      {i18n.t(`secret.${connection.secret}`)}
    </span>
  );
}
