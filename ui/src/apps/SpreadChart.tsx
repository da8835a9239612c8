import { useMemo } from "react";
import type { AppCount } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { BarChart, type Bar } from "../overview/BarChart";
import { groupLabel, type Grouping } from "./spread";

/** As the overview's charts: a long tail of units makes an unreadable chart; the table has them all. */
const TOP_N = 15;

type Props = { grouping: Grouping; rows: readonly AppCount[] };

/** Installed per group, the groups with the app only, largest first (the core's order). */
export function SpreadChart({ grouping, rows }: Props) {
  const i18n = useI18n();
  const withApp = useMemo(() => rows.filter((row) => row.installed > 0), [rows]);
  const bars = useMemo<Bar[]>(
    () => withApp.slice(0, TOP_N).map((row) => ({ label: groupLabel(grouping, row.group, i18n), value: row.installed })),
    [withApp, grouping, i18n],
  );
  return (
    <BarChart
      testId="app-spread-chart"
      title={i18n.t(`apps.chart.${grouping}`)}
      subtitle={
        withApp.length > bars.length
          ? i18n.t("apps.chart.topOf", {
              shown: i18n.format.number(bars.length),
              total: i18n.format.number(withApp.length),
            })
          : undefined
      }
      bars={bars}
      locale={i18n.format.locale}
      datasetLabel={i18n.t("apps.chart.dataset")}
      formatNumber={i18n.format.number}
      emptyText={i18n.t("apps.chart.empty")}
    />
  );
}
