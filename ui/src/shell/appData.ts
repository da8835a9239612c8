import { createContext, useContext } from "react";
import type { AppStatus, ErrorPayload, FleetSummary, InventoryView } from "../bindings";

export type SummaryState =
  | { readonly status: "loading" }
  | { readonly status: "ok"; readonly data: FleetSummary }
  | { readonly status: "error"; readonly error: ErrorPayload };

/** What the shell has loaded at startup and shares with every view. */
export type AppData = {
  readonly status: AppStatus;
  readonly summary: SummaryState;
  reloadSummary: () => void;
  /** The view saved in settings, applied once when the inventory mounts. */
  readonly initialInventoryView: InventoryView;
  /** Called by the inventory once its first page is on screen (successfully or not). */
  onInventoryFirstPage: (success: boolean) => void;
  /**
   * The organisation's warranty notice period: days before its end that a warranty counts as
   * expiring. The core counts and filters by it; the UI words labels and tints dates with it.
   */
  readonly expiringWithinDays: number;
  /** Records a notice period the core has just saved. */
  onExpiringWithinDaysSaved: (days: number) => void;
};

export const AppDataContext = createContext<AppData | null>(null);

export function useAppData(): AppData {
  const value = useContext(AppDataContext);
  if (value === null) throw new Error("useAppData must be used inside AppDataContext");
  return value;
}
