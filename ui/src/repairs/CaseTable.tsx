import { useId } from "react";
import type { RepairCaseView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { useRovingRows } from "../lib/useRovingRows";
import { formatDate } from "../purchases/dates";
import { eventKey, marginText, slaTypeKey } from "./labels";
import { StandingBadge } from "./StandingBadge";

type Props = {
  rows: readonly RepairCaseView[];
  selected: number | null;
  onOpen: (row: RepairCaseView) => void;
};

/**
 * The cases, the core's order (breached and at risk first). One tab stop: the arrow keys move
 * between rows, Enter or a click opens the case's panel.
 */
export function CaseTable({ rows, selected, onOpen }: Props) {
  const i18n = useI18n();
  const hintId = useId();
  const { rowProps, onKeyDown } = useRovingRows(rows.length, (index) => {
    const row = rows[index];
    if (row) onOpen(row);
  });
  const none = i18n.t("value.none");
  const locale = i18n.format.locale;

  return (
    <div className="table-card case-table-card">
      <table className="data-table case-table" aria-label={i18n.t("repairs.table.label")} aria-describedby={hintId}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {i18n.t("repairs.column.id")}
            </th>
            <th scope="col">{i18n.t("repairs.column.standing")}</th>
            <th scope="col">{i18n.t("repairs.column.next")}</th>
            <th scope="col">{i18n.t("repairs.column.sla")}</th>
            <th scope="col">{i18n.t("repairs.column.serial")}</th>
            <th scope="col">{i18n.t("repairs.column.model")}</th>
            <th scope="col">{i18n.t("repairs.column.user")}</th>
            <th scope="col">{i18n.t("repairs.column.orgUnit")}</th>
            <th scope="col">{i18n.t("repairs.column.reported")}</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((row, index) => {
            const isSelected = row.id === selected;
            const closed = row.closed_at !== null;
            return (
              <tr
                key={row.id}
                {...rowProps(index)}
                className={isSelected ? "case-row selected" : "case-row"}
                aria-current={isSelected ? "true" : undefined}
                data-testid="case-row"
                data-id={row.id}
                data-serial={row.unit.serial}
                data-standing={row.standing}
                data-closed={closed}
              >
                <td className="num">{i18n.t("repairs.caseNumber", { id: row.id })}</td>
                <td className="case-standing-cell" data-column="standing">
                  <StandingBadge standing={row.standing} />
                  <span className={row.margin_working_days < 0 ? "case-margin tone-bad" : "case-margin"}>
                    {marginText(row.margin_working_days, closed, i18n)}
                  </span>
                </td>
                <td data-column="next">
                  {row.next_due === null || closed ? (
                    <span className="tone-muted">{none}</span>
                  ) : (
                    <>
                      <span className="case-next">{i18n.t(eventKey(row.next_due.event))}</span>
                      <span className="case-next-due muted">
                        {i18n.t("repairs.dueBy", { day: formatDate(row.next_due.due_day, locale) })}
                      </span>
                    </>
                  )}
                </td>
                <td>{i18n.t(slaTypeKey(row.sla))}</td>
                <td className="mono">{row.unit.serial || none}</td>
                <td>{`${row.unit.manufacturer} ${row.unit.model}`}</td>
                <td>{row.unit.user_name ?? none}</td>
                <td>{row.unit.org_unit ?? none}</td>
                <td className="nowrap">
                  <time dateTime={row.reported_at}>{i18n.format.dateTime(row.reported_at)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id={hintId} className="visually-hidden">
        {i18n.t("repairs.table.keyboardHint")}
      </p>
    </div>
  );
}
