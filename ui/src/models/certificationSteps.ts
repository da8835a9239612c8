/**
 * A model's certification steps as the panel shows them: grouped by level, and why a step
 * that may not be tested yet is locked.
 */
import type { StepState } from "../bindings";
import type { MessageKey, Params } from "../i18n/dictionary";

export type LevelGroup = { readonly level: number; readonly steps: readonly StepState[] };

/** The steps by level, lowest level first, each level's steps in the template's order. */
export function groupByLevel(steps: readonly StepState[]): readonly LevelGroup[] {
  const byLevel = new Map<number, StepState[]>();
  for (const state of steps) {
    const group = byLevel.get(state.step.level);
    if (group === undefined) byLevel.set(state.step.level, [state]);
    else group.push(state);
  }
  return [...byLevel.entries()].sort(([a], [b]) => a - b).map(([level, grouped]) => ({ level, steps: grouped }));
}

/** The heading of a level: the three levels of the guidance by name, any other by number. */
export function levelHeading(level: number): { key: MessageKey; params?: Params } {
  switch (level) {
    case 1:
      return { key: "models.level.1" };
    case 2:
      return { key: "models.level.2" };
    case 3:
      return { key: "models.level.3" };
    default:
      return { key: "models.level.other", params: { level } };
  }
}

export type LockReason = {
  readonly level: number;
  /** The level that must pass first; `null` when no level below has steps. */
  readonly previous: number | null;
};

/**
 * Why a step cannot be tested now, or `null` when it can. A level opens only when every
 * step of the level before it has passed (or does not apply), so the reason names that level.
 */
export function lockReason(step: StepState, all: readonly StepState[]): LockReason | null {
  if (step.open) return null;
  const level = step.step.level;
  const below = all.map((state) => state.step.level).filter((other) => other < level);
  return { level, previous: below.length === 0 ? null : Math.max(...below) };
}

export function lockText(reason: LockReason): { key: MessageKey; params: Params } {
  return reason.previous === null
    ? { key: "models.step.lockedNoLevel", params: { level: reason.level } }
    : { key: "models.step.locked", params: { level: reason.level, previous: reason.previous } };
}

/** `data-outcome` of a step: its latest outcome, or `none` before its first test. */
export function outcomeOf(step: StepState): string {
  return step.latest?.outcome ?? "none";
}
