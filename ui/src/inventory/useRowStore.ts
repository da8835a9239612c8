import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from "react";
import { commands, type InventoryView } from "../bindings";
import { call } from "../api/call";
import { useSync } from "../sync/syncContext";
import { RowStore } from "./rowStore";

/** One store for the lifetime of the table; it re-keys itself when the view changes. */
export function useRowStore(view: InventoryView): RowStore {
  const [store] = useState(() => new RowStore(view, (query) => call(() => commands.queryDevices(query))));

  // Layout effect: the cache is swapped before the browser paints, so rows of the
  // previous view are never shown under the new search or filters.
  useLayoutEffect(() => {
    store.setView(view);
  }, [store, view]);

  // A finished sync changed the register: show its rows without the user asking.
  const { registerChanges } = useSync().state;
  useEffect(() => {
    if (registerChanges > 0) store.reload();
  }, [store, registerChanges]);

  useSyncExternalStore(store.subscribe, store.getVersion);
  return store;
}
