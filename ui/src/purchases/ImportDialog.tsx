import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from "react";
import {
  commands,
  type ErrorPayload,
  type ImportOptions,
  type MappedColumn,
  type PurchaseImportPreview,
  type PurchaseImportResult,
} from "../bindings";
import { call, toErrorPayload, type CommandResult } from "../api/call";
import { Dialog, DialogHeader } from "../components/Dialog";
import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { useI18n } from "../i18n/I18nContext";
import { debounce } from "../lib/debounce";
import { useSync } from "../sync/syncContext";
import { formatDate } from "./dates";
import {
  checkImportFile,
  CLI_IMPORT_COMMAND,
  fileBytes,
  formatMegabytes,
  IMPORT_ACCEPT,
  MAX_IMPORT_BYTES,
} from "./importFile";
import { delimiterText, encodingKey, fieldKey, mappingSourceKey, missingText, problemKey } from "./labels";
import { importOptions, isPurchaseField, PURCHASE_FIELDS, setColumnField } from "./mapping";
import { formatOre } from "../lib/money";

type Props = { onClose: () => void };

/** A file that was read, as the commands take it. */
type PickedFile = { readonly name: string; readonly bytes: number[] };

type FileState =
  | { readonly status: "none" }
  | { readonly status: "reading"; readonly name: string }
  | { readonly status: "too_large"; readonly name: string; readonly size: number }
  | { readonly status: "error"; readonly error: ErrorPayload }
  | { readonly status: "ready"; readonly file: PickedFile };

/** One preview asked for: the file and the options it is read with. */
type PreviewRequest = { readonly file: PickedFile; readonly options: ImportOptions };

type CommitState =
  | { readonly status: "idle" }
  | { readonly status: "committing" }
  | { readonly status: "error"; readonly error: ErrorPayload }
  | { readonly status: "done"; readonly result: PurchaseImportResult };

/** Typing a supplier reads the file again once the typing pauses. */
const SUPPLIER_DEBOUNCE_MS = 500;
/** A file can refuse thousands of rows; the first ones show what to correct. */
const MAX_PROBLEMS_SHOWN = 200;
const MAX_FORMULAS_SHOWN = 50;

/**
 * Reads a supplier's delivery file, shows what importing it would do (the columns, which can be
 * changed, the rows it refuses and why) and imports the acceptable lines. Nothing is written
 * before the user confirms; the import then uses exactly the file and columns previewed.
 */
export function ImportDialog({ onClose }: Props) {
  const i18n = useI18n();
  const { edited } = useSync();
  const formId = useId();
  const titleId = `${formId}-title`;
  const [fileState, setFileState] = useState<FileState>({ status: "none" });
  // Bumped to empty the file input for another file.
  const [inputKey, setInputKey] = useState(0);
  const reads = useRef(0);
  const [supplier, setSupplier] = useState("");
  const [supplierApplied, setSupplierApplied] = useState("");
  const [applySupplier] = useState(() => debounce((value: string) => setSupplierApplied(value), SUPPLIER_DEBOUNCE_MS));
  // The columns as the user changed them; `null` until then, for the core to choose.
  const [mapping, setMapping] = useState<readonly MappedColumn[] | null>(null);
  const [answer, setAnswer] = useState<{
    readonly request: PreviewRequest;
    readonly result: CommandResult<PurchaseImportPreview>;
  } | null>(null);
  // The last preview that succeeded, kept on screen while the next one is read.
  const [shown, setShown] = useState<{ readonly request: PreviewRequest; readonly preview: PurchaseImportPreview } | null>(
    null,
  );
  const [commit, setCommit] = useState<CommitState>({ status: "idle" });

  useEffect(() => () => applySupplier.cancel(), [applySupplier]);

  const file = fileState.status === "ready" ? fileState.file : null;
  const options = useMemo(() => importOptions(supplierApplied, mapping), [supplierApplied, mapping]);
  const request = useMemo<PreviewRequest | null>(() => (file === null ? null : { file, options }), [file, options]);

  useEffect(() => {
    if (request === null) return;
    let current = true;
    void call(() =>
      commands.previewPurchaseImport(request.file.name, request.file.bytes, request.options),
    ).then((result) => {
      if (!current) return;
      setAnswer({ request, result });
      if (result.status === "ok") setShown({ request, preview: result.data });
    });
    return () => {
      current = false;
    };
  }, [request]);

  // Only what was read from this file counts; an answer about the previous one is history.
  const latest = answer !== null && file !== null && answer.request.file === file ? answer : null;
  const visible = shown !== null && file !== null && shown.request.file === file ? shown.preview : null;
  const checking = request !== null && (latest === null || latest.request !== request);
  const supplierPending = supplier.trim() !== supplierApplied.trim();
  const current = !checking && !supplierPending && latest !== null && latest.result.status === "ok" ? latest : null;
  const ready = current !== null && current.result.status === "ok" ? current.result.data : null;
  const previewError = !checking && latest !== null && latest.result.status === "error" ? latest.result.error : null;
  const committing = commit.status === "committing";
  const canCommit = ready !== null && ready.to_add > 0 && ready.missing.length === 0 && !committing;

  const resetFor = (next: FileState) => {
    reads.current += 1;
    setFileState(next);
    setMapping(null);
    setCommit({ status: "idle" });
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    if (picked === undefined) {
      resetFor({ status: "none" });
      return;
    }
    const check = checkImportFile(picked.size);
    if (!check.ok) {
      resetFor({ status: "too_large", name: picked.name, size: picked.size });
      return;
    }
    resetFor({ status: "reading", name: picked.name });
    const read = reads.current;
    fileBytes(picked).then(
      (bytes) => {
        if (reads.current === read) setFileState({ status: "ready", file: { name: picked.name, bytes } });
      },
      (error: unknown) => {
        if (reads.current === read) setFileState({ status: "error", error: toErrorPayload(error) });
      },
    );
  };

  const onMapping = (index: number, value: string) => {
    const base = mapping ?? visible?.mapping;
    if (base === undefined) return;
    setMapping(setColumnField(base, index, isPurchaseField(value) ? value : null));
    setCommit({ status: "idle" });
  };

  const runImport = () => {
    if (!canCommit || current === null) return;
    const { file: previewed, options: previewedOptions } = current.request;
    setCommit({ status: "committing" });
    void call(() => commands.importPurchases(previewed.name, previewed.bytes, previewedOptions)).then((result) => {
      if (result.status === "ok") {
        setCommit({ status: "done", result: result.data });
        edited();
      } else {
        setCommit({ status: "error", error: result.error });
      }
    });
  };

  const importAnother = () => {
    resetFor({ status: "none" });
    setInputKey((n) => n + 1);
  };

  const done = commit.status === "done" ? commit.result : null;
  const columns = mapping ?? visible?.mapping ?? [];
  const locale = i18n.format.locale;
  const maxSize = formatMegabytes(MAX_IMPORT_BYTES, locale);

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog import-dialog" testId="import-dialog">
      <div className="import-layout">
        <DialogHeader titleId={titleId} title={i18n.t("purchases.import.title")} onClose={onClose} />

        <div className="dialog-body import-body">
          {done !== null ? (
            <ImportResult result={done} />
          ) : (
            <>
              <p className="muted import-intro">{i18n.t("purchases.import.intro")}</p>
              <div className="form-section">
                <Field
                  id={`${formId}-file`}
                  label={i18n.t("purchases.import.file")}
                  problem={null}
                  hint={i18n.t("purchases.import.fileHint", { max: maxSize })}
                >
                  <input
                    key={inputKey}
                    id={`${formId}-file`}
                    type="file"
                    accept={IMPORT_ACCEPT}
                    data-testid="import-file"
                    data-autofocus
                    // A new input for another file takes the focus the result's buttons had.
                    autoFocus={inputKey > 0}
                    aria-describedby={`${formId}-file-hint`}
                    onChange={onPick}
                  />
                </Field>
                <Field
                  id={`${formId}-supplier`}
                  label={i18n.t("purchases.import.supplier")}
                  problem={null}
                  hint={i18n.t("purchases.import.supplierHint")}
                >
                  <input
                    id={`${formId}-supplier`}
                    type="text"
                    autoComplete="off"
                    data-testid="import-supplier"
                    aria-describedby={`${formId}-supplier-hint`}
                    value={supplier}
                    onChange={(event) => {
                      setSupplier(event.target.value);
                      applySupplier(event.target.value);
                    }}
                    onBlur={() => applySupplier.flush()}
                    onKeyDown={(event) => {
                      if (event.key === "Enter") {
                        event.preventDefault();
                        applySupplier.flush();
                      }
                    }}
                  />
                </Field>
              </div>

              {fileState.status === "too_large" && (
                <div className="form-notice" role="alert" data-testid="import-too-large">
                  <p>
                    {i18n.t("purchases.import.tooLarge", {
                      file: fileState.name,
                      size: formatMegabytes(fileState.size, locale),
                      max: maxSize,
                    })}
                  </p>
                  <pre className="import-cli">
                    <code data-testid="import-cli">{`${CLI_IMPORT_COMMAND} ${i18n.t("purchases.import.cliFile")}`}</code>
                  </pre>
                </div>
              )}
              {fileState.status === "error" && (
                <InlineError messageKey="purchases.import.readError" error={fileState.error} testId="import-read-error" />
              )}
              {fileState.status === "reading" && (
                <p className="muted" role="status">
                  {i18n.t("purchases.import.reading")}
                </p>
              )}
              {file !== null && visible === null && checking && (
                <p className="muted" role="status">
                  {i18n.t("purchases.import.checking")}
                </p>
              )}
              {previewError !== null && (
                <InlineError messageKey="purchases.import.previewError" error={previewError} testId="import-error" />
              )}

              {visible !== null && (
                <section
                  className="import-preview"
                  data-testid="import-preview"
                  aria-busy={checking}
                  aria-labelledby={`${formId}-preview`}
                >
                  <h3 id={`${formId}-preview`} className="import-heading">
                    {i18n.t("purchases.preview.heading")}
                    {checking && <span className="muted import-checking"> {i18n.t("purchases.import.checking")}</span>}
                  </h3>
                  <p data-testid="import-format" data-encoding={visible.encoding} data-delimiter={visible.delimiter}>
                    {i18n.t("purchases.preview.format", {
                      file: visible.file_name,
                      encoding: i18n.t(encodingKey(visible.encoding)),
                      delimiter: delimiterText(visible.delimiter, i18n),
                    })}
                  </p>
                  <p
                    className={visible.mapping_source === "guessed" ? "tone-warn" : "muted"}
                    data-testid="import-mapping-source"
                    data-source={visible.mapping_source}
                  >
                    {i18n.t(mappingSourceKey(visible.mapping_source))}
                  </p>

                  {visible.imported_before !== null && (
                    <div className="form-notice" data-testid="import-imported-before">
                      <p>
                        {i18n.t("purchases.preview.importedBefore", {
                          date: i18n.format.dateTime(visible.imported_before.at),
                          actor: visible.imported_before.actor,
                          added: i18n.format.number(visible.imported_before.added),
                        })}
                      </p>
                    </div>
                  )}

                  {visible.missing.length > 0 && (
                    <div className="inline-error import-missing" role="alert" data-testid="import-missing">
                      <div>
                        <p>{i18n.t("purchases.missing.title")}</p>
                        <ul>
                          {visible.missing.map((missing) => (
                            <li
                              key={missing.missing === "field" ? missing.field : missing.missing}
                              data-testid="import-missing-column"
                              data-missing={missing.missing === "field" ? missing.field : missing.missing}
                            >
                              {missingText(missing, i18n)}
                            </li>
                          ))}
                        </ul>
                        <p>{i18n.t("purchases.missing.hint")}</p>
                      </div>
                    </div>
                  )}

                  <dl className="import-counts">
                    <div>
                      <dt>{i18n.t("purchases.preview.rows")}</dt>
                      <dd data-testid="import-rows" data-count={visible.rows}>
                        {i18n.format.number(visible.rows)}
                      </dd>
                    </div>
                    <div>
                      <dt>{i18n.t("purchases.preview.toAdd")}</dt>
                      <dd data-testid="import-to-add" data-count={visible.to_add}>
                        {i18n.format.number(visible.to_add)}
                      </dd>
                    </div>
                    <div>
                      <dt>{i18n.t("purchases.preview.alreadyBought")}</dt>
                      <dd data-testid="import-already-bought" data-count={visible.already_bought.length}>
                        {i18n.format.number(visible.already_bought.length)}
                      </dd>
                    </div>
                    <div>
                      <dt>{i18n.t("purchases.preview.refused")}</dt>
                      <dd
                        data-testid="import-refused-count"
                        data-count={visible.refused_rows}
                        className={visible.refused_rows > 0 ? "tone-bad" : undefined}
                      >
                        {i18n.format.number(visible.refused_rows)}
                      </dd>
                    </div>
                  </dl>

                  <MappingTable columns={columns} onChange={onMapping} />
                  <ProblemTable preview={visible} />
                  {visible.formula_cells.length > 0 && (
                    <div className="form-notice" data-testid="import-formulas">
                      <p>{i18n.t("purchases.formulas.title")}</p>
                      <ul className="import-formula-list">
                        {visible.formula_cells.slice(0, MAX_FORMULAS_SHOWN).map((cell) => (
                          <li key={`${cell.line}-${cell.column}`} data-testid="import-formula" data-line={cell.line}>
                            {i18n.t("purchases.formulas.cell", {
                              line: i18n.format.number(cell.line),
                              column: cell.column,
                              value: cell.value,
                            })}
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                  {visible.unknown_models.length > 0 && (
                    <div className="form-notice" data-testid="import-unknown-models">
                      <p>{i18n.t("purchases.unknownModels.title")}</p>
                      <ul className="import-formula-list">
                        {visible.unknown_models.map((model) => (
                          <li
                            key={`${model.manufacturer}\u0000${model.model}`}
                            data-testid="import-unknown-model"
                            data-model={model.model}
                          >
                            {i18n.t("purchases.unknownModels.model", {
                              model: `${model.manufacturer} ${model.model}`,
                              units: i18n.format.number(model.units),
                            })}
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                  <SampleTable preview={visible} />
                </section>
              )}
            </>
          )}
        </div>

        <div className="form-status">
          {commit.status === "error" && (
            <InlineError messageKey="purchases.import.commitError" error={commit.error} testId="import-commit-error" />
          )}
          {ready !== null && ready.to_add === 0 && ready.missing.length === 0 && done === null && (
            <p className="muted" data-testid="import-nothing">
              {i18n.t("purchases.import.nothingToAdd")}
            </p>
          )}
        </div>

        <footer className="dialog-actions">
          {done !== null ? (
            <>
              <button type="button" className="button-secondary" data-testid="import-another" onClick={importAnother}>
                {i18n.t("purchases.import.another")}
              </button>
              {/* The commit button is gone: focus goes to what comes next. */}
              <button type="button" className="button-primary" data-testid="import-done" onClick={onClose} autoFocus>
                {i18n.t("dialog.close")}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button-secondary" onClick={onClose}>
                {i18n.t("dialog.cancel")}
              </button>
              <button
                type="button"
                className="button-primary"
                data-testid="import-commit"
                disabled={!canCommit}
                aria-busy={committing}
                onClick={runImport}
              >
                {committing
                  ? i18n.t("purchases.import.committing")
                  : i18n.count("purchases.import.commit", (ready ?? visible)?.to_add ?? 0)}
              </button>
            </>
          )}
        </footer>
      </div>
    </Dialog>
  );
}

function ImportResult({ result }: { result: PurchaseImportResult }) {
  const i18n = useI18n();
  const headingId = useId();
  return (
    <section className="import-result" data-testid="import-result" role="status" aria-labelledby={headingId}>
      <h3 id={headingId} className="import-heading">
        {i18n.t("purchases.result.title")}
      </h3>
      <dl className="import-counts">
        <div>
          <dt>{i18n.t("purchases.result.added")}</dt>
          <dd data-testid="import-result-added" data-count={result.added}>
            {i18n.format.number(result.added)}
          </dd>
        </div>
        <div>
          <dt>{i18n.t("purchases.result.alreadyBought")}</dt>
          <dd data-testid="import-result-already-bought" data-count={result.already_bought}>
            {i18n.format.number(result.already_bought)}
          </dd>
        </div>
        <div>
          <dt>{i18n.t("purchases.result.refused")}</dt>
          <dd
            data-testid="import-result-refused"
            data-count={result.refused_rows}
            className={result.refused_rows > 0 ? "tone-bad" : undefined}
          >
            {i18n.format.number(result.refused_rows)}
          </dd>
        </div>
      </dl>
    </section>
  );
}

type MappingTableProps = {
  columns: readonly MappedColumn[];
  onChange: (index: number, value: string) => void;
};

function MappingTable({ columns, onChange }: MappingTableProps) {
  const i18n = useI18n();
  return (
    <div className="table-card import-table">
      <table className="data-table import-mapping">
        <caption>{i18n.t("purchases.mapping.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t("purchases.mapping.header")}</th>
            <th scope="col">{i18n.t("purchases.mapping.field")}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column, index) => (
            <tr key={index} data-testid="import-mapping-row" data-field={column.field ?? ""}>
              <th scope="row" className="import-header-cell">
                {column.header}
              </th>
              <td>
                <select
                  data-testid={`import-mapping-${index}`}
                  aria-label={i18n.t("purchases.mapping.label", { header: column.header })}
                  value={column.field ?? ""}
                  className={column.field === null ? "import-unmapped" : undefined}
                  onChange={(event) => onChange(index, event.target.value)}
                >
                  <option value="">{i18n.t("purchases.mapping.notImported")}</option>
                  {PURCHASE_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {i18n.t(fieldKey(field))}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProblemTable({ preview }: { preview: PurchaseImportPreview }) {
  const i18n = useI18n();
  const problems = preview.refused;
  if (problems.length === 0) return null;
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <div className="import-problems">
      <p className="muted">{i18n.t("purchases.problems.intro")}</p>
      <div className="table-card import-table">
        <table className="data-table">
          <caption>{i18n.t("purchases.problems.caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {i18n.t("purchases.problems.line")}
              </th>
              <th scope="col">{i18n.t("purchases.problems.column")}</th>
              <th scope="col">{i18n.t("purchases.problems.value")}</th>
              <th scope="col">{i18n.t("purchases.problems.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((problem, index) => (
              <tr
                key={`${problem.line}-${index}`}
                data-testid="import-problem"
                data-line={problem.line}
                data-kind={problem.kind}
                title={problem.message}
              >
                <td className="num">{i18n.format.number(problem.line)}</td>
                <td>
                  {problem.column ??
                    (problem.field === null ? i18n.t("purchases.problems.wholeRow") : i18n.t(fieldKey(problem.field)))}
                </td>
                <td className="mono import-value">
                  {problem.value === "" ? (
                    <span className="tone-muted">{i18n.t("purchases.problems.empty")}</span>
                  ) : (
                    problem.value
                  )}
                </td>
                <td>{i18n.t(problemKey(problem.kind))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length < problems.length && (
        <p className="muted" data-testid="import-problems-more">
          {i18n.t("purchases.problems.more", {
            shown: i18n.format.number(shown.length),
            total: i18n.format.number(problems.length),
          })}
        </p>
      )}
    </div>
  );
}

function SampleTable({ preview }: { preview: PurchaseImportPreview }) {
  const i18n = useI18n();
  if (preview.sample.length === 0) return null;
  const locale = i18n.format.locale;
  const none = i18n.t("value.none");
  return (
    <div className="table-card import-table">
      <table className="data-table import-sample">
        <caption>{i18n.t("purchases.sample.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {i18n.t("purchases.problems.line")}
            </th>
            <th scope="col">{i18n.t(fieldKey("purchase_date"))}</th>
            <th scope="col">{i18n.t(fieldKey("supplier"))}</th>
            <th scope="col">{i18n.t(fieldKey("manufacturer"))}</th>
            <th scope="col">{i18n.t(fieldKey("model"))}</th>
            <th scope="col">{i18n.t(fieldKey("serial"))}</th>
            <th scope="col">{i18n.t(fieldKey("imei"))}</th>
            <th scope="col" className="num">
              {i18n.t(fieldKey("unit_cost"))}
            </th>
            <th scope="col">{i18n.t(fieldKey("org_unit"))}</th>
          </tr>
        </thead>
        <tbody>
          {preview.sample.map(([line, purchase]) => (
            <tr key={line} data-testid="import-sample-row" data-line={line}>
              <td className="num">{i18n.format.number(line)}</td>
              <td className="nowrap">{formatDate(purchase.purchase_date, locale)}</td>
              <td>{purchase.supplier}</td>
              <td>{purchase.manufacturer}</td>
              <td>{purchase.model}</td>
              <td className="mono">{purchase.serial ?? none}</td>
              <td className="mono">{purchase.imei ?? none}</td>
              <td className="num nowrap">
                {purchase.unit_cost_ore === null ? none : formatOre(purchase.unit_cost_ore, locale)}
              </td>
              <td>{purchase.org_unit ?? none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
