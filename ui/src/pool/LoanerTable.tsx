import { useId } from "react";
import type { LoanerOut } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { useRovingRows } from "../lib/useRovingRows";
import { useRepairDesk } from "../repairs/repairDesk";

/** The loaners out with users, the overdue ones marked in words; Enter opens the case. */
export function LoanerTable({ loaners }: { loaners: readonly LoanerOut[] }) {
  const i18n = useI18n();
  const desk = useRepairDesk();
  const hintId = useId();
  const { rowProps, onKeyDown } = useRovingRows(loaners.length, (index) => {
    const loaner = loaners[index];
    if (loaner) desk.showCase(loaner.case_id);
  });
  const none = i18n.t("value.none");
  return (
    <div className="table-card loaner-table-card">
      <table className="data-table loaner-table" aria-label={i18n.t("pool.loaners.heading")} aria-describedby={hintId}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {i18n.t("pool.loaners.column.case")}
            </th>
            <th scope="col">{i18n.t("pool.loaners.column.user")}</th>
            <th scope="col">{i18n.t("pool.loaners.column.serial")}</th>
            <th scope="col">{i18n.t("pool.loaners.column.since")}</th>
            <th scope="col">{i18n.t("pool.loaners.column.status")}</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {loaners.map((loaner, index) => (
            <tr
              key={loaner.case_id}
              {...rowProps(index)}
              className="loaner-row"
              data-testid="loaner-row"
              data-case-id={loaner.case_id}
              data-overdue={loaner.overdue}
            >
              <td className="num">{i18n.t("repairs.caseNumber", { id: loaner.case_id })}</td>
              <td>{loaner.user_name ?? none}</td>
              <td className="mono">{loaner.loaner_serial}</td>
              <td className="nowrap">{i18n.format.dateTime(loaner.since)}</td>
              <td>
                {loaner.overdue ? (
                  <span className="cert-badge" data-tone="bad">
                    {i18n.t("pool.loaners.overdue")}
                  </span>
                ) : (
                  <span className="tone-muted">{i18n.t("pool.loaners.out")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id={hintId} className="visually-hidden">
        {i18n.t("pool.loaners.keyboardHint")}
      </p>
    </div>
  );
}
