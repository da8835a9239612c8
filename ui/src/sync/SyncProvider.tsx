import { useEffect, useMemo, useReducer, type ReactNode } from "react";
import { SyncContext, type SyncContextValue } from "./syncContext";
import { subscribeSyncProgress } from "./progressEvents";
import { INITIAL_SYNC_STATE, syncReducer } from "./syncState";

type Props = {
  /** Called after a sync has finished, for data that lives outside the sync views (the fleet summary). */
  onSyncFinished: () => void;
  children: ReactNode;
};

/**
 * Listens for sync progress for the whole app, from start-up on, so syncs the backend starts
 * by itself (the demo sync, scheduled ones) are seen whichever view is open.
 */
export function SyncProvider({ onSyncFinished, children }: Props) {
  const [state, dispatch] = useReducer(syncReducer, INITIAL_SYNC_STATE);

  useEffect(() => subscribeSyncProgress((progress) => dispatch({ type: "progress", progress })), []);

  // `onSyncFinished` is expected to be stable; a new identity alone would reload once more.
  useEffect(() => {
    if (state.registerChanges > 0) onSyncFinished();
  }, [state.registerChanges, onSyncFinished]);

  const value = useMemo<SyncContextValue>(
    () => ({
      state,
      started: (connectionId, connectionName, runId) =>
        dispatch({ type: "started", connectionId, connectionName, runId }),
      dismiss: (connectionId) => dispatch({ type: "dismiss", connectionId }),
      edited: () => dispatch({ type: "edited" }),
    }),
    [state],
  );

  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}
