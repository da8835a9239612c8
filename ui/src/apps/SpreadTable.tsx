import type { AppCount, DeviceFilters } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { groupFilters, groupLabel, type Grouping } from "./spread";

type Props = {
  appKey: string;
  appName: string;
  grouping: Grouping;
  rows: readonly AppCount[];
  /** Lists the devices behind a count in the inventory. */
  onShowDevices: (filters: Partial<DeviceFilters>) => void;
};

/**
 * Per group: devices with the app, devices whose apps are seen, devices not seen. An installed
 * count (above none) the inventory can filter for is a link to those devices.
 */
export function SpreadTable({ appKey, appName, grouping, rows, onShowDevices }: Props) {
  const i18n = useI18n();
  const number = (value: number) => i18n.format.number(value);
  return (
    <div className="table-card apps-spread-card">
      <table
        className="data-table apps-spread-table"
        data-testid="app-spread-table"
        data-grouping={grouping}
        aria-label={i18n.t("apps.spread.tableLabel", { app: appName })}
      >
        <thead>
          <tr>
            <th scope="col">{i18n.t(`apps.grouping.${grouping}`)}</th>
            <th scope="col" className="num" title={i18n.t("apps.column.installedHint")}>
              {i18n.t("apps.column.installed")}
            </th>
            <th scope="col" className="num" title={i18n.t("apps.column.visibleHint")}>
              {i18n.t("apps.column.visible")}
            </th>
            <th scope="col" className="num" title={i18n.t("apps.column.notVisibleHint")}>
              {i18n.t("apps.column.notVisible")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            // A count of none leads nowhere worth going: an empty list.
            const filters = row.installed > 0 ? groupFilters(grouping, appKey, row.group) : null;
            return (
              <tr
                key={row.group}
                data-testid="app-group-row"
                data-group={row.group}
                data-installed={row.installed}
                data-visible={row.visible}
                data-not-visible={row.not_visible}
              >
                <th scope="row" className={row.group === "" ? "apps-group muted" : "apps-group"}>
                  {groupLabel(grouping, row.group, i18n)}
                </th>
                <td className="num">
                  {filters === null ? (
                    <span title={grouping === "org_unit" ? i18n.t("apps.spread.noUnitHint") : undefined}>
                      {number(row.installed)}
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="link-button"
                      data-testid="app-group-open"
                      title={i18n.t("apps.spread.open")}
                      onClick={() => onShowDevices(filters)}
                    >
                      {number(row.installed)}
                    </button>
                  )}
                </td>
                <td className="num">{number(row.visible)}</td>
                <td className="num">{number(row.not_visible)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
