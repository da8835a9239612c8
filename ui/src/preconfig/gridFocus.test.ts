import { describe, expect, it } from "vitest";
import { focusLost, nextGridCell } from "./gridFocus";

// 5 units, the row itself and 3 steps.
const rows = 5;
const cols = 4;

describe("nextGridCell", () => {
  it("moves up and down between units, staying on the same step", () => {
    expect(nextGridCell("ArrowDown", { row: 1, col: 2 }, rows, cols, 10)).toEqual({ row: 2, col: 2 });
    expect(nextGridCell("ArrowUp", { row: 0, col: 3 }, rows, cols, 10)).toEqual({ row: 0, col: 3 });
    expect(nextGridCell("End", { row: 1, col: 1 }, rows, cols, 10)).toEqual({ row: 4, col: 1 });
    expect(nextGridCell("PageUp", { row: 4, col: 2 }, rows, cols, 2)).toEqual({ row: 2, col: 2 });
  });

  it("moves left and right between the row and its steps, without leaving it", () => {
    expect(nextGridCell("ArrowRight", { row: 2, col: 0 }, rows, cols, 10)).toEqual({ row: 2, col: 1 });
    expect(nextGridCell("ArrowRight", { row: 2, col: 3 }, rows, cols, 10)).toEqual({ row: 2, col: 3 });
    expect(nextGridCell("ArrowLeft", { row: 2, col: 1 }, rows, cols, 10)).toEqual({ row: 2, col: 0 });
    expect(nextGridCell("ArrowLeft", { row: 2, col: 0 }, rows, cols, 10)).toEqual({ row: 2, col: 0 });
  });

  it("leaves Space, Tab and other keys to the focused element", () => {
    expect(nextGridCell(" ", { row: 1, col: 1 }, rows, cols, 10)).toBeNull();
    expect(nextGridCell("Tab", { row: 1, col: 1 }, rows, cols, 10)).toBeNull();
    expect(nextGridCell("Enter", { row: 1, col: 0 }, rows, cols, 10)).toBeNull();
  });

  it("keeps a column that a smaller checklist no longer has inside the table", () => {
    expect(nextGridCell("ArrowDown", { row: 0, col: 6 }, rows, cols, 10)).toEqual({ row: 1, col: 3 });
  });

  it("does nothing in an empty table", () => {
    expect(nextGridCell("ArrowDown", { row: 0, col: 0 }, 0, cols, 10)).toBeNull();
  });
});

describe("focusLost", () => {
  const body = { isConnected: true, matches: () => false };
  const element = (isConnected: boolean, disabled: boolean) => ({
    isConnected,
    matches: (selector: string) => selector === ":disabled" && disabled,
  });

  it("is lost on the page itself or nowhere", () => {
    expect(focusLost(null, body)).toBe(true);
    expect(focusLost(body, body)).toBe(true);
  });

  it("is lost on an element that was removed or disabled", () => {
    expect(focusLost(element(false, false), body)).toBe(true);
    expect(focusLost(element(true, true), body)).toBe(true);
  });

  it("is not lost on an element a person can use", () => {
    expect(focusLost(element(true, false), body)).toBe(false);
  });
});
