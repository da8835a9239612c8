/** Which cases the Repairs view lists: the open ones by default, the closed ones, or all. */
import type { RepairCaseQuery, SlaType } from "../bindings";

export const CASE_SHOWS = ["open", "closed", "all"] as const;
export type CaseShow = (typeof CASE_SHOWS)[number];

/** More than a coordinator reads at once; the core sorts the urgent ones first. */
export const CASE_WINDOW = 500;

export function caseQuery(show: CaseShow, sla: SlaType | null): RepairCaseQuery {
  return {
    open: show === "all" ? null : show === "open",
    sla,
    device_id: null,
    offset: 0,
    limit: CASE_WINDOW,
  };
}
