import { useCallback, useEffect, useState } from "react";
import { commands, type DeviceDetail, type ErrorPayload } from "../bindings";
import { call, type CommandResult } from "../api/call";

export type DetailState =
  | { status: "loading" }
  | { status: "ok"; data: DeviceDetail }
  | { status: "error"; error: ErrorPayload };

/**
 * Detail of one device. Results are stored with the id they answer, so a slow answer
 * for a previously opened device is never shown for the current one.
 */
export function useDeviceDetail(id: number): { state: DetailState; reload: () => void } {
  const [loaded, setLoaded] = useState<{ id: number; attempt: number; result: CommandResult<DeviceDetail> } | null>(
    null,
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void call(() => commands.deviceDetail(id)).then((result) => {
      if (current) setLoaded({ id, attempt, result });
    });
    return () => {
      current = false;
    };
  }, [id, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  if (loaded === null || loaded.id !== id || loaded.attempt !== attempt) return { state: { status: "loading" }, reload };
  const { result } = loaded;
  return {
    state: result.status === "ok" ? { status: "ok", data: result.data } : { status: "error", error: result.error },
    reload,
  };
}
