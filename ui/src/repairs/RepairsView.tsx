import { useCallback, useId, useRef, useState } from "react";
import { commands, type RepairCaseView, type SlaType } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { TableExport } from "../components/TableExport";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { CasePanel } from "./CasePanel";
import { CASE_SHOWS, caseQuery, type CaseShow } from "./caseQuery";
import { CaseTable } from "./CaseTable";
import { isSlaType, SLA_TYPES, slaTypeKey } from "./labels";
import { useRepairDesk } from "./repairDesk";

/**
 * The repair cases with how each stands against its SLA, the urgent ones first, and beside
 * them the open case's panel, where its steps are recorded.
 */
export function RepairsView() {
  const i18n = useI18n();
  const sync = useSync();
  const desk = useRepairDesk();
  const formId = useId();
  const tableRef = useRef<HTMLDivElement>(null);
  const [show, setShow] = useState<CaseShow>("open");
  const [sla, setSla] = useState<SlaType | null>(null);
  const load = useCallback(() => commands.repairCases(caseQuery(show, sla)), [show, sla]);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const list = state.status === "ok" ? state.data : null;
  const { closeCase, showCase } = desk;

  const onOpen = useCallback((row: RepairCaseView) => showCase(row.id), [showCase]);
  const onClose = useCallback(() => {
    closeCase();
    // Back to the table, on the row the panel was for, so the arrow keys go on from there.
    tableRef.current?.querySelector<HTMLElement>('tbody tr[tabindex="0"]')?.focus();
  }, [closeCase]);

  return (
    <div className="repairs" data-testid="repairs-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("repairs.heading")}</h1>
          <p className="muted view-intro">{i18n.t("repairs.intro")}</p>
        </div>
        <div className="view-actions">
          <TableExport
            run={(path, format) => commands.exportRepairCases(path, caseQuery(show, sla), format)}
            fileName="flotta-reparationer"
            hint="repairs.export.hint"
            testId="repairs-export"
          />
          <button type="button" className="button-primary" data-testid="repairs-new" onClick={() => desk.newCase(null)}>
            {i18n.t("repairs.new.open")}
          </button>
        </div>
      </div>

      <div className="repairs-toolbar">
        <fieldset className="segmented" data-testid="repairs-show">
          <legend className="visually-hidden">{i18n.t("repairs.show.label")}</legend>
          {CASE_SHOWS.map((value) => (
            <label key={value} className={show === value ? "segment active" : "segment"}>
              <input
                type="radio"
                className="visually-hidden"
                name={`${formId}-show`}
                data-testid={`repairs-show-${value}`}
                checked={show === value}
                onChange={() => setShow(value)}
              />
              <span>{i18n.t(`repairs.show.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="repairs-sla-filter">
          <label className="field-label" htmlFor={`${formId}-sla`}>
            {i18n.t("repairs.filter.sla")}
          </label>
          <select
            id={`${formId}-sla`}
            data-testid="repairs-sla"
            className={sla === null ? undefined : "active"}
            value={sla ?? ""}
            onChange={(event) => setSla(isSlaType(event.target.value) ? event.target.value : null)}
          >
            <option value="">{i18n.t("repairs.filter.allSla")}</option>
            {SLA_TYPES.map((value) => (
              <option key={value} value={value}>
                {i18n.t(slaTypeKey(value))}
              </option>
            ))}
          </select>
        </div>
        <p className="repairs-count" data-testid="repairs-count" data-total={list?.total} aria-live="polite" aria-atomic="true">
          {list === null
            ? state.status === "loading" && i18n.t("repairs.loading")
            : list.rows.length < list.total
              ? i18n.t("repairs.truncated", {
                  shown: i18n.format.number(list.rows.length),
                  total: i18n.format.number(list.total),
                })
              : i18n.count("repairs.count", list.total)}
        </p>
      </div>

      {state.status === "error" && (
        <InlineError messageKey="repairs.loadError" error={state.error} onRetry={reload} testId="repairs-error" />
      )}

      <div className="repairs-body">
        <div className="repairs-main" ref={tableRef}>
          {list !== null && list.rows.length === 0 && (
            <p className="empty-state" data-testid="repairs-empty">
              {i18n.t(`repairs.empty.${show}`)}
            </p>
          )}
          {list !== null && list.rows.length > 0 && (
            <CaseTable rows={list.rows} selected={desk.shownCase} onOpen={onOpen} />
          )}
        </div>
        {desk.shownCase !== null && (
          <CasePanel key={desk.shownCase} caseId={desk.shownCase} focusRequest={desk.focusRequest} onClose={onClose} />
        )}
      </div>
    </div>
  );
}
