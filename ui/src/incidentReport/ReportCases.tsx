import type { CategoryLabel, IncidentFacts } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { formatMargin } from "../incidents/duration";
import { IncidentStandingBadge } from "../incidents/IncidentStandingBadge";
import { categoryName, channelKey, decidingMargin, lineKey } from "../incidents/labels";

type Props = {
  cases: readonly IncidentFacts[];
  /** The report's categories, which name the cases'. */
  categories: readonly CategoryLabel[];
  label: string;
};

/** The month's cases in the order received, as the report lists them, each with its standing and margin. */
export function ReportCases({ cases, categories, label }: Props) {
  const i18n = useI18n();
  const none = i18n.t("value.none");
  const category = (id: number) => {
    const found = categories.find((candidate) => candidate.id === id);
    return found === undefined ? i18n.t("agreements.scope.unknownCategory", { id }) : categoryName(found, i18n.language);
  };
  return (
    <div className="table-card report-cases-card">
      <table className="data-table report-cases" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {i18n.t("incidents.column.id")}
            </th>
            <th scope="col">{i18n.t("incidents.column.received")}</th>
            <th scope="col">{i18n.t("incidentReport.column.completed")}</th>
            <th scope="col">{i18n.t("incidents.column.category")}</th>
            <th scope="col">{i18n.t("incidents.column.line")}</th>
            <th scope="col">{i18n.t("incidents.field.channel")}</th>
            <th scope="col">{i18n.t("incidents.column.serial")}</th>
            <th scope="col">{i18n.t("incidents.column.standing")}</th>
            <th scope="col">{i18n.t("incidents.new.description")}</th>
            <th scope="col">{i18n.t("incidents.panel.resolution")}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((row) => {
            const margin = decidingMargin(row.clock);
            return (
              <tr key={row.id} data-testid="incident-report-case" data-id={row.id} data-standing={row.clock.standing}>
                <td className="num">{i18n.t("incidents.caseNumber", { id: row.id })}</td>
                <td className="nowrap">{i18n.format.swedishDateTime(row.received_at)}</td>
                <td className="nowrap">{row.completed_at === null ? none : i18n.format.swedishDateTime(row.completed_at)}</td>
                <td>{category(row.category_id)}</td>
                <td className="nowrap">{i18n.t(lineKey(row.line))}</td>
                <td>{i18n.t(channelKey(row.channel))}</td>
                <td className="mono">{row.serial ?? none}</td>
                <td className="case-standing-cell">
                  <IncidentStandingBadge standing={row.clock.standing} />
                  {margin !== null && (
                    <span className={margin < 0 ? "case-margin tone-bad" : "case-margin"}>{formatMargin(margin)}</span>
                  )}
                </td>
                <td className="report-text" data-column="description">
                  {row.description}
                </td>
                <td className="report-text" data-column="resolution">
                  {row.resolution ?? none}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
