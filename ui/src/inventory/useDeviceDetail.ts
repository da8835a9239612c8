import { useCallback } from "react";
import { commands, type DeviceDetail } from "../bindings";
import { type LoadState, useCommand } from "../api/useCommand";
import { useSync } from "../sync/syncContext";

export type DetailState = LoadState<DeviceDetail>;

/**
 * Detail of one device, read again when a sync finishes (a sync may have changed its fields,
 * as the history and apps beside it show). A slow answer for a previously opened device is
 * never shown for the current one: `useCommand` keeps each result with the load it answers.
 */
export function useDeviceDetail(id: number): { state: DetailState; reload: () => void } {
  const { registerChanges } = useSync().state;
  const load = useCallback(() => commands.deviceDetail(id), [id]);
  return useCommand(load, registerChanges);
}
