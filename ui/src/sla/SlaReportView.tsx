import { useCallback, useId, useMemo, useState } from "react";
import { commands } from "../bindings";
import { useCommand } from "../api/useCommand";
import { ExportButton } from "../components/ExportButton";
import { orgUnitNames } from "../fleet/facets";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { useAppData } from "../shell/appData";
import { useSync } from "../sync/syncContext";
import { BreachedTable } from "./BreachedTable";
import { monthLabel, previousMonth } from "./month";
import { MonthFilter } from "./MonthFilter";
import { PoolCoverTable } from "./PoolCoverTable";
import { SlaTypeTable } from "./SlaTypeTable";


/**
 * The month's SLA follow-up: per SLA type how many cases kept their promises and how long
 * they took in working days, the cases that broke one, and the pool's cover now; for the
 * whole organisation or one unit, and as CSV for the contract meeting.
 */
export function SlaReportView() {
  const i18n = useI18n();
  const sync = useSync();
  const { summary } = useAppData();
  const formId = useId();
  const [month, setMonth] = useState(() => previousMonth(new Date()));
  const [orgUnit, setOrgUnit] = useState<string | null>(null);
  const load = useCallback(() => commands.slaReport(month, orgUnit), [month, orgUnit]);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const report = state.status === "ok" ? state.data : null;
  const locale = i18n.format.locale;

  // The fleet's organisation units, as the inventory's filter offers them.
  const orgUnits = useMemo(
    () => (summary.status === "ok" ? orgUnitNames(summary.data.by_org_unit, locale) : []),
    [summary, locale],
  );
  const unitChoices = orgUnit !== null && !orgUnits.includes(orgUnit) ? [orgUnit, ...orgUnits] : orgUnits;
  const cases = report?.by_type.reduce((sum, row) => sum + row.cases, 0) ?? 0;

  return (
    <div className="sla-report" data-testid="sla-report-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("sla.heading")}</h1>
          <p className="muted view-intro">{i18n.t("sla.intro")}</p>
        </div>
        <div className="view-actions">
          <ExportButton
            run={(path) => commands.exportSlaReport(path, month, orgUnit)}
            fileName={`flotta-sla-${month}`}
            extension="csv"
            hint="sla.export.hint"
            testId="sla-export"
          />
          <ExportButton
            run={(path) => commands.exportSlaReportPdf(path, month, orgUnit)}
            fileName={`flotta-sla-${month}`}
            extension="pdf"
            hint="sla.exportPdf.hint"
            testId="sla-export-pdf"
            label="export.pdfButton"
          />
        </div>
      </div>

      <div className="sla-toolbar">
        <MonthFilter value={month} onChange={setMonth} testId="sla-month" />
        <div className="sla-filter">
          <label className="field-label" htmlFor={`${formId}-org`}>
            {i18n.t("sla.orgUnit")}
          </label>
          <select
            id={`${formId}-org`}
            data-testid="sla-org-unit"
            className={orgUnit === null ? undefined : "active"}
            value={orgUnit ?? ""}
            onChange={(event) => setOrgUnit(event.target.value === "" ? null : event.target.value)}
          >
            <option value="">{i18n.t("sla.orgUnit.all")}</option>
            {unitChoices.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        {report !== null && (
          <p className="muted sla-as-of" data-testid="sla-as-of">
            {i18n.t("sla.asOf", { time: i18n.format.dateTime(report.as_of) })}
          </p>
        )}
      </div>

      {state.status === "loading" && <p className="muted">{i18n.t("sla.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="sla.loadError" error={state.error} onRetry={reload} testId="sla-error" />
      )}
      {report !== null && (
        <div className="sla-sections" data-testid="sla-report" data-month={report.month} data-cases={cases}>
          <section className="sla-section">
            <h2 className="section-heading">{i18n.t("sla.types.heading")}</h2>
            {cases === 0 && (
              <p className="muted" data-testid="sla-no-cases">
                {i18n.t("sla.noCases", { month: monthLabel(report.month, locale) })}
              </p>
            )}
            <SlaTypeTable rows={report.by_type} />
          </section>
          <section className="sla-section">
            <h2 className="section-heading">{i18n.t("sla.breached.heading")}</h2>
            {report.breached.length === 0 ? (
              <p className="muted" data-testid="sla-breached-none">
                {i18n.t("sla.breached.none")}
              </p>
            ) : (
              <BreachedTable cases={report.breached} />
            )}
          </section>
          <section className="sla-section">
            <h2 className="section-heading">{i18n.t("sla.pool.heading")}</h2>
            {report.pool.length === 0 ? (
              <p className="muted">{i18n.t("pool.empty")}</p>
            ) : (
              <PoolCoverTable rows={report.pool} />
            )}
          </section>
        </div>
      )}
    </div>
  );
}
