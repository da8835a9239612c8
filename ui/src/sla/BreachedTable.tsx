import type { BreachedCase } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { formatDate } from "../purchases/dates";
import { eventKey, slaTypeKey } from "../repairs/labels";

/** The month's cases that broke a promise: which one, due when, and how late. */
export function BreachedTable({ cases }: { cases: readonly BreachedCase[] }) {
  const i18n = useI18n();
  const none = i18n.t("value.none");
  const locale = i18n.format.locale;
  return (
    <div className="table-card">
      <table className="data-table" aria-label={i18n.t("sla.breached.heading")}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {i18n.t("repairs.column.id")}
            </th>
            <th scope="col">{i18n.t("repairs.column.sla")}</th>
            <th scope="col">{i18n.t("repairs.column.serial")}</th>
            <th scope="col">{i18n.t("repairs.column.model")}</th>
            <th scope="col">{i18n.t("repairs.column.orgUnit")}</th>
            <th scope="col">{i18n.t("repairs.column.reported")}</th>
            <th scope="col">{i18n.t("sla.breached.promise")}</th>
            <th scope="col">{i18n.t("sla.breached.due")}</th>
            <th scope="col" className="num">
              {i18n.t("sla.breached.late")}
            </th>
          </tr>
        </thead>
        <tbody>
          {cases.map((row) => (
            <tr key={row.id} data-testid="sla-breached-row" data-id={row.id}>
              <td className="num">{i18n.t("repairs.caseNumber", { id: row.id })}</td>
              <td>{i18n.t(slaTypeKey(row.sla))}</td>
              <td className="mono">{row.serial || none}</td>
              <td>{row.model}</td>
              <td>{row.org_unit ?? none}</td>
              <td className="nowrap">{i18n.format.dateTime(row.reported_at)}</td>
              <td>{i18n.t(eventKey(row.promise))}</td>
              <td className="nowrap">{formatDate(row.due_day, locale)}</td>
              <td className="num tone-bad">{i18n.format.number(row.late_working_days)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
