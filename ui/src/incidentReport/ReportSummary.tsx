import type { IncidentReport } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";
import { formatShare, formatWorkingDays } from "../sla/month";
import { firstLineShare, insideShare } from "./figures";

type Figure = {
  readonly key: string;
  readonly label: MessageKey;
  readonly value: number | null;
  readonly text: string;
  readonly tone?: "good" | "bad";
  readonly hint?: MessageKey;
};

/** The month's figures as the report's summary states them, each a card. */
export function ReportSummary({ report }: { report: IncidentReport }) {
  const i18n = useI18n();
  const locale = i18n.format.locale;
  const none = i18n.t("value.none");
  const { total } = report;
  const count = (value: number) => i18n.format.number(value);
  const share = (value: number | null) => (value === null ? none : formatShare(value, locale));
  // Hours with at most one decimal, as the report prints them (the same format as working days).
  const hours = (value: number | null) => (value === null ? none : formatWorkingDays(value, locale));
  const figures: Figure[] = [
    { key: "cases", label: "incidentReport.figure.cases", value: total.cases, text: count(total.cases) },
    { key: "completed", label: "incidentReport.figure.completed", value: total.completed, text: count(total.completed) },
    {
      key: "first_line",
      label: "incidentReport.figure.firstLine",
      value: total.first_line,
      text: count(total.first_line),
      hint: "incidentReport.figure.firstLineHint",
    },
    {
      key: "first_line_share",
      label: "incidentReport.figure.firstLineShare",
      value: firstLineShare(total),
      text: share(firstLineShare(total)),
    },
    { key: "inside", label: "incidentReport.figure.inside", value: total.inside, text: count(total.inside), tone: "good" },
    { key: "outside", label: "incidentReport.figure.outside", value: total.outside, text: count(total.outside), tone: "bad" },
    { key: "running", label: "incidentReport.figure.running", value: total.running, text: count(total.running) },
    { key: "no_target", label: "incidentReport.figure.noTarget", value: total.no_target, text: count(total.no_target) },
    {
      key: "inside_share",
      label: "incidentReport.figure.insideShare",
      value: insideShare(total),
      text: share(insideShare(total)),
      hint: "incidentReport.figure.insideShareHint",
    },
    {
      key: "median",
      label: "incidentReport.figure.median",
      value: report.median_resolution_hours,
      text: hours(report.median_resolution_hours),
      hint: "incidentReport.figure.hoursHint",
    },
    {
      key: "p90",
      label: "incidentReport.figure.p90",
      value: report.p90_resolution_hours,
      text: hours(report.p90_resolution_hours),
      hint: "incidentReport.figure.hoursHint",
    },
  ];
  return (
    <ul className="kpi-grid report-figures" aria-label={i18n.t("incidentReport.figures.heading")}>
      {figures.map((figure) => (
        <li
          key={figure.key}
          className={`kpi-card report-figure${figure.tone ? ` report-figure-${figure.tone}` : ""}`}
          data-testid={`incident-report-figure-${figure.key}`}
          data-value={figure.value ?? undefined}
          title={figure.hint === undefined ? undefined : i18n.t(figure.hint)}
        >
          <span className="kpi-label">{i18n.t(figure.label)}</span>
          <span className="kpi-value">{figure.text}</span>
        </li>
      ))}
    </ul>
  );
}
