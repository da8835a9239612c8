import { useId, useMemo } from "react";
import type { CertificationMatch, FacetValue, FleetSummary } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import type { Translator } from "../i18n/translator";
import { useAppData } from "../shell/appData";
import { InlineError } from "../components/InlineError";
import { facetLabel, facetsOf, topFacets, type FacetContext } from "../fleet/facets";
import type { FilterKey } from "../inventory/viewState";
import { WARRANTY_STATUSES } from "../warranty/status";
import { PoolShortCard } from "../pool/PoolShortCard";
import { BarChart, type Bar } from "./BarChart";
import { FleetReportButtons } from "./FleetReportButtons";

/** Long tails (hundreds of models or units) would make unreadable charts. */
const TOP_N = 15;

const CHARTS = ["os", "manufacturer", "model", "org_unit"] as const satisfies readonly FilterKey[];

const CERTIFICATION_MATCHES = ["certified", "not_certified"] as const satisfies readonly CertificationMatch[];

export function OverviewView() {
  const i18n = useI18n();
  const { summary, reloadSummary, expiringWithinDays } = useAppData();

  return (
    <div className="overview" data-testid="overview">
      <div className="view-toolbar">
        <h1 className="view-heading">{i18n.t("overview.heading")}</h1>
        <FleetReportButtons />
      </div>
      {summary.status === "loading" && <p className="muted">{i18n.t("overview.loading")}</p>}
      {summary.status === "error" && (
        <InlineError messageKey="overview.loadError" error={summary.error} onRetry={reloadSummary} />
      )}
      {summary.status === "ok" && (
        <OverviewContent summary={summary.data} i18n={i18n} expiringWithinDays={expiringWithinDays} />
      )}
    </div>
  );
}

type ContentProps = { summary: FleetSummary; i18n: Translator; expiringWithinDays: number };

function OverviewContent({ summary, i18n, expiringWithinDays }: ContentProps) {
  // Stable while the setting is, so the charts below are not rebuilt on every render.
  const context = useMemo<FacetContext>(() => ({ expiringWithinDays }), [expiringWithinDays]);
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
        const bars: Bar[] = shown.map((facet) => ({
          label: facetLabel(key, facet.value, i18n, context),
          value: facet.count,
        }));
        return { key, bars, truncated: facets.length > shown.length, available: facets.length };
      }),
    [summary, i18n, context],
  );

  const warranty = WARRANTY_STATUSES.map((status) => ({
    value: status,
    label: facetLabel("warranty", status, i18n, context),
    count: countOf(summary.by_warranty, status),
  }));
  const certification = CERTIFICATION_MATCHES.map((match) => ({
    value: match,
    label: i18n.t(`overview.certification.${match}`),
    count: countOf(summary.by_certification, match),
  }));

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
      <CardSection
        heading={i18n.t("overview.warranty.heading")}
        note={i18n.t("overview.warranty.note")}
        kind="warranty"
        cards={warranty}
        share={share}
        i18n={i18n}
      />
      <CardSection
        heading={i18n.t("overview.certification.heading")}
        kind="certification"
        cards={certification}
        share={share}
        i18n={i18n}
      />
      <PoolShortCard />
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

/** The summary leaves out a value no unit has: it counts 0, and its card still shows. */
function countOf(facets: readonly FacetValue[], value: string): number {
  return facets.find((facet) => facet.value === value)?.count ?? 0;
}

type Card = { value: string; label: string; count: number };

type CardSectionProps = {
  heading: string;
  note?: string;
  /** Names the section's class and its cards' testids: `overview-<kind>-<value>`. */
  kind: "warranty" | "certification";
  cards: readonly Card[];
  share: (count: number) => string;
  i18n: Translator;
};

/**
 * Counts by a value the inventory filters by (warranty status, certification), as cards. The
 * counts are the core's own filter counts, so a card and the filtered inventory agree.
 */
function CardSection({ heading, note, kind, cards, share, i18n }: CardSectionProps) {
  const headingId = useId();
  return (
    <section className={`overview-section overview-${kind}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        {heading}
      </h2>
      {note && <p className="muted overview-note">{note}</p>}
      <ul className="kpi-grid">
        {cards.map((card) => (
          <li
            key={card.value}
            className={`kpi-card overview-${kind}-${card.value}`}
            data-testid={`overview-${kind}-${card.value}`}
            data-value={card.count}
          >
            <span className="kpi-label">{card.label}</span>
            <span className="kpi-value">{i18n.format.number(card.count)}</span>
            {share(card.count) && <span className="kpi-note">{share(card.count)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
