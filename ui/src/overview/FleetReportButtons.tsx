import { useState } from "react";
import { commands } from "../bindings";
import { ExportButton } from "../components/ExportButton";
import { useI18n } from "../i18n/I18nContext";
import { previousMonth } from "../sla/month";

/**
 * The fleet summary report for a management meeting: everything the overview shows, with the
 * warranties ending per quarter, the models' certification and last month's repair figures,
 * as a PDF or CSV in the interface's language.
 */
export function FleetReportButtons() {
  const i18n = useI18n();
  // The repairs are last month's: a finished month, as the SLA report shows by default.
  const [month] = useState(() => previousMonth(new Date()));
  return (
    <div className="view-actions">
      <ExportButton
        run={(path) => commands.exportFleetReport(path, month, i18n.language, "pdf")}
        fileName={`flotta-oversikt-${month}`}
        extension="pdf"
        hint="overview.report.hint"
        testId="fleet-report-pdf"
        label="overview.report.pdf"
      />
      <ExportButton
        run={(path) => commands.exportFleetReport(path, month, i18n.language, "csv")}
        fileName={`flotta-oversikt-${month}`}
        extension="csv"
        hint="overview.report.hint"
        testId="fleet-report-csv"
        label="overview.report.csv"
      />
    </div>
  );
}
