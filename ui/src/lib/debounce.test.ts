import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debounce } from "./debounce";

describe("debounce", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("calls once with the latest arguments after a quiet period", () => {
    const calls: string[] = [];
    const debounced = debounce((text: string) => calls.push(text), 200);
    debounced("a");
    vi.advanceTimersByTime(150);
    debounced("an");
    vi.advanceTimersByTime(150);
    debounced("ann");
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(calls).toEqual(["ann"]);
  });

  it("flush runs a pending call at once, and only once", () => {
    const calls: number[] = [];
    const debounced = debounce((n: number) => calls.push(n), 500);
    debounced(1);
    debounced.flush();
    debounced.flush();
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual([1]);
  });

  it("cancel drops a pending call", () => {
    const calls: number[] = [];
    const debounced = debounce((n: number) => calls.push(n), 100);
    debounced(1);
    debounced.cancel();
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual([]);
  });
});
