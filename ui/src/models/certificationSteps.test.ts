import { describe, expect, it } from "vitest";
import type { StepOutcome, StepState } from "../bindings";
import { groupByLevel, levelHeading, lockReason, lockText, outcomeOf } from "./certificationSteps";

let nextId = 1;

function step(level: number, code: string, open: boolean, outcome: StepOutcome | null = null): StepState {
  const id = nextId++;
  return {
    step: { id, level, code, title: `Step ${code}`, added_by_organisation: false, added_at: "2026-01-01T00:00:00Z" },
    latest:
      outcome === null
        ? null
        : { step_id: id, outcome, tester: "Kim", at: "2026-11-03T09:00:00Z", note: null, recorded_by: "kim" },
    history: [],
    open,
  };
}

describe("groupByLevel", () => {
  it("groups the steps by level, lowest first, keeping the template's order inside a level", () => {
    const steps = [
      step(1, "1a", true),
      step(2, "2a", false),
      step(1, "1b", true),
      step(3, "3a", false),
      step(1, "1x", true),
    ];
    const groups = groupByLevel(steps);
    expect(groups.map((group) => group.level)).toEqual([1, 2, 3]);
    expect(groups[0]?.steps.map((s) => s.step.code)).toEqual(["1a", "1b", "1x"]);
    expect(groups[1]?.steps.map((s) => s.step.code)).toEqual(["2a"]);
  });

  it("gives nothing for no steps", () => {
    expect(groupByLevel([])).toEqual([]);
  });
});

describe("levelHeading", () => {
  it("names the three levels and numbers any other", () => {
    expect(levelHeading(1)).toEqual({ key: "models.level.1" });
    expect(levelHeading(3)).toEqual({ key: "models.level.3" });
    expect(levelHeading(4)).toEqual({ key: "models.level.other", params: { level: 4 } });
  });
});

describe("lockReason", () => {
  const steps = [
    step(1, "1a", true, "pass"),
    step(1, "1b", true, "fail"),
    step(2, "2a", false),
    step(3, "3a", false),
  ];

  it("is nothing for a step that may be tested", () => {
    expect(lockReason(steps[0]!, steps)).toBeNull();
    expect(lockReason(steps[1]!, steps)).toBeNull();
  });

  it("names the level that must pass first", () => {
    expect(lockReason(steps[2]!, steps)).toEqual({ level: 2, previous: 1 });
    expect(lockReason(steps[3]!, steps)).toEqual({ level: 3, previous: 2 });
    expect(lockText({ level: 2, previous: 1 })).toEqual({
      key: "models.step.locked",
      params: { level: 2, previous: 1 },
    });
  });

  it("skips a level without steps", () => {
    const gap = [step(1, "1a", true), step(3, "3a", false)];
    expect(lockReason(gap[1]!, gap)).toEqual({ level: 3, previous: 1 });
  });

  it("has no level to name when nothing lies below", () => {
    const alone = step(2, "2a", false);
    expect(lockReason(alone, [alone])).toEqual({ level: 2, previous: null });
    expect(lockText({ level: 2, previous: null }).key).toBe("models.step.lockedNoLevel");
  });
});

describe("outcomeOf", () => {
  it("is the latest outcome, or none before the first test", () => {
    expect(outcomeOf(step(1, "1a", true, "not_applicable"))).toBe("not_applicable");
    expect(outcomeOf(step(1, "1a", true))).toBe("none");
  });
});
