import { useEffect } from "react";
import { isTextEntry } from "../shell/navKeys";
import { EMPTY_SCAN, feedScanKey } from "./scanDetection";

/** The scan result's own dialog: a new scan there replaces what it shows. */
const OTHER_DIALOG = 'dialog[open]:not([data-testid="scan-result"])';

/**
 * Listens for a barcode scanner typing anywhere but in a text field and hands each scanned
 * code to `onScan`. Listens in the capture phase, so the scanner's closing Enter is taken
 * before it reaches what has the focus: it would otherwise open a table row or press the
 * focused button (the scan dialog's "record" button among them).
 */
export function useScanListener(onScan: (code: string) => void) {
  useEffect(() => {
    let buffer = EMPTY_SCAN;
    const onKeyDown = (event: KeyboardEvent) => {
      const step = feedScanKey(buffer, {
        key: event.key,
        at: event.timeStamp,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        // A form being filled in is not interrupted by a scan.
        ignored: isTextEntry(document.activeElement) || document.querySelector(OTHER_DIALOG) !== null,
      });
      buffer = step.buffer;
      if (step.scanned === null) return;
      event.preventDefault();
      event.stopPropagation();
      onScan(step.scanned);
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [onScan]);
}
