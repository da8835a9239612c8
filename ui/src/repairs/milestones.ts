/** Where each promise of a case's SLA clock stands: kept, kept late, still to come, or overdue. */
import type { Milestone } from "../bindings";

export type MilestoneState = "met" | "met_late" | "pending" | "overdue";

/**
 * A promise is due by the end of its due day (`due_at`), as the core counts it: met at or
 * after that instant is late, and an unmet one is overdue once `now` has passed it.
 */
export function milestoneState(milestone: Milestone, now: Date): MilestoneState {
  const due = Date.parse(milestone.due_at);
  if (milestone.met_at !== null) return Date.parse(milestone.met_at) >= due ? "met_late" : "met";
  return now.getTime() >= due ? "overdue" : "pending";
}

/** The badge colour of a promise's state; its text says the same. */
export function milestoneTone(state: MilestoneState): "good" | "bad" | "muted" {
  switch (state) {
    case "met":
      return "good";
    case "met_late":
    case "overdue":
      return "bad";
    case "pending":
      return "muted";
  }
}
