import type { WeekFigures } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { formatDate } from "../purchases/dates";
import { weekBars } from "./figures";

/** Cases received per ISO week of the month as horizontal bars, the count printed after each. */
export function WeekBars({ weeks, label }: { weeks: readonly WeekFigures[]; label: string }) {
  const i18n = useI18n();
  return (
    <ul className="week-bars" aria-label={label}>
      {weekBars(weeks).map((bar) => (
        <li key={bar.week} className="week-bar" data-testid="incident-report-week" data-week={bar.week} data-cases={bar.cases}>
          <span
            className="week-bar-label"
            title={i18n.t("incidentReport.week.from", { day: formatDate(bar.from, i18n.format.locale) })}
          >
            {i18n.t("incidentReport.week.label", { week: bar.week })}
          </span>
          <span className="week-bar-track" aria-hidden="true">
            <span className="week-bar-fill" style={{ width: `${(bar.length * 100).toFixed(1)}%` }} />
          </span>
          <span className="week-bar-value">{i18n.count("incidentReport.week.cases", bar.cases)}</span>
        </li>
      ))}
    </ul>
  );
}
