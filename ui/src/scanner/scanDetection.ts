/**
 * Telling a barcode scanner from a person. A scanner in keyboard mode types the serial
 * number or IMEI much faster than anyone types, then presses Enter; so characters that
 * arrive less than `MAX_GAP_MS` apart and end in Enter count as a scan. Only while the focus
 * is not in a field that takes typing: there the characters are the field's (the header's
 * scan field reads its own Enter).
 */

/** People rarely type two keys within 50 ms; scanners send a character every few ms. */
export const MAX_GAP_MS = 50;
/** Shorter bursts are fast fingers (or a shortcut), not a serial number or IMEI. */
export const MIN_SCAN_LENGTH = 4;

export type ScanBuffer = {
  readonly chars: string;
  /** When the last character arrived (the key event's time stamp, in ms). */
  readonly lastAt: number | null;
};

export const EMPTY_SCAN: ScanBuffer = { chars: "", lastAt: null };

export type ScanKey = {
  readonly key: string;
  /** The key event's time stamp, in ms. */
  readonly at: number;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /**
   * The key goes somewhere that takes typing (a text field, a select) or that a scan must
   * not interrupt (another dialog): it starts over.
   */
  readonly ignored: boolean;
};

export type ScanStep = {
  readonly buffer: ScanBuffer;
  /** The scanned code, on the Enter that ends a scan; else `null`. */
  readonly scanned: string | null;
};

/** Keys a scanner sends around its characters that neither add to a scan nor end one. */
const PASSING_KEYS = new Set(["Shift", "CapsLock"]);

/** The buffer after one key press, and the code when that press ended a scan. */
export function feedScanKey(buffer: ScanBuffer, press: ScanKey): ScanStep {
  if (press.ignored || press.ctrlKey || press.altKey || press.metaKey) return { buffer: EMPTY_SCAN, scanned: null };
  // Scanners press Shift for capitals; that press is no gap and no character.
  if (PASSING_KEYS.has(press.key)) return { buffer, scanned: null };
  const quick = buffer.lastAt !== null && press.at - buffer.lastAt < MAX_GAP_MS;
  if (press.key === "Enter") {
    const scanned = quick && buffer.chars.length >= MIN_SCAN_LENGTH ? buffer.chars : null;
    return { buffer: EMPTY_SCAN, scanned };
  }
  // A printable character: quick ones add to the scan, a slow one starts a new one.
  if ([...press.key].length === 1) {
    return { buffer: { chars: quick ? buffer.chars + press.key : press.key, lastAt: press.at }, scanned: null };
  }
  // Any other key (Tab, an arrow, Escape) is a person's.
  return { buffer: EMPTY_SCAN, scanned: null };
}
