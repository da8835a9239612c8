import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { commands, type Language } from "../bindings";
import { useCommand } from "../api/useCommand";
import { pausesText, windowText } from "../agreements/termsText";
import { ExportButton } from "../components/ExportButton";
import { InlineError } from "../components/InlineError";
import { orgUnitNames } from "../fleet/facets";
import { useI18n } from "../i18n/I18nContext";
import { LANGUAGE_NAMES, LANGUAGES } from "../i18n/language";
import { defaultAgreementId } from "../incidents/incidentDraft";
import { categoryName, lineKey } from "../incidents/labels";
import { useAgreements } from "../incidents/useIncidentSettings";
import { debounce } from "../lib/debounce";
import { useAppData } from "../shell/appData";
import { monthLabel, previousMonth } from "../sla/month";
import { MonthFilter } from "../sla/MonthFilter";
import { useSync } from "../sync/syncContext";
import { reportRequest } from "./figures";
import { ReportCases } from "./ReportCases";
import { ReportSummary } from "./ReportSummary";
import { TallyTable } from "./TallyTable";
import { WeekBars } from "./WeekBars";

/** A moment after the last key, so typing a unit's name reads the report once. */
const ORG_UNIT_DELAY_MS = 400;

/**
 * The month's incident report for the contract meeting: the figures, the cases per category,
 * line and week, and the case list, for the whole organisation or one unit and one agreement;
 * saved as a PDF or CSV in Swedish or English.
 */
export function IncidentReportView() {
  const i18n = useI18n();
  const sync = useSync();
  const { summary } = useAppData();
  const formId = useId();
  const locale = i18n.format.locale;
  const [month, setMonth] = useState(() => previousMonth(new Date()));
  const [orgUnitText, setOrgUnitText] = useState("");
  const [orgUnit, setOrgUnit] = useState("");
  const applyOrgUnitLater = useMemo(() => debounce(setOrgUnit, ORG_UNIT_DELAY_MS), []);
  useEffect(() => () => applyOrgUnitLater.cancel(), [applyOrgUnitLater]);
  const agreements = useAgreements();
  const [agreementChoice, setAgreementChoice] = useState<string | null>(null);
  // The report's language follows the interface until the user picks one.
  const [languageChoice, setLanguageChoice] = useState<Language | null>(null);
  const language = languageChoice ?? i18n.language;

  const agreementList = agreements.state.status === "ok" ? agreements.state.data : [];
  const defaultName = agreementList.find((agreement) => agreement.id === defaultAgreementId(agreementList))?.name ?? null;
  // Until the user picks one, the core's default agreement is asked for (and shown as chosen).
  const request = useMemo(
    () => reportRequest(month, orgUnit, agreementChoice, language),
    [month, orgUnit, agreementChoice, language],
  );
  const shownAgreement = agreementChoice ?? defaultName;
  const load = useCallback(() => commands.incidentReport(request), [request]);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const report = state.status === "ok" ? state.data : null;

  const orgUnits = useMemo(
    () => (summary.status === "ok" ? orgUnitNames(summary.data.by_org_unit, locale) : []),
    [summary, locale],
  );
  const categories = report?.by_category.map((row) => row.category) ?? [];

  return (
    <div className="sla-report incident-report" data-testid="incident-report-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("incidentReport.heading")}</h1>
          <p className="muted view-intro">{i18n.t("incidentReport.intro")}</p>
        </div>
        <div className="view-actions">
          <ExportButton
            run={(path) => commands.exportIncidentReport(path, request, "pdf")}
            fileName={`flotta-incidenter-${month}`}
            extension="pdf"
            hint="incidentReport.pdf.hint"
            testId="incident-report-pdf"
            label="incidentReport.pdf"
          />
          <ExportButton
            run={(path) => commands.exportIncidentReport(path, request, "csv")}
            fileName={`flotta-incidenter-${month}`}
            extension="csv"
            hint="incidentReport.csv.hint"
            testId="incident-report-csv"
            label="incidentReport.csv"
          />
        </div>
      </div>

      <div className="sla-toolbar">
        <MonthFilter value={month} onChange={setMonth} testId="incident-report-month" />
        <div className="sla-filter">
          <label className="field-label" htmlFor={`${formId}-org`}>
            {i18n.t("sla.orgUnit")}
          </label>
          <input
            id={`${formId}-org`}
            type="search"
            list={`${formId}-org-units`}
            data-testid="incident-report-org-unit"
            className={orgUnit === "" ? undefined : "active"}
            autoComplete="off"
            placeholder={i18n.t("sla.orgUnit.all")}
            value={orgUnitText}
            onChange={(event) => {
              setOrgUnitText(event.target.value);
              applyOrgUnitLater(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") applyOrgUnitLater.flush();
            }}
          />
          <datalist id={`${formId}-org-units`}>
            {orgUnits.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
        </div>
        <div className="sla-filter">
          <label className="field-label" htmlFor={`${formId}-agreement`}>
            {i18n.t("incidents.field.agreement")}
          </label>
          <select
            id={`${formId}-agreement`}
            data-testid="incident-report-agreement"
            value={shownAgreement ?? ""}
            onChange={(event) => setAgreementChoice(event.target.value === "" ? null : event.target.value)}
          >
            {shownAgreement === null && <option value="">{i18n.t("incidentReport.defaultAgreement")}</option>}
            {agreementList.map((candidate) => (
              <option key={candidate.id} value={candidate.name}>
                {candidate.name}
              </option>
            ))}
          </select>
        </div>
        <div className="sla-filter">
          <label className="field-label" htmlFor={`${formId}-language`}>
            {i18n.t("incidentReport.language")}
          </label>
          <select
            id={`${formId}-language`}
            data-testid="incident-report-language"
            title={i18n.t("incidentReport.languageHint")}
            value={language}
            onChange={(event) => setLanguageChoice(event.target.value === "en" ? "en" : "sv")}
          >
            {LANGUAGES.map((value) => (
              <option key={value} value={value} lang={value}>
                {LANGUAGE_NAMES[value]}
              </option>
            ))}
          </select>
        </div>
        {report !== null && (
          <p className="muted sla-as-of" data-testid="incident-report-as-of">
            {i18n.t("sla.asOf", { time: i18n.format.swedishDateTime(report.head.as_of) })}
          </p>
        )}
      </div>

      {agreements.state.status === "error" && (
        <InlineError messageKey="incidents.agreementsError" error={agreements.state.error} onRetry={agreements.reload} />
      )}
      {state.status === "loading" && (
        <p className="muted" aria-busy="true">
          {i18n.t("sla.loading")}
        </p>
      )}
      {state.status === "error" && (
        <InlineError messageKey="sla.loadError" error={state.error} onRetry={reload} testId="incident-report-error" />
      )}
      {report !== null && (
        <div
          className="sla-sections"
          data-testid="incident-report"
          data-month={month}
          data-agreement={report.head.agreement}
          data-cases={report.total.cases}
        >
          <section className="sla-section report-terms" aria-labelledby={`${formId}-terms`}>
            <h2 id={`${formId}-terms`} className="section-heading">
              {i18n.t("incidentReport.terms.heading", { agreement: report.head.agreement })}
            </h2>
            <ul className="report-terms-list">
              {report.head.terms.map((terms, index) => (
                <li key={terms.valid_from}>
                  {index > 0 && `${i18n.t("incidentReport.terms.from", { time: i18n.format.swedishDateTime(terms.valid_from) })} `}
                  {`${windowText(terms.window, i18n)}. ${pausesText(terms.pausing, i18n)}.`}
                </li>
              ))}
            </ul>
          </section>
          <section className="sla-section" aria-labelledby={`${formId}-figures`}>
            <h2 id={`${formId}-figures`} className="section-heading">
              {i18n.t("incidentReport.figures.heading")}
            </h2>
            {report.total.cases === 0 && (
              <p className="muted" data-testid="incident-report-empty">
                {i18n.t("incidentReport.noCases", { month: monthLabel(month, locale) })}
              </p>
            )}
            <ReportSummary report={report} />
          </section>
          <div className="report-columns">
            <section className="sla-section" aria-labelledby={`${formId}-categories`}>
              <h2 id={`${formId}-categories`} className="section-heading">
                {i18n.t("incidentReport.byCategory")}
              </h2>
              <TallyTable
                heading={i18n.t("incidents.column.category")}
                label={i18n.t("incidentReport.byCategory")}
                testId="incident-report-category-row"
                rows={report.by_category.map((row) => ({
                  key: String(row.category.id),
                  label: categoryName(row.category, i18n.language),
                  tally: row.tally,
                  retired: row.category.retired,
                }))}
              />
            </section>
            <section className="sla-section" aria-labelledby={`${formId}-lines`}>
              <h2 id={`${formId}-lines`} className="section-heading">
                {i18n.t("incidentReport.byLine")}
              </h2>
              <TallyTable
                heading={i18n.t("incidents.column.line")}
                label={i18n.t("incidentReport.byLine")}
                testId="incident-report-line-row"
                rows={report.by_line.map((row) => ({ key: row.line, label: i18n.t(lineKey(row.line)), tally: row.tally }))}
              />
            </section>
          </div>
          <section className="sla-section" aria-labelledby={`${formId}-weeks`}>
            <h2 id={`${formId}-weeks`} className="section-heading">
              {i18n.t("incidentReport.byWeek")}
            </h2>
            <WeekBars weeks={report.by_week} label={i18n.t("incidentReport.byWeek")} />
          </section>
          <section className="sla-section" aria-labelledby={`${formId}-cases`}>
            <h2 id={`${formId}-cases`} className="section-heading">
              {i18n.t("incidentReport.cases")}
            </h2>
            {report.cases.length === 0 ? (
              <p className="muted">{i18n.t("incidentReport.noCases", { month: monthLabel(month, locale) })}</p>
            ) : (
              <ReportCases cases={report.cases} categories={categories} label={i18n.t("incidentReport.cases")} />
            )}
          </section>
        </div>
      )}
    </div>
  );
}
