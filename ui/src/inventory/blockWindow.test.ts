import { describe, expect, it } from "vitest";
import { blocksForRange, blocksToEvict } from "./blockWindow";

describe("blocksForRange", () => {
  it("covers the visible rows with whole blocks", () => {
    expect(blocksForRange({ start: 0, end: 30 }, 50_000, 200)).toEqual([0]);
    expect(blocksForRange({ start: 190, end: 215 }, 50_000, 200)).toEqual([0, 1]);
    expect(blocksForRange({ start: 200, end: 399 }, 50_000, 200)).toEqual([1]);
    expect(blocksForRange({ start: 24_990, end: 25_020 }, 50_000, 200)).toEqual([124, 125]);
  });

  it("stops at the last row", () => {
    expect(blocksForRange({ start: 49_980, end: 50_040 }, 50_000, 200)).toEqual([249]);
    expect(blocksForRange({ start: 0, end: 30 }, 12, 200)).toEqual([0]);
  });

  it("asks for nothing when no rows match", () => {
    expect(blocksForRange({ start: 0, end: 30 }, 0, 200)).toEqual([]);
  });

  it("asks only for the first visible block while the total is unknown", () => {
    expect(blocksForRange({ start: 0, end: 900 }, null, 200)).toEqual([0]);
    expect(blocksForRange({ start: 450, end: 900 }, null, 200)).toEqual([2]);
  });

  it("never fetches all rows of a large fleet for one screen", () => {
    const blocks = blocksForRange({ start: 10_000, end: 10_040 }, 50_000, 200);
    expect(blocks.length * 200).toBeLessThan(1_000);
  });
});

describe("blocksToEvict", () => {
  it("drops nothing while under the limit", () => {
    expect(blocksToEvict([0, 1, 2], [1], 5)).toEqual([]);
  });

  it("drops the blocks farthest from the visible ones first", () => {
    expect(blocksToEvict([0, 1, 2, 10, 11, 12], [11], 4)).toEqual([0, 1]);
    expect(blocksToEvict([0, 1, 2, 10, 11, 12], [1], 4)).toEqual([12, 11]);
  });

  it("never drops a visible block", () => {
    expect(blocksToEvict([3, 4, 5], [3, 4, 5], 1)).toEqual([]);
  });
});
