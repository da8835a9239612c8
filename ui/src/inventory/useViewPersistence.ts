import { useEffect, useRef, useState } from "react";
import { commands, type ErrorPayload, type InventoryView } from "../bindings";
import { call } from "../api/call";
import { debounce } from "../lib/debounce";
import { viewKey } from "./viewState";

/** Typing a search should cause one write, not one per keystroke. */
const SAVE_DEBOUNCE_MS = 500;

/**
 * Saves every change of the inventory view so it survives a restart. Returns the
 * last save error, cleared by the next successful save.
 */
export function useViewPersistence(view: InventoryView): ErrorPayload | null {
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [save] = useState(() =>
    debounce((next: InventoryView) => {
      void call(() => commands.setInventoryView(next)).then((result) => {
        setError(result.status === "error" ? result.error : null);
      });
    }, SAVE_DEBOUNCE_MS),
  );
  // Starts as the view loaded from settings, which needs no saving.
  const lastKey = useRef(viewKey(view));

  useEffect(() => {
    const key = viewKey(view);
    if (key === lastKey.current) return;
    lastKey.current = key;
    save(view);
  }, [view, save]);

  // A change made just before the window closes is written rather than dropped.
  useEffect(() => {
    const flush = () => save.flush();
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [save]);

  return error;
}
