import { useId } from "react";
import type { IncidentView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { useRovingRows } from "../lib/useRovingRows";
import { formatMargin } from "./duration";
import { IncidentStandingBadge } from "./IncidentStandingBadge";
import { categoryName, decidingMargin, lineKey } from "./labels";
import { PausedMarker } from "./PausedMarker";

type Props = {
  rows: readonly IncidentView[];
  selected: number | null;
  onOpen: (row: IncidentView) => void;
};

/**
 * The cases in the core's order (open first, latest received first). One tab stop: the arrow
 * keys move between rows, Enter or a click opens the case's panel.
 */
export function IncidentTable({ rows, selected, onOpen }: Props) {
  const i18n = useI18n();
  const hintId = useId();
  const { rowProps, onKeyDown } = useRovingRows(rows.length, (index) => {
    const row = rows[index];
    if (row) onOpen(row);
  });
  const none = i18n.t("value.none");

  return (
    <div className="table-card case-table-card">
      <table className="data-table case-table incident-table" aria-label={i18n.t("incidents.table.label")} aria-describedby={hintId}>
        <thead>
          <tr>
            <th scope="col" className="num">
              {i18n.t("incidents.column.id")}
            </th>
            <th scope="col" title={i18n.t("incidents.column.receivedHint")}>
              {i18n.t("incidents.column.received")}
            </th>
            <th scope="col">{i18n.t("incidents.column.category")}</th>
            <th scope="col">{i18n.t("incidents.column.line")}</th>
            <th scope="col">{i18n.t("incidents.column.reporter")}</th>
            <th scope="col">{i18n.t("incidents.column.serial")}</th>
            <th scope="col" title={i18n.t("incidents.column.standingHint")}>
              {i18n.t("incidents.column.standing")}
            </th>
            <th scope="col">{i18n.t("incidents.column.paused")}</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((row, index) => {
            const isSelected = row.id === selected;
            const margin = decidingMargin(row.clock);
            return (
              <tr
                key={row.id}
                {...rowProps(index)}
                className={isSelected ? "case-row selected" : "case-row"}
                aria-current={isSelected ? "true" : undefined}
                data-testid="incident-row"
                data-id={row.id}
                data-standing={row.clock.standing}
                data-completed={row.completed_at !== null}
                data-paused={row.paused_since !== null}
                data-serial={row.device?.serial}
                data-external-ref={row.external_ref ?? undefined}
              >
                <td className="num">{i18n.t("incidents.caseNumber", { id: row.id })}</td>
                <td className="nowrap">
                  <time dateTime={row.received_at}>{i18n.format.swedishDateTime(row.received_at)}</time>
                </td>
                <td>
                  {categoryName(row.category, i18n.language)}
                  {row.category.retired && <span className="tag tag-muted">{i18n.t("incidents.category.retired")}</span>}
                </td>
                <td className="nowrap">{i18n.t(lineKey(row.line))}</td>
                <td>{row.reporter}</td>
                <td className="mono">{row.device === null ? none : row.device.serial || row.device.imei || none}</td>
                <td className="case-standing-cell" data-column="standing">
                  <IncidentStandingBadge standing={row.clock.standing} />
                  {margin !== null && (
                    <span className={margin < 0 ? "case-margin tone-bad" : "case-margin"} data-margin={margin}>
                      {formatMargin(margin)}
                    </span>
                  )}
                </td>
                <td>{row.paused_since !== null && <PausedMarker since={row.paused_since} reason={row.paused_for} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id={hintId} className="visually-hidden">
        {i18n.t("incidents.table.keyboardHint")}
      </p>
    </div>
  );
}
