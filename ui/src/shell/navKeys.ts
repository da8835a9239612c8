/** Where ArrowUp, ArrowDown, Home and End move the focus in a list of `count` items; null for other keys. */
export function nextNavIndex(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  const targets: Partial<Record<string, number>> = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    Home: 0,
    End: count - 1,
  };
  const target = targets[key];
  return target === undefined ? null : Math.max(0, Math.min(target, count - 1));
}

/** How many views have a shortcut: Ctrl+1 … Ctrl+9. */
export const SHORTCUT_COUNT = 9;

type KeyPress = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "altKey" | "shiftKey" | "metaKey">;

/**
 * The index Ctrl+1 … Ctrl+9 opens among `count` views, or null. The number row counts by
 * position, so it works on layouts whose number row types other characters without Shift
 * (French, Czech). Ctrl+Alt is AltGr on Windows and types characters, so it is left alone.
 */
export function shortcutIndex(press: KeyPress, count: number): number | null {
  if (!press.ctrlKey || press.altKey || press.shiftKey || press.metaKey) return null;
  const digit = /^Digit([1-9])$/.exec(press.code)?.[1] ?? /^[1-9]$/.exec(press.key)?.[0];
  if (digit === undefined) return null;
  const index = Number(digit) - 1;
  return index < count ? index : null;
}

/** The shortcut for the item at `index`, as shown in its tooltip ("Ctrl+3"); null past the ninth. */
export function shortcutLabel(index: number): string | null {
  return index >= 0 && index < SHORTCUT_COUNT ? `Ctrl+${index + 1}` : null;
}

/** The same shortcut in the form of `aria-keyshortcuts` ("Control+3"). */
export function ariaShortcut(index: number): string | null {
  return index >= 0 && index < SHORTCUT_COUNT ? `Control+${index + 1}` : null;
}

const NON_TEXT_INPUTS = new Set(["button", "checkbox", "color", "file", "image", "radio", "range", "reset", "submit"]);

type FocusedElement = { readonly tagName: string; readonly type?: unknown; readonly isContentEditable?: boolean };

/** Whether the focused element takes typing, so that shortcuts keep out of its way. */
export function isTextEntry(element: FocusedElement | null): boolean {
  if (element === null) return false;
  if (element.isContentEditable === true) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && !NON_TEXT_INPUTS.has(String(element.type).toLowerCase());
}
