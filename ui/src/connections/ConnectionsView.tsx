import { useCallback, useMemo, useState } from "react";
import { commands, type Connection, type ErrorPayload, type SyncMode } from "../bindings";
import { call } from "../api/call";
import { useCommand } from "../api/useCommand";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { SyncHistory } from "../sync/SyncHistory";
import { ConnectionFormDialog } from "./ConnectionFormDialog";
import { ConnectionTable } from "./ConnectionTable";

type FormState = { readonly connection: Connection | null } | null;

export function ConnectionsView() {
  const i18n = useI18n();
  const sync = useSync();
  // Saving or removing a connection changes the list and the names in the history.
  const [edits, setEdits] = useState(0);
  const refresh = sync.state.registerChanges + edits;
  const listConnections = useCallback(() => commands.listConnections(), []);
  const { state: list, reload } = useCommand(listConnections, refresh);
  const secretStoreStatus = useCallback(() => commands.secretStoreStatus(), []);
  const { state: secretStore } = useCommand(secretStoreStatus);
  // What a new connection starts from and the limits of its settings, from the core's rules.
  const connectionDefaults = useCallback(() => commands.connectionDefaults(), []);
  const { state: defaults, reload: reloadDefaults } = useCommand(connectionDefaults);

  const [form, setForm] = useState<FormState>(null);
  const [removing, setRemoving] = useState<Connection | null>(null);
  const [removeBusy, setRemoveBusy] = useState(false);
  const [removeError, setRemoveError] = useState<ErrorPayload | null>(null);
  const [actionErrors, setActionErrors] = useState<ReadonlyMap<number, ErrorPayload>>(new Map());
  const [cancelling, setCancelling] = useState<ReadonlySet<number>>(new Set());

  const setActionError = useCallback((connectionId: number, error: ErrorPayload | null) => {
    setActionErrors((current) => {
      if (error === null && !current.has(connectionId)) return current;
      const next = new Map(current);
      if (error === null) next.delete(connectionId);
      else next.set(connectionId, error);
      return next;
    });
  }, []);

  const { started, dismiss } = sync;
  const onSync = useCallback(
    (connection: Connection, mode: SyncMode) => {
      setActionError(connection.id, null);
      void call(() => commands.startSync(connection.id, mode)).then((result) => {
        if (result.status === "ok") started(connection.id, connection.settings.name, result.data);
        else setActionError(connection.id, result.error);
      });
    },
    [started, setActionError],
  );

  const onCancel = useCallback(
    (connection: Connection, runId: number | null) => {
      setActionError(connection.id, null);
      if (runId !== null) setCancelling((current) => new Set(current).add(runId));
      void call(() => commands.cancelSync(connection.id)).then((result) => {
        if (result.status === "ok") return;
        setActionError(connection.id, result.error);
        if (runId !== null) {
          setCancelling((current) => {
            const next = new Set(current);
            next.delete(runId);
            return next;
          });
        }
      });
    },
    [setActionError],
  );

  const onDismiss = useCallback(
    (connection: Connection) => {
      dismiss(connection.id);
      setActionError(connection.id, null);
    },
    [dismiss, setActionError],
  );

  const onSaved = useCallback(() => {
    setForm(null);
    setEdits((n) => n + 1);
  }, []);

  const confirmRemove = () => {
    if (removing === null) return;
    setRemoveBusy(true);
    setRemoveError(null);
    void call(() => commands.removeConnection(removing.id)).then((result) => {
      setRemoveBusy(false);
      if (result.status === "error") {
        setRemoveError(result.error);
        return;
      }
      setRemoving(null);
      setEdits((n) => n + 1);
    });
  };

  const closeRemove = () => {
    setRemoving(null);
    setRemoveError(null);
  };

  // Open connections first: removed ones are kept for the record, not for daily work.
  const connections = useMemo(
    () =>
      list.status === "ok"
        ? [...list.data].sort((a, b) => Number(a.closed_at !== null) - Number(b.closed_at !== null))
        : [],
    [list],
  );

  return (
    <div className="connections" data-testid="connections-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("connections.heading")}</h1>
          <p className="muted view-intro">{i18n.t("connections.intro")}</p>
        </div>
        <button
          type="button"
          className="button-primary"
          data-testid="connection-add"
          disabled={defaults.status !== "ok"}
          onClick={() => setForm({ connection: null })}
        >
          {i18n.t("connections.action.add")}
        </button>
      </div>

      {defaults.status === "error" && (
        <InlineError
          messageKey="connections.defaultsError"
          error={defaults.error}
          onRetry={reloadDefaults}
          testId="connection-defaults-error"
        />
      )}
      {list.status === "loading" && <p className="muted">{i18n.t("connections.loading")}</p>}
      {list.status === "error" && (
        <InlineError
          messageKey="connections.loadError"
          error={list.error}
          onRetry={reload}
          testId="connections-error"
        />
      )}
      {list.status === "ok" && connections.length === 0 && (
        <p className="empty-state" data-testid="connections-empty">
          {i18n.t("connections.empty")}
        </p>
      )}
      {connections.length > 0 && (
        <ConnectionTable
          connections={connections}
          syncState={sync.state}
          cancelling={cancelling}
          actionErrors={actionErrors}
          onSync={onSync}
          onCancel={onCancel}
          onDismiss={onDismiss}
          onEdit={(connection) => setForm({ connection })}
          onRemove={setRemoving}
        />
      )}

      <SyncHistory connections={connections} refresh={refresh} />

      {/* An edit asked for before the defaults arrived opens once they have. */}
      {form !== null && defaults.status === "ok" && (
        <ConnectionFormDialog
          connection={form.connection}
          defaults={defaults.data}
          secretStore={secretStore}
          onClose={() => setForm(null)}
          onSaved={onSaved}
        />
      )}
      {removing !== null && (
        <ConfirmDialog
          title={i18n.t("connections.remove.title", { name: removing.settings.name })}
          confirmLabel={i18n.t("connections.remove.confirm")}
          confirmTestId="confirm-remove"
          busy={removeBusy}
          onConfirm={confirmRemove}
          onCancel={closeRemove}
        >
          <p>{i18n.t("connections.remove.body")}</p>
          <p>{i18n.count("connections.remove.devices", removing.device_count)}</p>
          {removeError && <InlineError messageKey="connections.remove.error" error={removeError} />}
        </ConfirmDialog>
      )}
    </div>
  );
}
