import { useState } from "react";
import { commands, type CaseUnitView, type ErrorPayload } from "../bindings";
import { call } from "../api/call";
import { useI18n } from "../i18n/I18nContext";
import { useRepairDesk } from "./repairDesk";
import { UnitFacts } from "./UnitFacts";

/** Where finding the unit has got to. */
export type Lookup =
  | { readonly status: "idle" }
  | { readonly status: "busy" }
  | { readonly status: "found"; readonly openCase: number | null }
  | { readonly status: "not_found"; readonly code: string }
  | { readonly status: "error"; readonly error: ErrorPayload };

type Props = {
  /** The code field's id, which the form's first problem focuses. */
  id: string;
  initialCode: string;
  unit: CaseUnitView | null;
  lookup: Lookup;
  onLookup: (lookup: Lookup) => void;
  onFound: (unit: CaseUnitView | null) => void;
  /** A problem of the form's (no unit found yet) or the core's refusal of the unit. */
  problem: string | null;
  autoFocus: boolean;
};

/**
 * Finds the unit of a new case by its serial number or IMEI, as the scanner reads it: a scan
 * (or Enter) looks it up and shows its model and user, so the coordinator sees it is the right
 * one; a unit that already has an open case says so, with a way to that case.
 */
export function UnitLookup({ id, initialCode, unit, lookup, onLookup, onFound, problem, autoFocus }: Props) {
  const i18n = useI18n();
  const desk = useRepairDesk();
  const [code, setCode] = useState(initialCode);

  const find = () => {
    const scanned = code.trim();
    if (scanned === "" || lookup.status === "busy") return;
    onLookup({ status: "busy" });
    void call(() => commands.scan(scanned)).then((result) => {
      if (result.status === "error") {
        onLookup({ status: "error", error: result.error });
        onFound(null);
        return;
      }
      const found = result.data.unit;
      onLookup(found === null ? { status: "not_found", code: scanned } : { status: "found", openCase: result.data.case?.id ?? null });
      onFound(found);
    });
  };

  const status = lookupText(lookup, i18n.t);
  const openCase = lookup.status === "found" ? lookup.openCase : null;
  const shownProblem = problem ?? status.problem;
  return (
    <div className="form-field wide unit-lookup">
      <label className="field-label" htmlFor={id}>
        {i18n.t("repairs.new.unit")}
      </label>
      <div className="unit-lookup-row">
        <input
          id={id}
          type="text"
          data-testid="case-unit-code"
          data-autofocus={autoFocus || undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          aria-invalid={shownProblem !== null || undefined}
          aria-describedby={`${id}-problem ${id}-hint`}
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
            // Another code is another unit: the one found no longer answers to it.
            if (unit !== null || lookup.status !== "idle") {
              onFound(null);
              onLookup({ status: "idle" });
            }
          }}
          onKeyDown={(event) => {
            // A scanner ends with Enter: that finds the unit rather than sending the form.
            if (event.key === "Enter") {
              event.preventDefault();
              find();
            }
          }}
        />
        <button
          type="button"
          className="button-secondary"
          data-testid="case-unit-find"
          disabled={lookup.status === "busy"}
          aria-busy={lookup.status === "busy"}
          onClick={find}
        >
          {i18n.t(lookup.status === "busy" ? "repairs.new.finding" : "repairs.new.find")}
        </button>
      </div>
      <span id={`${id}-hint`} className="field-hint">
        {i18n.t("repairs.new.unitHint")}
      </span>
      <span id={`${id}-problem`} className="field-problem" data-testid="field-problem" role={shownProblem ? "alert" : undefined}>
        {shownProblem}
      </span>
      {unit !== null && <UnitFacts unit={unit} testId="case-unit" />}
      {openCase !== null && (
        <div className="form-notice" data-testid="case-unit-open-case">
          <p>{i18n.t("repairs.new.unitCase", { id: openCase })}</p>
          <button type="button" className="button-secondary" onClick={() => desk.showCase(openCase)}>
            {i18n.t("scan.showCase")}
          </button>
        </div>
      )}
    </div>
  );
}

function lookupText(lookup: Lookup, t: ReturnType<typeof useI18n>["t"]): { problem: string | null } {
  switch (lookup.status) {
    case "not_found":
      return { problem: t("repairs.new.notFound", { code: lookup.code }) };
    case "error":
      return { problem: t("repairs.new.lookupError") };
    case "idle":
    case "busy":
    case "found":
      return { problem: null };
  }
}
