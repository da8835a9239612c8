import { useCallback, useId, useMemo, useState, type FormEvent } from "react";
import { commands, type DueCount, type ErrorPayload, type WarrantyOverview } from "../bindings";
import { call } from "../api/call";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { TableExport } from "../components/TableExport";
import { useI18n } from "../i18n/I18nContext";
import type { Translator } from "../i18n/translator";
import { useRovingRows } from "../lib/useRovingRows";
import { BarChart, type Bar } from "../overview/BarChart";
import { useAppData } from "../shell/appData";
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
import {
  MAX_EXPIRING_WITHIN_DAYS,
  MIN_EXPIRING_WITHIN_DAYS,
  WARRANTY_STATUSES,
  parseExpiringWithinDays,
} from "./status";

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
        <div className="view-actions">
          <NoticePeriod />
          <TableExport
            run={(path, format) => commands.exportWarrantyForecast(path, format)}
            fileName="flotta-ersattningsprognos"
            hint="warranty.export.hint"
            testId="warranty-export"
          />
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

type SaveState =
  | { readonly status: "idle" }
  | { readonly status: "saving" }
  | { readonly status: "saved" }
  | { readonly status: "error"; readonly error: ErrorPayload };

/**
 * The organisation's notice period: how many days before its end a warranty counts as
 * expiring. It decides the cards here, the overview's counts and the inventory's warranty
 * filter and tint, so a saved change has them all read again.
 */
function NoticePeriod() {
  const i18n = useI18n();
  const { edited } = useSync();
  const { expiringWithinDays, onExpiringWithinDaysSaved } = useAppData();
  const id = useId();
  const [draft, setDraft] = useState(() => String(expiringWithinDays));
  // The range is pointed out once the user leaves the field or saves, not while a number is typed.
  const [checked, setChecked] = useState(false);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const days = parseExpiringWithinDays(draft);
  // The core checks the range again; its refusal is worded as the field's own problem.
  const refused = save.status === "error" && save.error.code === "invalid_input";
  const problem =
    (checked && days === null) || refused
      ? i18n.t("warranty.notice.invalid", {
          min: i18n.format.number(MIN_EXPIRING_WITHIN_DAYS),
          max: i18n.format.number(MAX_EXPIRING_WITHIN_DAYS),
        })
      : null;
  const saving = save.status === "saving";

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (days === null || saving) return;
    if (days === expiringWithinDays) {
      setSave({ status: "saved" });
      return;
    }
    setSave({ status: "saving" });
    void call(() => commands.setExpiringWithinDays(days)).then((result) => {
      if (result.status === "error") {
        setSave({ status: "error", error: result.error });
        return;
      }
      setSave({ status: "saved" });
      onExpiringWithinDaysSaved(days);
      // Not an edit of a unit, but every count and filter by warranty status has changed: the
      // views that read the register (this one, the overview, the inventory) read it again.
      edited();
    });
  };

  return (
    <form className="notice-period" onSubmit={onSubmit} noValidate data-testid="warranty-notice">
      <label className="field-label" htmlFor={id}>
        {i18n.t("warranty.notice.label")}
      </label>
      <div className="notice-period-row">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={MIN_EXPIRING_WITHIN_DAYS}
          max={MAX_EXPIRING_WITHIN_DAYS}
          step={1}
          className="notice-period-days"
          data-testid="warranty-notice-days"
          value={draft}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-hint ${id}-problem`}
          onChange={(event) => {
            setDraft(event.target.value);
            if (save.status !== "saving") setSave({ status: "idle" });
          }}
          onBlur={() => setChecked(true)}
        />
        <span>{i18n.t("warranty.notice.unit")}</span>
        <button type="submit" className="button-secondary" data-testid="warranty-notice-save" disabled={saving}>
          {i18n.t(saving ? "warranty.notice.saving" : "warranty.notice.save")}
        </button>
        <span className="tone-good notice-period-saved" role="status">
          {save.status === "saved" ? i18n.t("warranty.notice.saved") : ""}
        </span>
      </div>
      <span
        id={`${id}-problem`}
        className="field-problem"
        data-testid="warranty-notice-problem"
        role={problem ? "alert" : undefined}
      >
        {problem}
      </span>
      <span id={`${id}-hint`} className="field-hint">
        {i18n.t("warranty.notice.hint")}
      </span>
      {save.status === "error" && !refused && (
        <InlineError messageKey="warranty.notice.saveError" error={save.error} testId="warranty-notice-error" />
      )}
    </form>
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
        {WARRANTY_STATUSES.map((status) => (
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
