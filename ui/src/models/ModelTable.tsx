import { useId } from "react";
import type { ModelRow } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { useRovingRows } from "../lib/useRovingRows";
import { sameModel, type ModelKey } from "./modelFilter";
import { StatusBadge } from "./StatusBadge";

type Props = {
  rows: readonly ModelRow[];
  selected: ModelKey | null;
  onOpen: (row: ModelRow) => void;
};

/** The models, one tab stop: the arrow keys move between rows, Enter or a click opens one. */
export function ModelTable({ rows, selected, onOpen }: Props) {
  const i18n = useI18n();
  const hintId = useId();
  const { rowProps, onKeyDown } = useRovingRows(rows.length, (index) => {
    const row = rows[index];
    if (row) onOpen(row);
  });

  return (
    <div className="table-card models-table-card">
      <table className="data-table model-table" aria-label={i18n.t("models.table.label")} aria-describedby={hintId}>
        <thead>
          <tr>
            <th scope="col">{i18n.t("models.column.manufacturer")}</th>
            <th scope="col">{i18n.t("models.column.model")}</th>
            <th scope="col" className="num">
              {i18n.t("models.column.units")}
            </th>
            <th scope="col" className="num">
              {i18n.t("models.column.purchased")}
            </th>
            <th scope="col">{i18n.t("models.column.status")}</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((row, index) => {
            const isSelected = sameModel(row, selected);
            return (
              <tr
                key={`${row.manufacturer}\u0000${row.model}`}
                {...rowProps(index)}
                className={isSelected ? "model-row selected" : "model-row"}
                aria-current={isSelected ? "true" : undefined}
                data-testid="model-row"
                data-manufacturer={row.manufacturer}
                data-model={row.model}
                data-status={row.status.state}
              >
                <td>{row.manufacturer}</td>
                <td className="model-name">{row.model}</td>
                <td className="num">{i18n.format.number(row.units)}</td>
                <td className="num">{i18n.format.number(row.purchased)}</td>
                <td>
                  <StatusBadge status={row.status} testId="model-status" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id={hintId} className="visually-hidden">
        {i18n.t("models.table.keyboardHint")}
      </p>
    </div>
  );
}
