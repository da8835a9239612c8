import { describe, expect, it } from "vitest";
import type { StepDone } from "../bindings";
import { finishTicks, NO_PENDING, shownTick, startTicks, tickKey } from "./pending";

const open: StepDone = { state: "open" };
const ticked: StepDone = { state: "ticked", at: "2026-11-04T10:00:00Z", actor: "anna" };

describe("pending ticks", () => {
  const read = {};
  const reread = {};
  const key = tickKey(7, 2);

  it("show the asked-for value, disabled, while the core has not answered", () => {
    const pending = startTicks(NO_PENDING, [key], true, read);
    expect(shownTick(open, pending.get(key), read)).toEqual({ checked: true, busy: true });
    // A read arriving meanwhile (a sync) does not undo what the person just did.
    expect(shownTick(open, pending.get(key), reread)).toEqual({ checked: true, busy: true });
  });

  it("keep a saved value until the checklist is read again, then show what the core says", () => {
    const saved = finishTicks(startTicks(NO_PENDING, [key], false, read), [key], true);
    expect(shownTick(ticked, saved.get(key), read)).toEqual({ checked: false, busy: false });
    expect(shownTick(ticked, saved.get(key), reread)).toEqual({ checked: true, busy: false });
  });

  it("go back to the checklist's value when the core refuses", () => {
    const refused = finishTicks(startTicks(NO_PENDING, [key], true, read), [key], false);
    expect(refused.has(key)).toBe(false);
    expect(shownTick(open, refused.get(key), read)).toEqual({ checked: false, busy: false });
  });

  it("drop saved values of older reads when the next tick starts, and keep running ones", () => {
    const other = tickKey(8, 2);
    const running = tickKey(9, 2);
    let pending = finishTicks(startTicks(NO_PENDING, [key], true, read), [key], true);
    pending = startTicks(pending, [running], true, read);
    pending = startTicks(pending, [other], true, reread);
    expect([...pending.keys()].sort()).toEqual([other, running].sort());
  });

  it("mark every unit of a whole-delivery tick", () => {
    const keys = [tickKey(1, 4), tickKey(2, 4), tickKey(3, 4)];
    const pending = startTicks(NO_PENDING, keys, true, read);
    expect(keys.map((k) => shownTick(open, pending.get(k), read).busy)).toEqual([true, true, true]);
    const done = finishTicks(pending, keys, true);
    expect(keys.map((k) => shownTick(open, done.get(k), read))).toEqual(
      keys.map(() => ({ checked: true, busy: false })),
    );
  });
});
