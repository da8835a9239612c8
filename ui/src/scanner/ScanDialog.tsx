import { useCallback, useId, useState } from "react";
import { commands, type ErrorPayload, type RepairCaseView, type RepairEvent, type ScanResult } from "../bindings";
import { call } from "../api/call";
import { useCommand } from "../api/useCommand";
import { Dialog, DialogHeader } from "../components/Dialog";
import { ErrorDetails } from "../components/ErrorDetails";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { CaseStanding } from "../repairs/CaseStanding";
import { eventKey, slaTypeKey } from "../repairs/labels";
import { eventRefusal } from "../repairs/refusals";
import { useRepairDesk } from "../repairs/repairDesk";
import { UnitFacts } from "../repairs/UnitFacts";
import { useSync } from "../sync/syncContext";

type Props = { code: string; onClose: () => void };

/** A step recorded from the dialog, with the case as the core has it afterwards. */
type Recorded = { readonly event: RepairEvent; readonly at: string; readonly view: RepairCaseView };

/**
 * What a scanned serial number or IMEI found, and the one thing to do next as the default
 * button: open a case for a unit without one, or record the case's next step (a parcel
 * received at the workshop, a repaired unit back in the pool) at this moment. Enter does it.
 */
export function ScanDialog({ code, onClose }: Props) {
  const i18n = useI18n();
  const titleId = useId();
  const load = useCallback(() => commands.scan(code), [code]);
  const { state, reload } = useCommand(load);
  const result = state.status === "ok" ? state.data : null;

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog scan-dialog" testId="scan-result">
      <div className="scan-layout" data-status={scanStatus(state.status, result)} data-code={code}>
        <DialogHeader titleId={titleId} title={i18n.t("scan.title", { code })} onClose={onClose} closeTestId="scan-close" />
        {state.status === "loading" && (
          <div className="dialog-body form-body">
            <p className="muted scan-loading">{i18n.t("scan.loading", { code })}</p>
          </div>
        )}
        {state.status === "error" && (
          <div className="dialog-body form-body">
            <InlineError messageKey="scan.error" error={state.error} onRetry={reload} testId="scan-error" />
          </div>
        )}
        {result !== null && <ScanAnswer result={result} onClose={onClose} />}
      </div>
    </Dialog>
  );
}

function scanStatus(status: "loading" | "ok" | "error", result: ScanResult | null): string {
  if (result === null) return status;
  if (result.unit === null) return "not_found";
  return result.case === null ? "unit" : "case";
}

function ScanAnswer({ result, onClose }: { result: ScanResult; onClose: () => void }) {
  const i18n = useI18n();
  const desk = useRepairDesk();
  const { unit } = result;

  if (unit === null) {
    return (
      <>
        <div className="dialog-body form-body">
          <p className="scan-not-found" data-testid="scan-not-found" role="status">
            {i18n.t("scan.notFound", { code: result.scanned })}
          </p>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button-primary" onClick={onClose} autoFocus>
            {i18n.t("dialog.close")}
          </button>
        </div>
      </>
    );
  }

  if (result.case === null) {
    return (
      <>
        <div className="dialog-body form-body">
          <UnitFacts unit={unit} testId="scan-unit" />
          <p className="muted scan-unit-note" data-testid="scan-no-case">
            {i18n.t("scan.noCase")}
          </p>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            {i18n.t("dialog.close")}
          </button>
          <button
            type="button"
            className="button-primary"
            data-testid="scan-open-new-case"
            onClick={() => desk.newCase(unit)}
            autoFocus
          >
            {i18n.t("scan.openNew")}
          </button>
        </div>
      </>
    );
  }

  return <ScanCase result={result} repairCase={result.case} onClose={onClose} />;
}

type CaseProps = { result: ScanResult; repairCase: RepairCaseView; onClose: () => void };

function ScanCase({ result, repairCase, onClose }: CaseProps) {
  const i18n = useI18n();
  const desk = useRepairDesk();
  const { edited } = useSync();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ErrorPayload | null>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const shown = recorded?.view ?? repairCase;
  const suggested = recorded === null ? result.suggested : null;
  const unit = result.unit;
  // The scanned unit is the one lent out (a loaner or a replacement), not the broken one.
  const lent = unit !== null && unit.device_id !== repairCase.unit.device_id;

  const record = (event: RepairEvent) => {
    setSaving(true);
    setFailure(null);
    // No time given: the core records it now, as the button says.
    void call(() => commands.recordRepairEvent(repairCase.id, { event, at: null, note: null, unit_id: null })).then(
      (answer) => {
        setSaving(false);
        if (answer.status === "error") {
          setFailure(answer.error);
          return;
        }
        const latest = answer.data.events.at(-1);
        setRecorded({ event, at: latest?.at ?? new Date().toISOString(), view: answer.data });
        edited();
      },
    );
  };

  const refusal = failure === null ? null : eventRefusal(failure);

  return (
    <>
      <div className="dialog-body form-body">
        {unit !== null && <UnitFacts unit={unit} testId="scan-unit" />}
        <div className="scan-case" data-testid="scan-case" data-case-id={shown.id} data-standing={shown.standing}>
          <p className="scan-case-line">
            <strong>{i18n.t("repairs.panel.title", { id: shown.id })}</strong>
            <span aria-hidden="true"> · </span>
            <span>{i18n.t(slaTypeKey(shown.sla))}</span>
          </p>
          {lent && <p className="muted">{i18n.t("scan.lent", { serial: shown.unit.serial })}</p>}
          <CaseStanding repairCase={shown} testId="scan-standing" />
        </div>
        <div aria-live="polite">
          {recorded !== null && (
            <p className="tone-good scan-recorded" data-testid="scan-recorded" data-event={recorded.event}>
              {i18n.t("scan.recorded", { event: i18n.t(eventKey(recorded.event)), time: i18n.format.dateTime(recorded.at) })}
            </p>
          )}
        </div>
        {failure !== null && (
          <div className="inline-error form-error" role="alert" data-testid="scan-record-error" data-code={failure.code}>
            <span>{i18n.t("scan.recordError", { reason: refusal === null ? i18n.error(failure) : i18n.t(refusal.key) })}</span>
            <ErrorDetails message={failure.message} />
          </div>
        )}
      </div>
      {/* Keyed by whether a step was recorded: the record button goes, and the buttons mount
          afresh so the default one takes the focus again. */}
      <div className="dialog-actions" key={recorded === null ? "before" : "after"}>
        <button type="button" className="button-secondary" onClick={onClose} autoFocus={suggested === null && recorded !== null}>
          {i18n.t("dialog.close")}
        </button>
        <button
          type="button"
          className={suggested === null && recorded === null ? "button-primary" : "button-secondary"}
          data-testid="scan-show-case"
          onClick={() => desk.showCase(shown.id)}
          autoFocus={suggested === null && recorded === null}
        >
          {i18n.t("scan.showCase")}
        </button>
        {suggested !== null && (
          <button
            type="button"
            className="button-primary"
            data-testid="scan-record"
            data-event={suggested}
            disabled={saving}
            aria-busy={saving}
            onClick={() => record(suggested)}
            autoFocus
          >
            {i18n.t("scan.record", { event: i18n.t(eventKey(suggested)) })}
          </button>
        )}
      </div>
    </>
  );
}
