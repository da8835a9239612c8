import { createContext, useContext } from "react";
import type { SyncState } from "./syncState";

export type SyncContextValue = {
  readonly state: SyncState;
  /** Records the run id `startSync` answered, so the progress shows before the first event. */
  started: (connectionId: number, connectionName: string, runId: number) => void;
  /** Hides the result of a finished sync. */
  dismiss: (connectionId: number) => void;
  /** A person changed the register: views read it again. */
  edited: () => void;
};

export const SyncContext = createContext<SyncContextValue | null>(null);

export function useSync(): SyncContextValue {
  const value = useContext(SyncContext);
  if (value === null) throw new Error("useSync must be used inside SyncProvider");
  return value;
}
