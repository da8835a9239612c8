import { describe, expect, it } from "vitest";
import { ariaShortcut, isTextEntry, nextNavIndex, shortcutIndex, shortcutLabel } from "./navKeys";

const press = (key: string, code: string, modifiers: Partial<Record<"ctrlKey" | "altKey" | "shiftKey" | "metaKey", boolean>> = {}) => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...modifiers,
});

describe("nextNavIndex", () => {
  it("moves one item up or down and jumps to either end, staying inside the list", () => {
    expect(nextNavIndex("ArrowDown", 0, 3)).toBe(1);
    expect(nextNavIndex("ArrowUp", 2, 3)).toBe(1);
    expect(nextNavIndex("ArrowDown", 2, 3)).toBe(2);
    expect(nextNavIndex("ArrowUp", 0, 3)).toBe(0);
    expect(nextNavIndex("Home", 2, 3)).toBe(0);
    expect(nextNavIndex("End", 0, 3)).toBe(2);
  });

  it("leaves other keys (Tab, Enter, letters, sideways arrows) and an empty list alone", () => {
    for (const key of ["Tab", "Enter", " ", "a", "ArrowLeft", "ArrowRight", "PageDown"]) {
      expect(nextNavIndex(key, 1, 3), key).toBeNull();
    }
    expect(nextNavIndex("ArrowDown", 0, 0)).toBeNull();
  });
});

describe("shortcutIndex", () => {
  it("opens the n-th view with Ctrl+n", () => {
    expect(shortcutIndex(press("1", "Digit1", { ctrlKey: true }), 3)).toBe(0);
    expect(shortcutIndex(press("3", "Digit3", { ctrlKey: true }), 3)).toBe(2);
    expect(shortcutIndex(press("9", "Digit9", { ctrlKey: true }), 12)).toBe(8);
  });

  it("ignores a number past the last view, and Ctrl+0", () => {
    expect(shortcutIndex(press("4", "Digit4", { ctrlKey: true }), 3)).toBeNull();
    expect(shortcutIndex(press("0", "Digit0", { ctrlKey: true }), 12)).toBeNull();
  });

  it("needs Ctrl alone: no plain digits, no AltGr (Ctrl+Alt), Shift or Meta", () => {
    expect(shortcutIndex(press("1", "Digit1"), 3)).toBeNull();
    expect(shortcutIndex(press("1", "Digit1", { ctrlKey: true, altKey: true }), 3)).toBeNull();
    expect(shortcutIndex(press("!", "Digit1", { ctrlKey: true, shiftKey: true }), 3)).toBeNull();
    expect(shortcutIndex(press("1", "Digit1", { ctrlKey: true, metaKey: true }), 3)).toBeNull();
    expect(shortcutIndex(press("a", "KeyA", { ctrlKey: true }), 3)).toBeNull();
  });

  it("goes by the key's place in the number row on layouts that type other characters there", () => {
    // French AZERTY: the "1" key types "&" without Shift.
    expect(shortcutIndex(press("&", "Digit1", { ctrlKey: true }), 3)).toBe(0);
  });

  it("takes the numeric keypad's digits too", () => {
    expect(shortcutIndex(press("2", "Numpad2", { ctrlKey: true }), 3)).toBe(1);
    // Num Lock off: the key is End, not a digit.
    expect(shortcutIndex(press("End", "Numpad1", { ctrlKey: true }), 3)).toBeNull();
  });
});

describe("shortcut labels", () => {
  it("name Ctrl+1 … Ctrl+9 for the first nine items and nothing after", () => {
    expect(shortcutLabel(0)).toBe("Ctrl+1");
    expect(shortcutLabel(8)).toBe("Ctrl+9");
    expect(shortcutLabel(9)).toBeNull();
    expect(ariaShortcut(2)).toBe("Control+3");
    expect(ariaShortcut(9)).toBeNull();
  });
});

describe("isTextEntry", () => {
  it("keeps the shortcuts out of text fields, text areas, selects and editable text", () => {
    expect(isTextEntry({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTextEntry({ tagName: "INPUT", type: "search" })).toBe(true);
    expect(isTextEntry({ tagName: "INPUT", type: "password" })).toBe(true);
    expect(isTextEntry({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTextEntry({ tagName: "SELECT" })).toBe(true);
    expect(isTextEntry({ tagName: "DIV", isContentEditable: true })).toBe(true);
  });

  it("lets them work from buttons, check boxes, table rows and nothing focused", () => {
    expect(isTextEntry({ tagName: "BUTTON" })).toBe(false);
    expect(isTextEntry({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTextEntry({ tagName: "TR", isContentEditable: false })).toBe(false);
    expect(isTextEntry({ tagName: "BODY" })).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
