import { events, type SyncProgress } from "../bindings";

/**
 * Calls `onProgress` for every sync progress event until the returned function is called.
 * The only place that knows the generated events' shape, so a change there touches one file.
 */
export function subscribeSyncProgress(onProgress: (progress: SyncProgress) => void): () => void {
  let stopped = false;
  let unlisten: (() => void) | null = null;
  events.syncProgressEvent
    .listen((event) => {
      if (!stopped) onProgress(event.payload);
    })
    .then(
      (stop) => {
        // Unsubscribed while `listen` was still registering: undo it right away.
        if (stopped) stop();
        else unlisten = stop;
      },
      () => {
        // No event bridge (the page runs outside Tauri). Syncs still show as running from
        // `listConnections`; only the live figures are missing.
      },
    );
  return () => {
    stopped = true;
    unlisten?.();
  };
}
