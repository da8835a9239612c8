import { useCallback } from "react";
import { commands, type AppSearch } from "../bindings";
import type { CommandResult } from "../api/call";
import { useCommand } from "../api/useCommand";
import { isSearchable, nameForKey } from "./appSearch";

const NOTHING_TO_ASK: CommandResult<AppSearch | null> = { status: "ok", data: null };

/**
 * The name of the app with key `key`: `known` when the view that set the filter said it, else
 * looked up by searching the key (a saved view holds only the key), else the key itself.
 */
export function useAppName(key: string, known: string | null): string {
  const load = useCallback(
    () => (known !== null || !isSearchable(key) ? Promise.resolve(NOTHING_TO_ASK) : commands.searchApps(key)),
    [key, known],
  );
  const { state } = useCommand<AppSearch | null>(load);
  if (known !== null) return known;
  return (state.status === "ok" ? nameForKey(state.data, key) : null) ?? key;
}
