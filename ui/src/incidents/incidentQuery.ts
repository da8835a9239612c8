/** Which incidents the view lists: the open ones by default, the completed ones, or all. */
import type { IncidentQuery } from "../bindings";

export const INCIDENT_SHOWS = ["open", "completed", "all"] as const;
export type IncidentShow = (typeof INCIDENT_SHOWS)[number];

/** As the repairs list: more than a helpdesk reads at once; the core lists the open ones first. */
export const INCIDENT_WINDOW = 500;

export function incidentQuery(show: IncidentShow, categoryId: number | null): IncidentQuery {
  return {
    open: show === "all" ? null : show === "open",
    category_id: categoryId,
    device_id: null,
    offset: 0,
    limit: INCIDENT_WINDOW,
  };
}
