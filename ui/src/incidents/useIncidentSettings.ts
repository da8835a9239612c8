import { useCallback } from "react";
import { commands, type AgreementView, type CategoryView } from "../bindings";
import { useCommand, type LoadState } from "../api/useCommand";
import { useSync } from "../sync/syncContext";

/**
 * The incident categories (retired ones too, which old cases still name) and the support
 * agreements, read again when anyone changes the register (a category added in the
 * agreements view shows at once in the new-case form).
 */
export function useCategories(): { state: LoadState<CategoryView[]>; reload: () => void } {
  const { registerChanges } = useSync().state;
  const load = useCallback(() => commands.incidentCategories(), []);
  return useCommand(load, registerChanges);
}

export function useAgreements(): { state: LoadState<AgreementView[]>; reload: () => void } {
  const { registerChanges } = useSync().state;
  const load = useCallback(() => commands.supportAgreements(), []);
  return useCommand(load, registerChanges);
}
