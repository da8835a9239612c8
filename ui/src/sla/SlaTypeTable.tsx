import type { SlaTypeFigures } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { slaTypeKey } from "../repairs/labels";
import { formatShare, formatWorkingDays } from "./month";

/** Per SLA type: the month's cases, how many kept or broke their promises, and the turnaround. */
export function SlaTypeTable({ rows }: { rows: readonly SlaTypeFigures[] }) {
  const i18n = useI18n();
  const locale = i18n.format.locale;
  const none = i18n.t("value.none");
  const days = (value: number | null) => (value === null ? none : formatWorkingDays(value, locale));
  return (
    <div className="table-card">
      <table className="data-table sla-type-table" aria-label={i18n.t("sla.types.heading")}>
        <thead>
          <tr>
            <th scope="col">{i18n.t("sla.column.type")}</th>
            <th scope="col" className="num">
              {i18n.t("sla.column.cases")}
            </th>
            <th scope="col" className="num">
              {i18n.t("sla.column.within")}
            </th>
            <th scope="col" className="num">
              {i18n.t("sla.column.breached")}
            </th>
            <th scope="col" className="num">
              {i18n.t("sla.column.pending")}
            </th>
            <th scope="col" className="num" title={i18n.t("sla.column.shareHint")}>
              {i18n.t("sla.column.share")}
            </th>
            <th scope="col" className="num" title={i18n.t("sla.column.turnaroundHint")}>
              {i18n.t("sla.column.median")}
            </th>
            <th scope="col" className="num" title={i18n.t("sla.column.turnaroundHint")}>
              {i18n.t("sla.column.p90")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.sla} data-testid="sla-type-row" data-sla={row.sla}>
              <th scope="row">{i18n.t(slaTypeKey(row.sla))}</th>
              <td className="num">{i18n.format.number(row.cases)}</td>
              <td className="num">{i18n.format.number(row.within)}</td>
              <td className={row.breached > 0 ? "num tone-bad" : "num"}>{i18n.format.number(row.breached)}</td>
              <td className="num">{i18n.format.number(row.pending)}</td>
              <td className="num" data-testid="sla-share">
                {row.within_share === null ? none : formatShare(row.within_share, locale)}
              </td>
              <td className="num">{days(row.median_turnaround)}</td>
              <td className="num">{days(row.p90_turnaround)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
