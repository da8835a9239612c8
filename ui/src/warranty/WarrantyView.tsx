import { useCallback, useId, useMemo, useState } from "react";
import { commands, type DueCount, type WarrantyOverview } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import type { Translator } from "../i18n/translator";
import { useRovingRows } from "../lib/useRovingRows";
import { BarChart, type Bar } from "../overview/BarChart";
import { useSync } from "../sync/syncContext";
import {
  FORECAST_SPLITS,
  forecastGroups,
  formatDay,
  quarterKey,
  quarterLabel,
  totalUnits,
  type ForecastSplit,
} from "./forecast";
import { formatSek } from "../lib/money";

const STATUSES = ["active", "expiring", "expired", "unknown"] as const;

/**
 * The bought units' warranties today, and when units fall due for replacement: per quarter
 * over the next two years, with what replacing them costs, for the budget.
 */
export function WarrantyView() {
  const i18n = useI18n();
  const sync = useSync();
  const load = useCallback(() => commands.warrantyOverview(), []);
  const { state, reload } = useCommand(load, sync.state.registerChanges);

  return (
    <div className="warranty" data-testid="warranty-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("warranty.heading")}</h1>
          <p className="muted view-intro">{i18n.t("warranty.intro")}</p>
        </div>
      </div>
      {state.status === "loading" && <p className="muted">{i18n.t("warranty.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="warranty.loadError" error={state.error} onRetry={reload} testId="warranty-error" />
      )}
      {state.status === "ok" && <WarrantyContent overview={state.data} i18n={i18n} />}
    </div>
  );
}

function WarrantyContent({ overview, i18n }: { overview: WarrantyOverview; i18n: Translator }) {
  const bought = overview.active + overview.expiring + overview.expired + overview.unknown;
  if (bought === 0) {
    return (
      <p className="empty-state" data-testid="warranty-empty">
        {i18n.t("warranty.empty")}
      </p>
    );
  }

  const share = (count: number) => i18n.t("warranty.kpi.share", { percent: i18n.format.percent(count / bought) });
  const days = i18n.format.number(overview.expiring_within_days);

  return (
    <>
      <p className="muted warranty-today" data-testid="warranty-today">
        {i18n.t("warranty.today", { date: formatDay(overview.today, i18n.format.locale) })}
      </p>
      <ul className="kpi-grid warranty-kpis">
        {STATUSES.map((status) => (
          <li
            key={status}
            className={`kpi-card warranty-kpi-${status}`}
            data-testid={`warranty-kpi-${status}`}
            data-value={overview[status]}
          >
            <span className="kpi-label">{i18n.t(`warranty.kpi.${status}`, { days })}</span>
            <span className="kpi-value">{i18n.format.number(overview[status])}</span>
            <span className="kpi-note">{share(overview[status])}</span>
          </li>
        ))}
      </ul>
      <Forecast overview={overview} i18n={i18n} />
    </>
  );
}

function Forecast({ overview, i18n }: { overview: WarrantyOverview; i18n: Translator }) {
  const { quarters, undated } = overview.forecast;
  const headingId = useId();
  const splitName = useId();
  const [split, setSplit] = useState<ForecastSplit>("none");
  const locale = i18n.format.locale;

  // Memoised: a new array would rebuild the chart.
  const bars = useMemo<Bar[]>(
    () =>
      totalUnits(quarters) === 0
        ? []
        : quarters.map((quarter) => ({ label: quarterLabel(quarter.quarter, i18n), value: quarter.total.units })),
    [quarters, i18n],
  );

  return (
    <section className="forecast" aria-labelledby={headingId} data-testid="forecast">
      <h2 id={headingId} className="section-heading">
        {i18n.t("warranty.forecast.heading")}
      </h2>
      <BarChart
        testId="forecast-chart"
        title={i18n.t("warranty.forecast.chart")}
        bars={bars}
        locale={locale}
        datasetLabel={i18n.t("warranty.forecast.dataset")}
        formatNumber={i18n.format.number}
        emptyText={i18n.t("warranty.forecast.none")}
      />
      <div className="forecast-notes">
        <p data-testid="forecast-rule">{i18n.t("warranty.forecast.rule")}</p>
        <p>{i18n.t("warranty.forecast.overdue")}</p>
        <p data-testid="forecast-undated" data-count={undated} className={undated > 0 ? "tone-warn" : undefined}>
          {undated > 0 ? i18n.count("warranty.forecast.undated", undated) : i18n.t("warranty.forecast.allDated")}
        </p>
      </div>

      <div className="section-toolbar forecast-toolbar">
        <fieldset className="segmented" data-testid="forecast-split">
          <legend className="visually-hidden">{i18n.t("warranty.split.label")}</legend>
          {FORECAST_SPLITS.map((option) => (
            <label key={option} className={option === split ? "segment active" : "segment"}>
              <input
                type="radio"
                className="visually-hidden"
                name={splitName}
                data-testid={`forecast-split-${option}`}
                checked={option === split}
                onChange={() => setSplit(option)}
              />
              <span>{i18n.t(`warranty.split.${option}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <ForecastTable overview={overview} split={split} i18n={i18n} />
    </section>
  );
}

/** Arrow keys walk the quarters; there is nothing to open. */
const NOTHING_TO_OPEN = () => undefined;

function ForecastTable({ overview, split, i18n }: { overview: WarrantyOverview; split: ForecastSplit; i18n: Translator }) {
  const { quarters } = overview.forecast;
  const hintId = useId();
  const { rowProps, onKeyDown } = useRovingRows(quarters.length, NOTHING_TO_OPEN);
  const locale = i18n.format.locale;
  const cost = (count: DueCount) => (count.cost_ore === null ? i18n.t("value.none") : formatSek(count.cost_ore, locale));
  const groupName = (name: string) => {
    if (name !== "") return name;
    return i18n.t(split === "org_unit" ? "warranty.group.noOrgUnit" : "warranty.group.noModel");
  };

  return (
    <div className="table-card forecast-table-card">
      <p id={hintId} className="visually-hidden">
        {i18n.t("warranty.table.keyboardHint")}
      </p>
      <table
        className="data-table forecast-table"
        aria-label={i18n.t("warranty.table.label")}
        aria-describedby={hintId}
      >
        <thead>
          <tr>
            <th scope="col">
              {split === "none" ? i18n.t("warranty.column.quarter") : i18n.t(`warranty.column.${split}`)}
            </th>
            <th scope="col" className="num">
              {i18n.t("warranty.column.units")}
            </th>
            <th scope="col" className="num">
              {i18n.t("warranty.column.cost")}
            </th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {quarters.map((quarter, index) => {
            const key = quarterKey(quarter.quarter);
            const groups = forecastGroups(quarter, split);
            return [
              <tr
                key={key}
                {...rowProps(index)}
                className={split === "none" ? "forecast-row" : "forecast-row forecast-quarter-head"}
                data-testid="forecast-row"
                data-quarter={key}
                data-units={quarter.total.units}
                data-cost-ore={quarter.total.cost_ore ?? ""}
              >
                <th scope="row">{quarterLabel(quarter.quarter, i18n)}</th>
                <td className="num">{i18n.format.number(quarter.total.units)}</td>
                <td className="num nowrap">{cost(quarter.total)}</td>
              </tr>,
              ...groups.map(([name, count]) => (
                <tr
                  key={`${key}-${split}-${name}`}
                  className="forecast-group-row"
                  data-testid="forecast-group-row"
                  data-quarter={key}
                  data-group={name}
                  data-units={count.units}
                >
                  <td className={name === "" ? "forecast-group muted" : "forecast-group"}>{groupName(name)}</td>
                  <td className="num">{i18n.format.number(count.units)}</td>
                  <td className="num nowrap">{cost(count)}</td>
                </tr>
              )),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
