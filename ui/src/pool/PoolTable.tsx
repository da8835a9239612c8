import { useId } from "react";
import type { PoolModelView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { useRovingRows } from "../lib/useRovingRows";
import { CoverCell } from "./CoverCell";

/** Rows hold figures only; there is nothing to open. */
const NOTHING_TO_OPEN = () => undefined;

/** Each model's pool units by where they are, and how long the available ones last. */
export function PoolTable({ models }: { models: readonly PoolModelView[] }) {
  const i18n = useI18n();
  const hintId = useId();
  const { rowProps, onKeyDown } = useRovingRows(models.length, NOTHING_TO_OPEN);
  const number = (value: number) => i18n.format.number(value);
  return (
    <div className="table-card pool-table-card">
      <table className="data-table pool-table" aria-label={i18n.t("pool.table.label")} aria-describedby={hintId}>
        <thead>
          <tr>
            <th scope="col">{i18n.t("pool.column.manufacturer")}</th>
            <th scope="col">{i18n.t("pool.column.model")}</th>
            <th scope="col" className="num">
              {i18n.t("pool.column.available")}
            </th>
            <th scope="col" className="num">
              {i18n.t("pool.column.sent")}
            </th>
            <th scope="col" className="num">
              {i18n.t("pool.column.atWorkshop")}
            </th>
            <th scope="col" className="num">
              {i18n.t("pool.column.beyondRepair")}
            </th>
            <th scope="col" title={i18n.t("pool.cover.hint")}>
              {i18n.t("pool.column.cover")}
            </th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {models.map((row, index) => (
            <tr
              key={`${row.manufacturer}\u0000${row.model}`}
              {...rowProps(index)}
              className="pool-row"
              data-testid="pool-row"
              data-manufacturer={row.manufacturer}
              data-model={row.model}
              data-level={row.cover.level}
            >
              <td>{row.manufacturer}</td>
              <td className="pool-model">{row.model}</td>
              <td className="num" data-testid="pool-available" data-value={row.available}>
                {number(row.available)}
              </td>
              <td className="num" data-testid="pool-sent" data-value={row.sent}>
                {number(row.sent)}
              </td>
              <td className="num" data-testid="pool-at-workshop" data-value={row.at_workshop}>
                {number(row.at_workshop)}
              </td>
              <td className="num" data-testid="pool-beyond-repair" data-value={row.beyond_repair}>
                {number(row.beyond_repair)}
              </td>
              <td>
                <CoverCell cover={row.cover} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id={hintId} className="visually-hidden">
        {i18n.t("pool.table.keyboardHint")}
      </p>
    </div>
  );
}
