import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "../i18n/I18nContext";
import { useRepairDesk } from "../repairs/repairDesk";

/** The key that puts the focus in the scan field, from anywhere but a dialog. */
export const SCAN_FIELD_KEY = "F2";

/**
 * The header's scan field: a scanner (or a person) types a serial number or IMEI and Enter,
 * and the scan dialog shows what it found. F2 comes here from anywhere, so a scan never
 * lands in whatever field happened to have the focus.
 */
export function ScanField() {
  const i18n = useI18n();
  const desk = useRepairDesk();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState("");

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== SCAN_FIELD_KEY || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      // Behind a modal dialog the field is inert; the dialog keeps its keys.
      if (document.querySelector("dialog[open]") !== null) return;
      event.preventDefault();
      field.current?.focus();
      field.current?.select();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  const label = i18n.t("scan.label");
  return (
    <form
      className="scan-field"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const scanned = code.trim();
        if (scanned === "") return;
        desk.scan(scanned);
        // Empty again for the next parcel; the dialog names what was scanned.
        setCode("");
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        ref={field}
        id={id}
        type="search"
        data-testid="scan-input"
        value={code}
        placeholder={i18n.t("scan.placeholder", { key: SCAN_FIELD_KEY })}
        title={`${label} (${SCAN_FIELD_KEY})`}
        aria-keyshortcuts={SCAN_FIELD_KEY}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setCode(event.target.value)}
      />
    </form>
  );
}
