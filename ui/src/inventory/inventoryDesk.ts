import { createContext, useContext } from "react";
import type { DeviceFilters } from "../bindings";

/** Another view's request to list devices in the inventory: these filters, nothing else. */
export type InventoryRequest = {
  readonly filters: Partial<DeviceFilters>;
  /** The name of the app `filters.app` keys, for the filter's chip: the filter holds only the key. */
  readonly appName: string | null;
  /** Each request is applied once, the same filters twice too: the user may have changed them in between. */
  readonly seq: number;
};

/**
 * How any view leads to the devices behind a figure, as the repair and incident desks lead to
 * a case: the inventory switches to the request's filters and is shown.
 */
export type InventoryDesk = {
  /** The latest request; `null` before any. */
  readonly request: InventoryRequest | null;
  /** Shows the inventory with only `filters` applied (search and other filters cleared). */
  showDevices: (filters: Partial<DeviceFilters>, appName?: string | null) => void;
};

export const InventoryDeskContext = createContext<InventoryDesk | null>(null);

export function useInventoryDesk(): InventoryDesk {
  const value = useContext(InventoryDeskContext);
  if (value === null) throw new Error("useInventoryDesk must be used inside InventoryDeskProvider");
  return value;
}
