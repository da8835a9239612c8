import { useCallback, useEffect, useState } from "react";
import type { ErrorPayload } from "../bindings";
import { call, type CommandResult } from "./call";

export type LoadState<T> =
  | { readonly status: "loading" }
  | { readonly status: "ok"; readonly data: T }
  | { readonly status: "error"; readonly error: ErrorPayload };

/**
 * Runs a read command and keeps its latest answer. `load` (memoised by the caller) says
 * what to read: a new `load` shows "loading" until its own answer arrives, so an answer for
 * something else is never shown for it. A change of `refresh` or a `reload()` reads again
 * but keeps the current answer on screen meanwhile, so a refresh does not flicker.
 */
export function useCommand<T>(
  load: () => Promise<CommandResult<T>>,
  refresh: number = 0,
): { state: LoadState<T>; reload: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ load: () => Promise<CommandResult<T>>; result: CommandResult<T> } | null>(
    null,
  );

  useEffect(() => {
    let current = true;
    void call(load).then((result) => {
      if (current) setLoaded({ load, result });
    });
    return () => {
      current = false;
    };
  }, [load, attempt, refresh]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  if (loaded === null || loaded.load !== load) return { state: { status: "loading" }, reload };
  const { result } = loaded;
  return {
    state: result.status === "ok" ? { status: "ok", data: result.data } : { status: "error", error: result.error },
    reload,
  };
}
