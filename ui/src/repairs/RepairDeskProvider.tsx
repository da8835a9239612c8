import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import type { CaseUnitView } from "../bindings";
import { ScanDialog } from "../scanner/ScanDialog";
import { useScanListener } from "../scanner/useScanListener";
import { NewCaseDialog } from "./NewCaseDialog";
import { RepairDeskContext, type RepairDesk } from "./repairDesk";

type Props = {
  /** Switches to the Repairs view, where a shown case's panel is. */
  onShowRepairs: () => void;
  children: ReactNode;
};

type Scanned = { readonly code: string; readonly seq: number };
type Creating = { readonly unit: CaseUnitView | null; readonly seq: number };

/**
 * Mounted once around every view: holds the case the Repairs view shows, and the scan and
 * new-case dialogs, which any view (or a scanner typing anywhere) can open.
 */
export function RepairDeskProvider({ onShowRepairs, children }: Props) {
  const [shownCase, setShownCase] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [scanned, setScanned] = useState<Scanned | null>(null);
  const [creating, setCreating] = useState<Creating | null>(null);
  // Each scan or form is a new dialog, even for the same code twice: a second scan of a parcel
  // reads the register again.
  const seq = useRef(0);

  const showCase = useCallback<RepairDesk["showCase"]>(
    (id, options) => {
      setScanned(null);
      setCreating(null);
      setShownCase(id);
      if (options?.focus ?? true) setFocusRequest((n) => n + 1);
      onShowRepairs();
    },
    [onShowRepairs],
  );
  const closeCase = useCallback(() => setShownCase(null), []);
  const newCase = useCallback((unit: CaseUnitView | null) => {
    setScanned(null);
    seq.current += 1;
    setCreating({ unit, seq: seq.current });
  }, []);
  const scan = useCallback((code: string) => {
    const trimmed = code.trim();
    if (trimmed === "") return;
    seq.current += 1;
    setScanned({ code: trimmed, seq: seq.current });
  }, []);

  useScanListener(scan);

  const desk = useMemo<RepairDesk>(
    () => ({ shownCase, focusRequest, showCase, closeCase, newCase, scan }),
    [shownCase, focusRequest, showCase, closeCase, newCase, scan],
  );

  return (
    <RepairDeskContext.Provider value={desk}>
      {children}
      {scanned !== null && <ScanDialog key={scanned.seq} code={scanned.code} onClose={() => setScanned(null)} />}
      {creating !== null && (
        <NewCaseDialog
          key={creating.seq}
          unit={creating.unit}
          onClose={() => setCreating(null)}
          onOpened={(view) => showCase(view.id)}
        />
      )}
    </RepairDeskContext.Provider>
  );
}
