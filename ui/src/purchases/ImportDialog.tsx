import { useEffect, useId, useMemo, useState } from "react";
import {
  commands,
  type ImportOptions,
  type MappedColumn,
  type PurchaseImportPreview,
  type PurchaseImportResult,
} from "../bindings";
import { Dialog, DialogHeader } from "../components/Dialog";
import { Field } from "../components/Field";
import { InlineError } from "../components/InlineError";
import { setColumnField } from "../import/columnMapping";
import { ImportActions } from "../import/ImportActions";
import { ImportFileField, ImportFileStatus } from "../import/ImportFileField";
import { MappingTable } from "../import/MappingTable";
import { ImportCounts, MissingColumns, PreviewFormat, PreviewSection } from "../import/PreviewSection";
import { RefusedRows } from "../import/RefusedRows";
import { useImportCommit } from "../import/useImportCommit";
import { useImportPreview } from "../import/useImportPreview";
import { usePickedFile, type PickedFile } from "../import/usePickedFile";
import { useI18n } from "../i18n/I18nContext";
import { debounce } from "../lib/debounce";
import { formatOre } from "../lib/money";
import { formatDate } from "./dates";
import { fieldKey, mappingSourceKey, missingText, problemKey } from "./labels";
import { importOptions, PURCHASE_FIELDS } from "./mapping";

type Props = { onClose: () => void };

/** Typing a supplier reads the file again once the typing pauses. */
const SUPPLIER_DEBOUNCE_MS = 500;
const MAX_FORMULAS_SHOWN = 50;

const previewFile = (file: PickedFile, options: ImportOptions) =>
  commands.previewPurchaseImport(file.name, file.bytes, options);
const importFile = (file: PickedFile, options: ImportOptions) => commands.importPurchases(file.name, file.bytes, options);

/**
 * Reads a supplier's delivery file, shows what importing it would do (the columns, which can be
 * changed, the rows it refuses and why) and imports the acceptable lines. Nothing is written
 * before the user confirms; the import then uses exactly the file and columns previewed.
 */
export function ImportDialog({ onClose }: Props) {
  const i18n = useI18n();
  const formId = useId();
  const titleId = `${formId}-title`;
  const picked = usePickedFile();
  const [supplier, setSupplier] = useState("");
  const [supplierApplied, setSupplierApplied] = useState("");
  const [applySupplier] = useState(() => debounce((value: string) => setSupplierApplied(value), SUPPLIER_DEBOUNCE_MS));
  // The columns as the user changed them; `null` until then, for the core to choose.
  const [mapping, setMapping] = useState<readonly MappedColumn[] | null>(null);
  const commit = useImportCommit(importFile);

  useEffect(() => () => applySupplier.cancel(), [applySupplier]);

  const options = useMemo(() => importOptions(supplierApplied, mapping), [supplierApplied, mapping]);
  const supplierPending = supplier.trim() !== supplierApplied.trim();
  const preview = useImportPreview(picked.file, options, previewFile, supplierPending);
  const visible = preview.visible;
  const ready = preview.ready?.preview ?? null;
  const committing = commit.state.status === "committing";
  const canCommit = ready !== null && ready.to_add > 0 && ready.missing.length === 0 && !committing;

  const onPick = (file: File | undefined) => {
    setMapping(null);
    commit.reset();
    picked.pick(file);
  };

  const onMapping = (index: number, field: MappedColumn["field"]) => {
    const base = mapping ?? visible?.mapping;
    if (base === undefined) return;
    setMapping(setColumnField(base, index, field));
    commit.reset();
  };

  const runImport = () => {
    if (canCommit && preview.ready !== null) commit.commit(preview.ready.request);
  };

  const importAnother = () => {
    setMapping(null);
    commit.reset();
    picked.clear();
  };

  const done = commit.state.status === "done" ? commit.state.result : null;
  const columns = mapping ?? visible?.mapping ?? [];

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
                <ImportFileField
                  id={`${formId}-file`}
                  label={i18n.t("purchases.import.file")}
                  picked={picked}
                  onPick={onPick}
                  testId="import"
                />
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

              <ImportFileStatus picked={picked} kind="purchases" testId="import" />
              {picked.file !== null && visible === null && preview.checking && (
                <p className="muted" role="status">
                  {i18n.t("import.checking")}
                </p>
              )}
              {preview.error !== null && (
                <InlineError messageKey="import.previewError" error={preview.error} testId="import-error" />
              )}

              {visible !== null && (
                <PreviewSection checking={preview.checking} testId="import">
                  <PreviewFormat
                    preview={visible}
                    sourceText={i18n.t(mappingSourceKey(visible.mapping_source))}
                    testId="import"
                  />

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

                  <MissingColumns
                    missing={visible.missing.map((missing) => ({
                      key: missing.missing === "field" ? missing.field : missing.missing,
                      label: missingText(missing, i18n),
                    }))}
                    testId="import"
                  />

                  <ImportCounts
                    counts={[
                      { label: i18n.t("import.preview.rows"), count: visible.rows, testId: "import-rows" },
                      { label: i18n.t("import.preview.toAdd"), count: visible.to_add, testId: "import-to-add" },
                      {
                        label: i18n.t("purchases.preview.alreadyBought"),
                        count: visible.already_bought.length,
                        testId: "import-already-bought",
                      },
                      {
                        label: i18n.t("import.preview.refused"),
                        count: visible.refused_rows,
                        testId: "import-refused-count",
                        bad: visible.refused_rows > 0,
                      },
                    ]}
                  />

                  <MappingTable
                    columns={columns}
                    fields={PURCHASE_FIELDS}
                    fieldLabel={(field) => i18n.t(fieldKey(field))}
                    onChange={onMapping}
                    testId="import"
                  />
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
                </PreviewSection>
              )}
            </>
          )}
        </div>

        <div className="form-status">
          {commit.state.status === "error" && (
            <InlineError messageKey="import.commitError" error={commit.state.error} testId="import-commit-error" />
          )}
          {ready !== null && ready.to_add === 0 && ready.missing.length === 0 && done === null && (
            <p className="muted" data-testid="import-nothing">
              {i18n.t("purchases.import.nothingToAdd")}
            </p>
          )}
        </div>

        <ImportActions
          done={done !== null}
          canCommit={canCommit}
          committing={committing}
          commitLabel={i18n.count("purchases.import.commit", (ready ?? visible)?.to_add ?? 0)}
          onCommit={runImport}
          onAnother={importAnother}
          onClose={onClose}
          testId="import"
        />
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
        {i18n.t("import.result.title")}
      </h3>
      <ImportCounts
        counts={[
          { label: i18n.t("import.result.added"), count: result.added, testId: "import-result-added" },
          {
            label: i18n.t("purchases.result.alreadyBought"),
            count: result.already_bought,
            testId: "import-result-already-bought",
          },
          {
            label: i18n.t("import.result.refused"),
            count: result.refused_rows,
            testId: "import-result-refused",
            bad: result.refused_rows > 0,
          },
        ]}
      />
    </section>
  );
}

function ProblemTable({ preview }: { preview: PurchaseImportPreview }) {
  const i18n = useI18n();
  return (
    <RefusedRows
      problems={preview.refused}
      intro={i18n.t("purchases.problems.intro")}
      headings={[i18n.t("import.problems.column"), i18n.t("purchases.problems.value"), i18n.t("import.problems.problem")]}
      testId="import"
      row={(problem, index) => (
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
            {problem.value === "" ? <span className="tone-muted">{i18n.t("purchases.problems.empty")}</span> : problem.value}
          </td>
          <td>{i18n.t(problemKey(problem.kind))}</td>
        </tr>
      )}
    />
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
              {i18n.t("import.problems.line")}
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
