import { describe, expect, it } from "vitest";
import type { Milestone } from "../bindings";
import { milestoneState, milestoneTone } from "./milestones";

const due = (met_at: string | null): Milestone => ({
  event: "replacement_shipped",
  due_day: "2026-03-02",
  due_at: "2026-03-02T22:59:59Z",
  met_at,
});

describe("milestoneState", () => {
  it("is met when kept before its due time, and late when kept at or after it", () => {
    expect(milestoneState(due("2026-03-02T10:00:00Z"), new Date("2026-03-05T00:00:00Z"))).toBe("met");
    expect(milestoneState(due("2026-03-02T22:59:59Z"), new Date("2026-03-05T00:00:00Z"))).toBe("met_late");
    expect(milestoneState(due("2026-03-03T08:00:00Z"), new Date("2026-03-05T00:00:00Z"))).toBe("met_late");
  });

  it("is pending until the due time passes unkept, then overdue", () => {
    expect(milestoneState(due(null), new Date("2026-03-02T20:00:00Z"))).toBe("pending");
    expect(milestoneState(due(null), new Date("2026-03-02T23:00:00Z"))).toBe("overdue");
  });
});

describe("milestoneTone", () => {
  it("marks broken promises as bad", () => {
    expect(milestoneTone("met")).toBe("good");
    expect(milestoneTone("met_late")).toBe("bad");
    expect(milestoneTone("overdue")).toBe("bad");
    expect(milestoneTone("pending")).toBe("muted");
  });
});
