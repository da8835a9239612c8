import { describe, expect, it } from "vitest";
import { EMPTY_SCAN, feedScanKey, type ScanBuffer, type ScanKey } from "./scanDetection";

const press = (key: string, at: number, options: Partial<ScanKey> = {}): ScanKey => ({
  key,
  at,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ignored: false,
  ...options,
});

/** Feeds `keys`, each `gap` ms after the one before, and answers every code scanned. */
function feed(keys: readonly (string | ScanKey)[], gap: number, start: ScanBuffer = EMPTY_SCAN) {
  let buffer = start;
  const scanned: string[] = [];
  keys.forEach((key, index) => {
    const step = feedScanKey(buffer, typeof key === "string" ? press(key, 1000 + index * gap) : key);
    buffer = step.buffer;
    if (step.scanned !== null) scanned.push(step.scanned);
  });
  return { buffer, scanned };
}

const typed = (text: string) => [...text];

describe("feedScanKey", () => {
  it("takes characters arriving within 50 ms and ending in Enter as a scan", () => {
    expect(feed([...typed("F2LXK0ABHG7F"), "Enter"], 8).scanned).toEqual(["F2LXK0ABHG7F"]);
    expect(feed([...typed("356938035643809"), "Enter"], 49).scanned).toEqual(["356938035643809"]);
  });

  it("leaves a person's typing alone", () => {
    expect(feed([...typed("F2LXK0ABHG7F"), "Enter"], 120).scanned).toEqual([]);
    expect(feed([...typed("F2LX"), "Enter"], 50).scanned, "50 ms apart is already a person").toEqual([]);
  });

  it("starts over after a pause, so only the fast run counts", () => {
    const keys = [press("x", 0), press("A", 500), press("B", 510), press("C", 520), press("D", 530), press("Enter", 540)];
    expect(feed(keys, 0).scanned).toEqual(["ABCD"]);
  });

  it("needs an Enter soon after the last character", () => {
    const keys = [press("A", 0), press("B", 5), press("C", 10), press("D", 15), press("Enter", 300)];
    expect(feed(keys, 0).scanned).toEqual([]);
  });

  it("ignores bursts too short to be a serial number", () => {
    expect(feed([...typed("abc"), "Enter"], 5).scanned).toEqual([]);
    expect(feed(["Enter"], 5).scanned).toEqual([]);
  });

  it("lets Shift pass, as scanners press it for capitals", () => {
    const keys = [press("Shift", 0), press("A", 3), press("Shift", 6), press("B", 9), press("1", 12), press("2", 15), press("Enter", 18)];
    expect(feed(keys, 0).scanned).toEqual(["AB12"]);
  });

  it("starts over on keys meant for a field, on shortcuts and on other keys", () => {
    const inField = [...typed("F2LX").map((key, i) => press(key, i * 5, { ignored: i === 2 })), press("Enter", 20)];
    expect(feed(inField, 0).scanned).toEqual([]);
    const shortcut = [press("a", 0), press("b", 5), press("c", 10, { ctrlKey: true }), press("d", 15), press("Enter", 20)];
    expect(feed(shortcut, 0).scanned).toEqual([]);
    expect(feed([...typed("F2LX"), "Tab", ...typed("K0AB"), "Enter"], 5).scanned).toEqual(["K0AB"]);
  });

  it("is empty again after a scan", () => {
    const { buffer, scanned } = feed([...typed("F2LXK0"), "Enter"], 5);
    expect(scanned).toEqual(["F2LXK0"]);
    expect(buffer).toEqual(EMPTY_SCAN);
  });
});
