import { useCallback, useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { commands, type AuditRecord, type TableFormat } from "../bindings";
import { useCommand } from "../api/useCommand";
import { TableExport } from "../components/TableExport";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import type { Translator } from "../i18n/translator";
import { debounce } from "../lib/debounce";
import { useRovingRows } from "../lib/useRovingRows";
import { useSync } from "../sync/syncContext";
import {
  AUDIT_ENTITIES,
  AUDIT_VIEW_LIMIT,
  EMPTY_AUDIT_FORM,
  isFiltered,
  rangeInverted,
  toAuditFilter,
  type AuditFilterForm,
} from "./auditFilter";
import { actionLabel, changeValueLabel, fieldLabel, recordLabel } from "./auditLabels";
import { changes } from "./changes";

/** Long enough to skip a query per keystroke, short enough to feel immediate. */
const TEXT_DEBOUNCE_MS = 300;

type TextField = "actor" | "entityId" | "text";

/**
 * Who changed what in the register, and when: the audit log searched by who, which record,
 * a field or value and a period, newest first, and exported as CSV for Excel.
 */
export function AuditView() {
  const i18n = useI18n();
  const sync = useSync();
  // What the form shows at once, and what was last asked for (text waits for a pause in typing).
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_AUDIT_FORM);
  const [query, setQuery] = useState<AuditFilterForm>(EMPTY_AUDIT_FORM);
  const [debounced] = useState(() => debounce((next: AuditFilterForm) => setQuery(next), TEXT_DEBOUNCE_MS));
  useEffect(() => () => debounced.cancel(), [debounced]);

  const filter = useMemo(() => toAuditFilter(query), [query]);
  const load = useCallback(() => commands.auditLog(filter), [filter]);
  const { state, reload } = useCommand(load, sync.state.registerChanges);


  const setText = (field: TextField, value: string) => {
    const next = { ...form, [field]: value };
    setForm(next);
    debounced(next);
  };
  // Enter asks at once instead of waiting for the pause.
  const flushOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") debounced.flush();
  };
  const setAtOnce = (part: Partial<AuditFilterForm>) => {
    const next = { ...form, ...part };
    debounced.cancel();
    setForm(next);
    setQuery(next);
  };

  // The file holds what the form says, even if the table has not caught up with the typing yet.
  const exportTable = (path: string, format: TableFormat) => {
    debounced.flush();
    return commands.exportAudit(path, toAuditFilter(form), format);
  };

  const ids = {
    actor: useId(),
    entity: useId(),
    entityId: useId(),
    text: useId(),
    from: useId(),
    until: useId(),
  };
  const inverted = rangeInverted(form);
  const rows = state.status === "ok" ? state.data : null;

  return (
    <div className="audit" data-testid="audit-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("audit.heading")}</h1>
          <p className="muted view-intro">{i18n.t("audit.intro")}</p>
        </div>
        <TableExport run={exportTable} fileName="flotta-granskningslogg" hint="audit.export.hint" testId="audit-export" />
      </div>

      <fieldset className="filter-bar audit-filters">
        <legend className="visually-hidden">{i18n.t("audit.filter.label")}</legend>
        <div className="filter">
          <label className="field-label" htmlFor={ids.actor}>
            {i18n.t("audit.filter.actor")}
          </label>
          <input
            id={ids.actor}
            type="text"
            data-testid="audit-filter-actor"
            value={form.actor}
            placeholder={i18n.t("audit.filter.actorPlaceholder")}
            title={i18n.t("audit.filter.actorHint")}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setText("actor", event.target.value)}
            onKeyDown={flushOnEnter}
          />
        </div>
        <div className="filter">
          <label className="field-label" htmlFor={ids.entity}>
            {i18n.t("audit.filter.kind")}
          </label>
          <select
            id={ids.entity}
            data-testid="audit-filter-entity"
            className={form.entity === "" ? undefined : "active"}
            value={form.entity}
            onChange={(event) => setAtOnce({ entity: event.target.value })}
          >
            <option value="">{i18n.t("audit.filter.kind.all")}</option>
            {AUDIT_ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {i18n.t(`audit.filter.kind.${entity}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter audit-filter-narrow">
          <label className="field-label" htmlFor={ids.entityId}>
            {i18n.t("audit.filter.id")}
          </label>
          <input
            id={ids.entityId}
            type="text"
            data-testid="audit-filter-id"
            value={form.entityId}
            title={i18n.t("audit.filter.idHint")}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setText("entityId", event.target.value)}
            onKeyDown={flushOnEnter}
          />
        </div>
        <div className="filter audit-filter-wide">
          <label className="field-label" htmlFor={ids.text}>
            {i18n.t("audit.filter.text")}
          </label>
          <input
            id={ids.text}
            type="text"
            data-testid="audit-filter-text"
            value={form.text}
            placeholder={i18n.t("audit.filter.textPlaceholder")}
            title={i18n.t("audit.filter.textHint")}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setText("text", event.target.value)}
            onKeyDown={flushOnEnter}
          />
        </div>
        <div className="filter audit-filter-date">
          <label className="field-label" htmlFor={ids.from}>
            {i18n.t("audit.filter.from")}
          </label>
          <input
            id={ids.from}
            type="date"
            data-testid="audit-filter-from"
            value={form.from}
            max={form.until || undefined}
            aria-invalid={inverted || undefined}
            onChange={(event) => setAtOnce({ from: event.target.value })}
          />
        </div>
        <div className="filter audit-filter-date">
          <label className="field-label" htmlFor={ids.until}>
            {i18n.t("audit.filter.until")}
          </label>
          <input
            id={ids.until}
            type="date"
            data-testid="audit-filter-until"
            value={form.until}
            min={form.from || undefined}
            aria-invalid={inverted || undefined}
            onChange={(event) => setAtOnce({ until: event.target.value })}
          />
        </div>
        <button
          type="button"
          className="button-secondary filters-reset"
          data-testid="audit-filter-reset"
          disabled={!isFiltered(form)}
          onClick={() => setAtOnce(EMPTY_AUDIT_FORM)}
        >
          {i18n.t("audit.filter.reset")}
        </button>
      </fieldset>
      {inverted && (
        <p className="field-problem" role="alert" data-testid="audit-range-inverted">
          {i18n.t("audit.filter.rangeInverted")}
        </p>
      )}

      <p className="audit-count" data-testid="audit-count" aria-live="polite" aria-atomic="true">
        {state.status === "loading" && <span className="muted">{i18n.t("audit.loading")}</span>}
        {rows !== null && rows.length > 0 && (
          <span data-count={rows.length}>
            {rows.length >= AUDIT_VIEW_LIMIT
              ? i18n.t("audit.truncated", { count: i18n.format.number(rows.length) })
              : i18n.count("audit.count", rows.length)}
          </span>
        )}
      </p>

      {state.status === "error" && (
        <InlineError messageKey="audit.loadError" error={state.error} onRetry={reload} testId="audit-error" />
      )}
      {rows !== null && rows.length === 0 && (
        <p className="empty-state" data-testid="audit-empty">
          {i18n.t(isFiltered(query) ? "audit.emptyFiltered" : "audit.empty")}
        </p>
      )}
      {rows !== null && rows.length > 0 && <AuditTable rows={rows} i18n={i18n} />}
    </div>
  );
}

/** Arrow keys walk the entries; there is nothing to open, the row says it all. */
const NOTHING_TO_OPEN = () => undefined;

function AuditTable({ rows, i18n }: { rows: readonly AuditRecord[]; i18n: Translator }) {
  const hintId = useId();
  const { rowProps, onKeyDown } = useRovingRows(rows.length, NOTHING_TO_OPEN);

  return (
    <div className="table-card">
      <p id={hintId} className="visually-hidden">
        {i18n.t("audit.table.keyboardHint")}
      </p>
      <table className="data-table audit-table" aria-label={i18n.t("audit.table.label")} aria-describedby={hintId}>
        <thead>
          <tr>
            <th scope="col">{i18n.t("audit.column.at")}</th>
            <th scope="col">{i18n.t("audit.column.actor")}</th>
            <th scope="col">{i18n.t("audit.column.action")}</th>
            <th scope="col">{i18n.t("audit.column.record")}</th>
            <th scope="col">{i18n.t("audit.column.change")}</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {rows.map((record, index) => (
            <tr
              key={record.id}
              {...rowProps(index)}
              className="audit-row"
              data-testid="audit-row"
              data-id={record.id}
              data-action={record.action}
              data-entity={record.entity}
              data-entity-id={record.entity_id ?? ""}
            >
              <td className="nowrap">
                <time dateTime={record.at}>{i18n.format.dateTime(record.at)}</time>
              </td>
              <td>{record.actor}</td>
              <td className="nowrap" title={record.action}>
                {actionLabel(record.action, i18n)}
              </td>
              <td className="nowrap">{recordLabel(record.entity, record.entity_id, i18n)}</td>
              <td className="audit-change">
                <ChangeList record={record} i18n={i18n} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangeList({ record, i18n }: { record: AuditRecord; i18n: Translator }) {
  const found = changes(record.before, record.after);
  if (found.kind === "raw") {
    return (
      <span className="audit-raw mono" data-testid="audit-raw">
        {record.before !== null && record.after !== null ? (
          <>
            <span className="audit-before">{record.before}</span>
            <Arrow i18n={i18n} />
            <span className="audit-after">{record.after}</span>
          </>
        ) : (
          (record.before ?? record.after)
        )}
      </span>
    );
  }
  if (found.changes.length === 0) return <span className="muted">{i18n.t("value.none")}</span>;
  // An entry without a before side (an import, a sync) records values, not changes.
  const onlyAfter = record.before === null;
  return (
    <ul className="audit-changes">
      {found.changes.map((change) => {
        const label = fieldLabel(change.field, i18n);
        return (
          <li key={change.field} data-testid="audit-change" data-field={change.field}>
            {label !== "" && (
              <span className="audit-field" title={change.field}>
                {label}:{" "}
              </span>
            )}
            {/* A context key (the step a tick is for) names what changed: its value alone. */}
            {!onlyAfter && change.before !== change.after && (
              <>
                <span className="audit-before">{changeValueLabel(change.field, change.before, i18n)}</span>
                <Arrow i18n={i18n} />
              </>
            )}
            <span className="audit-after">{changeValueLabel(change.field, change.after, i18n)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function Arrow({ i18n }: { i18n: Translator }) {
  return (
    <>
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden"> {i18n.t("audit.changedTo")} </span>
    </>
  );
}
