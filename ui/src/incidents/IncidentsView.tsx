import { useCallback, useId, useMemo, useRef, useState } from "react";
import { commands, type IncidentView } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { TableExport } from "../components/TableExport";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { useIncidentDesk } from "./incidentDesk";
import { IncidentImportDialog } from "./IncidentImportDialog";
import { IncidentPanel } from "./IncidentPanel";
import { INCIDENT_SHOWS, incidentQuery, type IncidentShow } from "./incidentQuery";
import { IncidentTable } from "./IncidentTable";
import { categoryName } from "./labels";
import { useCategories } from "./useIncidentSettings";

/**
 * The helpdesk's support cases with how each stands against its agreement, the open ones first,
 * and beside them the open case's panel, where its steps are recorded.
 */
export function IncidentsView() {
  const i18n = useI18n();
  const sync = useSync();
  const desk = useIncidentDesk();
  const formId = useId();
  const tableRef = useRef<HTMLDivElement>(null);
  const [show, setShow] = useState<IncidentShow>("open");
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const categories = useCategories();
  // The export writes the cases the list's filter selects, every one of them, not only those shown.
  const query = useMemo(() => incidentQuery(show, categoryId), [show, categoryId]);
  const load = useCallback(() => commands.incidents(query), [query]);
  const { state, reload } = useCommand(load, sync.state.registerChanges);
  const list = state.status === "ok" ? state.data : null;
  const { closeIncident, showIncident } = desk;

  const onOpen = useCallback((row: IncidentView) => showIncident(row.id), [showIncident]);
  const onClose = useCallback(() => {
    closeIncident();
    // Back to the table, on the row the panel was for, so the arrow keys go on from there.
    tableRef.current?.querySelector<HTMLElement>('tbody tr[tabindex="0"]')?.focus();
  }, [closeIncident]);

  return (
    <div className="repairs incidents" data-testid="incidents-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("incidents.heading")}</h1>
          <p className="muted view-intro">{i18n.t("incidents.intro")}</p>
        </div>
        <div className="view-actions">
          <TableExport
            run={(path, format) => commands.exportIncidents(path, query, format)}
            fileName="flotta-supportarenden"
            hint="incidents.export.hint"
            testId="incidents-export"
          />
          <button type="button" className="button-secondary" data-testid="incidents-import" onClick={() => setImporting(true)}>
            {i18n.t("incidents.import.open")}
          </button>
          <button type="button" className="button-primary" data-testid="incidents-new" onClick={() => desk.logIncident(null)}>
            {i18n.t("incidents.new.open")}
          </button>
        </div>
      </div>

      <div className="repairs-toolbar">
        <fieldset className="segmented" data-testid="incidents-show">
          <legend className="visually-hidden">{i18n.t("incidents.show.label")}</legend>
          {INCIDENT_SHOWS.map((value) => (
            <label key={value} className={show === value ? "segment active" : "segment"}>
              <input
                type="radio"
                className="visually-hidden"
                name={`${formId}-show`}
                data-testid={`incidents-show-${value}`}
                checked={show === value}
                onChange={() => setShow(value)}
              />
              <span>{i18n.t(`incidents.show.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="repairs-sla-filter">
          <label className="field-label" htmlFor={`${formId}-category`}>
            {i18n.t("incidents.filter.category")}
          </label>
          <select
            id={`${formId}-category`}
            data-testid="incidents-category"
            className={categoryId === null ? undefined : "active"}
            value={categoryId ?? ""}
            onChange={(event) => setCategoryId(event.target.value === "" ? null : Number(event.target.value))}
          >
            <option value="">{i18n.t("incidents.filter.allCategories")}</option>
            {categories.state.status === "ok" &&
              categories.state.data.map(({ label }) => (
                <option key={label.id} value={label.id}>
                  {label.retired
                    ? i18n.t("incidents.category.retiredOption", { name: categoryName(label, i18n.language) })
                    : categoryName(label, i18n.language)}
                </option>
              ))}
          </select>
        </div>
        <p className="repairs-count" data-testid="incidents-count" data-total={list?.total} aria-live="polite" aria-atomic="true">
          {list === null
            ? state.status === "loading" && i18n.t("incidents.loading")
            : list.rows.length < list.total
              ? i18n.t("repairs.truncated", {
                  shown: i18n.format.number(list.rows.length),
                  total: i18n.format.number(list.total),
                })
              : i18n.count("incidents.count", list.total)}
        </p>
      </div>

      {state.status === "error" && (
        <InlineError messageKey="incidents.loadError" error={state.error} onRetry={reload} testId="incidents-error" />
      )}
      {categories.state.status === "error" && (
        <InlineError messageKey="incidents.categoriesError" error={categories.state.error} onRetry={categories.reload} />
      )}

      <div className="repairs-body">
        <div className="repairs-main" ref={tableRef}>
          {list !== null && list.rows.length === 0 && (
            <p className="empty-state" data-testid="incidents-empty">
              {i18n.t(`incidents.empty.${show}`)}
            </p>
          )}
          {list !== null && list.rows.length > 0 && (
            <IncidentTable rows={list.rows} selected={desk.shownIncident} onOpen={onOpen} />
          )}
        </div>
        {desk.shownIncident !== null && (
          <IncidentPanel
            key={desk.shownIncident}
            incidentId={desk.shownIncident}
            focusRequest={desk.focusRequest}
            onClose={onClose}
          />
        )}
      </div>

      {importing && <IncidentImportDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
