import type { Tally } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { formatShare } from "../sla/month";
import { insideShare } from "./figures";

export type TallyRow = { readonly key: string; readonly label: string; readonly tally: Tally; readonly retired?: boolean };

type Props = {
  /** The first column's heading ("Kategori", "Linje"). */
  heading: string;
  label: string;
  rows: readonly TallyRow[];
  testId: string;
};

/** Per category or per line: the cases, those solved in first line, inside and outside the agreement, still running. */
export function TallyTable({ heading, label, rows, testId }: Props) {
  const i18n = useI18n();
  const none = i18n.t("value.none");
  const number = (value: number) => i18n.format.number(value);
  return (
    <div className="table-card">
      <table className="data-table report-tally-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            <th scope="col" className="num">
              {i18n.t("incidentReport.column.cases")}
            </th>
            <th scope="col" className="num">
              {i18n.t("incidentReport.column.firstLine")}
            </th>
            <th scope="col" className="num">
              {i18n.t("incidentReport.column.inside")}
            </th>
            <th scope="col" className="num">
              {i18n.t("incidentReport.column.outside")}
            </th>
            <th scope="col" className="num">
              {i18n.t("incidentReport.column.running")}
            </th>
            <th scope="col" className="num" title={i18n.t("incidentReport.figure.insideShareHint")}>
              {i18n.t("incidentReport.column.insideShare")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label: name, tally, retired }) => {
            const share = insideShare(tally);
            return (
              <tr key={key} data-testid={testId} data-key={key} data-cases={tally.cases}>
                <th scope="row">
                  {name}
                  {retired === true && <span className="tag tag-muted">{i18n.t("incidents.category.retired")}</span>}
                </th>
                <td className="num">{number(tally.cases)}</td>
                <td className="num">{number(tally.first_line)}</td>
                <td className="num">{number(tally.inside)}</td>
                <td className={tally.outside > 0 ? "num tone-bad" : "num"}>{number(tally.outside)}</td>
                <td className="num">{number(tally.running)}</td>
                <td className="num">{share === null ? none : formatShare(share, i18n.format.locale)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
