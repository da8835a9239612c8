import { createContext, useContext } from "react";
import type { CaseUnitView } from "../bindings";

/**
 * The repair work any view can start: a scan (from the header's field or a scanner typing
 * anywhere), a new case, and showing a case in the Repairs view's panel.
 */
export type RepairDesk = {
  /** The case the Repairs view's panel shows; `null` with the panel closed. */
  readonly shownCase: number | null;
  /**
   * Bumped each time a case is shown from elsewhere (a scan, a new case), so the panel takes
   * the focus on its default step rather than leaving it where the request came from.
   */
  readonly focusRequest: number;
  /** Shows case `id` in the Repairs view, switching to it. */
  showCase: (id: number, options?: { focus?: boolean }) => void;
  closeCase: () => void;
  /** Opens the new-case form, with the unit already found when there is one. */
  newCase: (unit: CaseUnitView | null) => void;
  /** Looks up a scanned serial number or IMEI and shows what it found. */
  scan: (code: string) => void;
};

export const RepairDeskContext = createContext<RepairDesk | null>(null);

export function useRepairDesk(): RepairDesk {
  const value = useContext(RepairDeskContext);
  if (value === null) throw new Error("useRepairDesk must be used inside RepairDeskProvider");
  return value;
}
