import type { PoolCoverRow } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { CoverCell } from "../pool/CoverCell";

/** Each pool model's cover as the report states it. */
export function PoolCoverTable({ rows }: { rows: readonly PoolCoverRow[] }) {
  const i18n = useI18n();
  return (
    <div className="table-card">
      <table className="data-table" aria-label={i18n.t("sla.pool.heading")}>
        <thead>
          <tr>
            <th scope="col">{i18n.t("pool.column.manufacturer")}</th>
            <th scope="col">{i18n.t("pool.column.model")}</th>
            <th scope="col" className="num">
              {i18n.t("pool.column.available")}
            </th>
            <th scope="col" title={i18n.t("pool.cover.hint")}>
              {i18n.t("pool.column.cover")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.manufacturer}\u0000${row.model}`} data-testid="sla-pool-row" data-model={row.model}>
              <td>{row.manufacturer}</td>
              <td>{row.model}</td>
              <td className="num">{i18n.format.number(row.cover.available)}</td>
              <td>
                <CoverCell cover={row.cover} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
