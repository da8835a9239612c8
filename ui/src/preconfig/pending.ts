/**
 * Ticks on their way to the core. A checkbox shows what the person asked for at once and is
 * disabled until the core has answered; then it keeps showing that until the checklist has
 * been read again, so it does not flick back for the moment in between.
 */
import type { StepDone } from "../bindings";

export type PendingTick = {
  readonly done: boolean;
  /** The call has not answered yet. */
  readonly running: boolean;
  /** The checklist as read when the tick was asked for; a newer read speaks for itself. */
  readonly over: object;
};

export type PendingTicks = ReadonlyMap<string, PendingTick>;

export const NO_PENDING: PendingTicks = new Map();

export function tickKey(purchaseId: number, stepId: number): string {
  return `${purchaseId}:${stepId}`;
}

export type ShownTick = { readonly checked: boolean; readonly busy: boolean };

/** What a step's checkbox shows: the pending tick while it runs or until the checklist is read again. */
export function shownTick(actual: StepDone, pending: PendingTick | undefined, view: object): ShownTick {
  if (pending !== undefined && (pending.running || pending.over === view)) {
    return { checked: pending.done, busy: pending.running };
  }
  return { checked: actual.state !== "open", busy: false };
}

/**
 * `keys` start running towards `done`. Answered ticks made over an older read are dropped on
 * the way: the read they waited for has come.
 */
export function startTicks(pending: PendingTicks, keys: readonly string[], done: boolean, view: object): PendingTicks {
  const next = new Map([...pending].filter(([, tick]) => tick.running || tick.over === view));
  for (const key of keys) next.set(key, { done, running: true, over: view });
  return next;
}

/**
 * The core answered for `keys`. Done: they keep their value until the next read. Refused:
 * they go back to what the checklist says.
 */
export function finishTicks(pending: PendingTicks, keys: readonly string[], succeeded: boolean): PendingTicks {
  const next = new Map(pending);
  for (const key of keys) {
    const tick = next.get(key);
    if (tick === undefined) continue;
    if (succeeded) next.set(key, { ...tick, running: false });
    else next.delete(key);
  }
  return next;
}
