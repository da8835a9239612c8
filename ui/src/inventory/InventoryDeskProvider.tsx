import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import type { DeviceFilters } from "../bindings";
import { InventoryDeskContext, type InventoryDesk, type InventoryRequest } from "./inventoryDesk";

type Props = {
  /** Switches to the inventory view, which applies the request. */
  onShowInventory: () => void;
  children: ReactNode;
};

/** Mounted once around every view: holds the latest request to list devices in the inventory. */
export function InventoryDeskProvider({ onShowInventory, children }: Props) {
  const [request, setRequest] = useState<InventoryRequest | null>(null);
  const seq = useRef(0);

  const showDevices = useCallback(
    (filters: Partial<DeviceFilters>, appName: string | null = null) => {
      seq.current += 1;
      setRequest({ filters, appName, seq: seq.current });
      onShowInventory();
    },
    [onShowInventory],
  );

  const desk = useMemo<InventoryDesk>(() => ({ request, showDevices }), [request, showDevices]);
  return <InventoryDeskContext.Provider value={desk}>{children}</InventoryDeskContext.Provider>;
}
