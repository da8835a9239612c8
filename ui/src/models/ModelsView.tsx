import { useCallback, useId, useMemo, useRef, useState } from "react";
import { commands, type ModelRow } from "../bindings";
import { useCommand } from "../api/useCommand";
import { InlineError } from "../components/InlineError";
import { TableExport } from "../components/TableExport";
import { useI18n } from "../i18n/I18nContext";
import { useSync } from "../sync/syncContext";
import { CERTIFICATION_STATES, isCertificationState } from "./certificationStatus";
import { filterModels, isFiltered, NO_FILTER, sameModel, type ModelFilter, type ModelKey } from "./modelFilter";
import { ModelPanel } from "./ModelPanel";
import { ModelTable } from "./ModelTable";

/**
 * Every model in the fleet or among the purchases with its hardware certification: how far
 * the three levels have come, and, in the panel beside the table, each step's results.
 */
export function ModelsView() {
  const i18n = useI18n();
  const sync = useSync();
  const formId = useId();
  const loadModels = useCallback(() => commands.models(), []);
  const { state, reload } = useCommand(loadModels, sync.state.registerChanges);
  const [filter, setFilter] = useState<ModelFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ModelKey | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const all = state.status === "ok" ? state.data : null;
  const shown = useMemo(() => (all === null ? [] : filterModels(all, filter)), [all, filter]);
  const selectedRow = all?.find((row) => sameModel(row, selected)) ?? null;

  const onOpen = useCallback((row: ModelRow) => {
    setSelected({ manufacturer: row.manufacturer, model: row.model });
  }, []);
  const onClose = useCallback(() => {
    setSelected(null);
    // Back to the table, on the row the panel was for, so the arrow keys go on from there.
    tableRef.current?.querySelector<HTMLElement>('tbody tr[tabindex="0"]')?.focus();
  }, []);

  return (
    <div className="models" data-testid="models-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("models.heading")}</h1>
          <p className="muted view-intro">{i18n.t("models.intro")}</p>
        </div>
        <div className="view-actions">
          <TableExport
            run={(path, format) => commands.exportModels(path, format)}
            fileName="flotta-modeller"
            hint="models.export.hint" testId="models-export" />
        </div>
      </div>

      <div className="models-toolbar">
        <label className="models-search">
          <span className="field-label">{i18n.t("models.filter.search")}</span>
          <input
            type="search"
            data-testid="models-search"
            value={filter.text}
            placeholder={i18n.t("models.filter.searchPlaceholder")}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setFilter((current) => ({ ...current, text: event.target.value }))}
          />
        </label>
        <div className="models-status-filter">
          <label className="field-label" htmlFor={`${formId}-status`}>
            {i18n.t("models.filter.status")}
          </label>
          <select
            id={`${formId}-status`}
            data-testid="models-status-filter"
            className={filter.state === "all" ? undefined : "active"}
            value={filter.state}
            onChange={(event) => {
              const value = event.target.value;
              setFilter((current) => ({ ...current, state: isCertificationState(value) ? value : "all" }));
            }}
          >
            <option value="all">{i18n.t("models.filter.all")}</option>
            {CERTIFICATION_STATES.map((value) => (
              <option key={value} value={value}>
                {i18n.t(`models.filter.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {isFiltered(filter) && (
          <button
            type="button"
            className="button-secondary"
            data-testid="models-filter-reset"
            onClick={() => setFilter(NO_FILTER)}
          >
            {i18n.t("models.filter.reset")}
          </button>
        )}
        <p
          className="models-count"
          data-testid="models-count"
          data-shown={all === null ? undefined : shown.length}
          data-total={all?.length}
          aria-live="polite"
          aria-atomic="true"
        >
          {all === null
            ? state.status === "loading" && i18n.t("models.loading")
            : shown.length === all.length
              ? i18n.count("models.count", all.length)
              : i18n.t("models.countFiltered", {
                  shown: i18n.format.number(shown.length),
                  total: i18n.format.number(all.length),
                })}
        </p>
      </div>

      {state.status === "error" && (
        <InlineError messageKey="models.loadError" error={state.error} onRetry={reload} testId="models-error" />
      )}

      <div className="models-body">
        <div className="models-main" ref={tableRef}>
          {all !== null && all.length === 0 && (
            <p className="empty-state" data-testid="models-empty">
              {i18n.t("models.empty")}
            </p>
          )}
          {all !== null && all.length > 0 && shown.length === 0 && (
            <p className="empty-state" data-testid="models-no-match">
              {i18n.t("models.noMatch")}
            </p>
          )}
          {shown.length > 0 && <ModelTable rows={shown} selected={selected} onOpen={onOpen} />}
        </div>
        {selected !== null && (
          <ModelPanel
            key={`${selected.manufacturer}\u0000${selected.model}`}
            model={selected}
            row={selectedRow}
            onClose={onClose}
          />
        )}
      </div>
    </div>
  );
}
