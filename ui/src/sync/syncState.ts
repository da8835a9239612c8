import type { SyncProgress, SyncRun } from "../bindings";

/** What the UI knows about the latest sync of one connection. */
export type ConnectionSync =
  | {
      readonly kind: "running";
      readonly runId: number;
      readonly connectionId: number;
      readonly connectionName: string;
      /** `null` until the first progress event of the run arrives. */
      readonly progress: SyncProgress | null;
    }
  | {
      readonly kind: "finished";
      readonly runId: number;
      readonly connectionId: number;
      readonly connectionName: string;
      /** The run as recorded; `null` only if the backend left it out of the final event. */
      readonly run: SyncRun | null;
    };

export type SyncState = {
  readonly byConnection: ReadonlyMap<number, ConnectionSync>;
  /**
   * Counts the times the register changed — a run finished, a run stored its devices and
   * went on to read their installed apps, or a person changed a unit — so views reload what
   * may have changed.
   */
  readonly registerChanges: number;
};

export type SyncAction =
  | { readonly type: "progress"; readonly progress: SyncProgress }
  /** `startSync` answered with a run id; events for that run may already have arrived. */
  | { readonly type: "started"; readonly connectionId: number; readonly connectionName: string; readonly runId: number }
  | { readonly type: "dismiss"; readonly connectionId: number }
  /** A person changed the register (moved a unit). */
  | { readonly type: "edited" };

export const INITIAL_SYNC_STATE: SyncState = { byConnection: new Map(), registerChanges: 0 };

export function syncReducer(state: SyncState, action: SyncAction): SyncState {
  switch (action.type) {
    case "progress": {
      const { progress } = action;
      const current = state.byConnection.get(progress.connection_id);
      // Run ids only grow: an older run's event, or one that trails its run's end, is stale.
      if (current && progress.run_id < current.runId) return state;
      if (current && progress.run_id === current.runId && current.kind === "finished") return state;
      const base = {
        runId: progress.run_id,
        connectionId: progress.connection_id,
        connectionName: progress.connection_name,
      };
      if (progress.phase === "finished") {
        return {
          byConnection: withEntry(state.byConnection, { kind: "finished", ...base, run: progress.run }),
          registerChanges: state.registerChanges + 1,
        };
      }
      // Reading the installed apps a vendor keeps apart comes after the devices are stored.
      const devicesStored =
        progress.phase === "reading_apps" && !(current?.kind === "running" && current.progress?.phase === "reading_apps");
      return {
        byConnection: withEntry(state.byConnection, { kind: "running", ...base, progress }),
        registerChanges: state.registerChanges + (devicesStored ? 1 : 0),
      };
    }
    case "started": {
      const current = state.byConnection.get(action.connectionId);
      if (current && current.runId >= action.runId) return state;
      return {
        ...state,
        byConnection: withEntry(state.byConnection, {
          kind: "running",
          runId: action.runId,
          connectionId: action.connectionId,
          connectionName: action.connectionName,
          progress: null,
        }),
      };
    }
    case "edited":
      return { ...state, registerChanges: state.registerChanges + 1 };
    case "dismiss": {
      const current = state.byConnection.get(action.connectionId);
      if (current?.kind !== "finished") return state;
      const next = new Map(state.byConnection);
      next.delete(action.connectionId);
      return { ...state, byConnection: next };
    }
  }
}

function withEntry(
  map: ReadonlyMap<number, ConnectionSync>,
  entry: ConnectionSync,
): ReadonlyMap<number, ConnectionSync> {
  const next = new Map(map);
  next.set(entry.connectionId, entry);
  return next;
}

export type RunningSync = Extract<ConnectionSync, { kind: "running" }>;

/** Runs in progress, by connection name, for the header. */
export function runningSyncs(state: SyncState): RunningSync[] {
  return [...state.byConnection.values()]
    .filter((entry): entry is RunningSync => entry.kind === "running")
    .sort((a, b) => a.connectionName.localeCompare(b.connectionName) || a.connectionId - b.connectionId);
}

/** What to show for one connection, from the events seen and the list's own `syncing` flag. */
export type ConnectionSyncView =
  | { readonly kind: "none" }
  | { readonly kind: "running"; readonly runId: number | null; readonly progress: SyncProgress | null }
  | { readonly kind: "finished"; readonly runId: number; readonly run: SyncRun | null };

/**
 * Events are the fresher source, but a sync that started before the UI subscribed (or
 * whose events have not arrived yet) is known only from the connection list. A list that
 * still says "syncing" about a run whose end has been seen is simply older than the event.
 */
export function connectionSyncView(
  connection: { readonly id: number; readonly syncing: boolean; readonly last_run: SyncRun | null },
  state: SyncState,
): ConnectionSyncView {
  const entry = state.byConnection.get(connection.id);
  if (entry?.kind === "running") return { kind: "running", runId: entry.runId, progress: entry.progress };
  const listedRunId = connection.last_run?.id ?? null;
  if (connection.syncing && (entry === undefined || (listedRunId !== null && listedRunId > entry.runId))) {
    return { kind: "running", runId: listedRunId, progress: null };
  }
  if (entry?.kind === "finished") return { kind: "finished", runId: entry.runId, run: entry.run };
  return { kind: "none" };
}
