import { useCallback } from "react";
import { commands, type PoolUnitView } from "../bindings";
import { call, type CommandResult } from "../api/call";
import { useCommand } from "../api/useCommand";
import { useSync } from "../sync/syncContext";

export type PoolChoices = {
  /** The model's available units, the one the core would send first. */
  readonly ofModel: readonly PoolUnitView[];
  /** Every available unit, for a stand-in of another model. */
  readonly all: readonly PoolUnitView[];
};

/** The pool units a replacement or loaner of this model can be; read again after every change. */
export function usePoolChoices(manufacturer: string, model: string, refresh: number) {
  const { state: syncState } = useSync();
  const load = useCallback(async (): Promise<CommandResult<PoolChoices>> => {
    const [ofModel, all] = await Promise.all([
      call(() => commands.availablePoolUnits(manufacturer, model)),
      call(() => commands.availablePoolUnits(null, null)),
    ]);
    if (ofModel.status === "error") return ofModel;
    if (all.status === "error") return all;
    return { status: "ok", data: { ofModel: ofModel.data, all: all.data } };
  }, [manufacturer, model]);
  return useCommand(load, syncState.registerChanges + refresh);
}
