import { useMemo } from "react";
import type { FleetSummary } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import type { Translator } from "../i18n/translator";
import { useAppData } from "../shell/appData";
import { InlineError } from "../components/InlineError";
import { facetLabel, facetsOf, topFacets } from "../fleet/facets";
import type { FilterKey } from "../inventory/viewState";
import { BarChart, type Bar } from "./BarChart";

/** Long tails (hundreds of models or units) would make unreadable charts. */
const TOP_N = 15;

const CHARTS = ["os", "manufacturer", "model", "org_unit"] as const satisfies readonly FilterKey[];

export function OverviewView() {
  const i18n = useI18n();
  const { summary, reloadSummary } = useAppData();

  return (
    <div className="overview" data-testid="overview">
      <h1 className="view-heading">{i18n.t("overview.heading")}</h1>
      {summary.status === "loading" && <p className="muted">{i18n.t("overview.loading")}</p>}
      {summary.status === "error" && (
        <InlineError messageKey="overview.loadError" error={summary.error} onRetry={reloadSummary} />
      )}
      {summary.status === "ok" && <OverviewContent summary={summary.data} i18n={i18n} />}
    </div>
  );
}

function OverviewContent({ summary, i18n }: { summary: FleetSummary; i18n: Translator }) {
  const share = (count: number) =>
    summary.total > 0 ? i18n.t("overview.kpi.share", { percent: i18n.format.percent(count / summary.total) }) : "";

  const kpis = [
    { id: "total", label: i18n.t("overview.kpi.total"), value: summary.total, note: "" },
    { id: "personal", label: i18n.t("overview.kpi.personal"), value: summary.personal, note: share(summary.personal) },
    { id: "jailbroken", label: i18n.t("overview.kpi.jailbroken"), value: summary.jailbroken, note: share(summary.jailbroken) },
    { id: "stale", label: i18n.t("overview.kpi.stale"), value: summary.stale, note: share(summary.stale) },
  ];

  const charts = useMemo(
    () =>
      CHARTS.map((key) => {
        const facets = facetsOf(summary, key);
        const shown = topFacets(facets, TOP_N);
        const bars: Bar[] = shown.map((facet) => ({ label: facetLabel(key, facet.value, i18n), value: facet.count }));
        return { key, bars, truncated: facets.length > shown.length, available: facets.length };
      }),
    [summary, i18n],
  );

  return (
    <>
      <ul className="kpi-grid">
        {kpis.map((kpi) => (
          <li key={kpi.id} className={`kpi-card kpi-${kpi.id}`}>
            <span className="kpi-label">{kpi.label}</span>
            <span className="kpi-value" data-testid={`kpi-${kpi.id}`} data-value={kpi.value}>
              {i18n.format.number(kpi.value)}
            </span>
            {kpi.note && <span className="kpi-note">{kpi.note}</span>}
          </li>
        ))}
      </ul>
      <div className="chart-grid">
        {charts.map((chart) => (
          <BarChart
            key={chart.key}
            testId={`chart-${chart.key}`}
            title={i18n.t(`overview.chart.${chart.key}`)}
            subtitle={
              chart.truncated
                ? i18n.t("overview.chart.topOf", {
                    shown: i18n.format.number(chart.bars.length),
                    total: i18n.format.number(chart.available),
                  })
                : undefined
            }
            bars={chart.bars}
            locale={i18n.format.locale}
            datasetLabel={i18n.t("overview.chart.dataset")}
            formatNumber={i18n.format.number}
            emptyText={i18n.t("overview.chart.empty")}
          />
        ))}
      </div>
    </>
  );
}
