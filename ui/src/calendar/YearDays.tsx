import { useCallback, useId, useState } from "react";
import { commands } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { TableExport } from "../components/TableExport";
import { useI18n } from "../i18n/I18nContext";
import { formatDate } from "../purchases/dates";
import { useSync } from "../sync/syncContext";
import { clampYear, dayName, FIRST_YEAR, LAST_YEAR } from "./calendarForm";

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

function weekday(isoDate: string, locale: string): string {
  let format = weekdayFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
    weekdayFormats.set(locale, format);
  }
  const time = Date.parse(`${isoDate}T12:00:00Z`);
  return Number.isNaN(time) ? "" : format.format(time);
}

/**
 * A year's closed days as the SLA clocks count them: Sweden's public holidays and de-facto
 * closed days, and the organisation's own, each saying whether it takes a working day away.
 */
export function YearDays() {
  const i18n = useI18n();
  const sync = useSync();
  const headingId = useId();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const load = useCallback(() => commands.calendarYear(year), [year]);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const locale = i18n.format.locale;
  const step = (by: number) => setYear((current) => clampYear(current + by));

  return (
    <section className="calendar-section" aria-labelledby={headingId}>
      <div className="section-toolbar">
        <h2 id={headingId} className="section-heading">
          {i18n.t("calendar.days.heading", { year })}
        </h2>
        <div className="year-switcher" role="group" aria-label={i18n.t("calendar.year.label")}>
          <button
            type="button"
            className="button-secondary"
            data-testid="calendar-year-previous"
            disabled={year <= FIRST_YEAR}
            aria-label={i18n.t("calendar.year.previous")}
            title={i18n.t("calendar.year.previous")}
            onClick={() => step(-1)}
          >
            ‹
          </button>
          <span className="year-value" data-testid="calendar-year" aria-live="polite">
            {year}
          </span>
          <button
            type="button"
            className="button-secondary"
            data-testid="calendar-year-next"
            disabled={year >= LAST_YEAR}
            aria-label={i18n.t("calendar.year.next")}
            title={i18n.t("calendar.year.next")}
            onClick={() => step(1)}
          >
            ›
          </button>
        </div>
        <TableExport
          run={(path, format) => commands.exportCalendarYear(path, year, format)}
          fileName={`flotta-stangda-dagar-${year}`}
          hint="calendar.export.hint"
          testId="calendar-export"
        />
      </div>
      {state.status === "loading" && <p className="muted">{i18n.t("calendar.days.loading")}</p>}
      {state.status === "error" && (
        <InlineError messageKey="calendar.days.loadError" error={state.error} onRetry={reload} testId="calendar-days-error" />
      )}
      {state.status === "ok" && (
        <div className="table-card calendar-table-card">
          <table className="data-table calendar-table" aria-labelledby={headingId} data-testid="calendar-days">
            <thead>
              <tr>
                <th scope="col">{i18n.t("calendar.column.date")}</th>
                <th scope="col">{i18n.t("calendar.column.weekday")}</th>
                <th scope="col">{i18n.t("calendar.column.name")}</th>
                <th scope="col">{i18n.t("calendar.column.effect")}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((day) => (
                <tr
                  key={`${day.date}-${day.holiday ?? "own"}`}
                  data-testid="calendar-day"
                  data-date={day.date}
                  data-holiday={day.holiday ?? undefined}
                  className={day.on_weekday ? undefined : "calendar-weekend"}
                >
                  <td className="nowrap">
                    <time dateTime={day.date}>{formatDate(day.date, locale)}</time>
                  </td>
                  <td>{weekday(day.date, locale)}</td>
                  <td>
                    {dayName(day, i18n.t)}
                    {day.holiday === null && <span className="tag tag-muted">{i18n.t("calendar.own")}</span>}
                  </td>
                  <td className={day.on_weekday ? undefined : "tone-muted"}>
                    {i18n.t(day.on_weekday ? "calendar.onWeekday" : "calendar.onWeekend")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
