import { describe, expect, it } from "vitest";
import { nextRowIndex } from "./rovingRows";

describe("nextRowIndex", () => {
  it("moves by one, by a page and to either end, staying inside the table", () => {
    expect(nextRowIndex("ArrowDown", 3, 10, 5)).toBe(4);
    expect(nextRowIndex("ArrowUp", 0, 10, 5)).toBe(0);
    expect(nextRowIndex("PageDown", 8, 10, 5)).toBe(9);
    expect(nextRowIndex("PageUp", 3, 10, 5)).toBe(0);
    expect(nextRowIndex("End", 0, 10, 5)).toBe(9);
    expect(nextRowIndex("Home", 7, 10, 5)).toBe(0);
  });

  it("leaves other keys and empty tables alone", () => {
    expect(nextRowIndex("a", 3, 10, 5)).toBeNull();
    expect(nextRowIndex("ArrowDown", 0, 0, 5)).toBeNull();
  });
});
