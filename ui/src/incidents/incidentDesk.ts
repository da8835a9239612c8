import { createContext, useContext } from "react";
import type { IncidentDeviceView } from "../bindings";

/**
 * The incident work any view can start, as the repair desk does for repairs: logging a new
 * case (from the Incidents view, or a unit's panel in the inventory) and showing a case in the
 * Incidents view's panel.
 */
export type IncidentDesk = {
  /** The case the Incidents view's panel shows; `null` with the panel closed. */
  readonly shownIncident: number | null;
  /** Bumped each time a case is shown from elsewhere, so the panel takes the focus. */
  readonly focusRequest: number;
  /** Shows case `id` in the Incidents view, switching to it. */
  showIncident: (id: number) => void;
  closeIncident: () => void;
  /** Opens the new-case form, with the unit filled in when there is one. */
  logIncident: (device: IncidentDeviceView | null) => void;
};

export const IncidentDeskContext = createContext<IncidentDesk | null>(null);

export function useIncidentDesk(): IncidentDesk {
  const value = useContext(IncidentDeskContext);
  if (value === null) throw new Error("useIncidentDesk must be used inside IncidentDeskProvider");
  return value;
}
