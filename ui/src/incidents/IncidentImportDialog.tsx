import { useId, useMemo, useState } from "react";
import {
  commands,
  type IncidentColumn,
  type IncidentField,
  type IncidentImportOptions,
  type IncidentImportPreview,
  type IncidentImportResult,
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
import {
  columnHeader,
  importSourceKey,
  INCIDENT_FIELDS,
  incidentFieldKey,
  incidentImportOptions,
  isRequiredField,
} from "./importFields";
import { rowProblemText } from "./importProblems";
import { defaultAgreementId } from "./incidentDraft";
import { incidentImportRefusal } from "./refusals";
import { useAgreements } from "./useIncidentSettings";

type Props = { onClose: () => void };

/** The dialog's hooks all start so: `incident-import-preview`, `incident-import-commit`, … */
const HOOK = "incident-import";

const previewFile = (file: PickedFile, options: IncidentImportOptions) =>
  commands.previewIncidentImport(file.name, file.bytes, options);
const importFile = (file: PickedFile, options: IncidentImportOptions) =>
  commands.importIncidents(file.name, file.bytes, options);

const idOf = (value: string): number | null => (value === "" ? null : Number(value));

/**
 * Reads a helpdesk's export of its cases and shows what importing it would do: the columns,
 * which can be changed, the agreement the cases fall under, the rows refused and why, the
 * categories and units it names. Nothing is written before the user confirms; the import then
 * uses exactly the file, columns and agreement previewed, and adds no case imported before.
 */
export function IncidentImportDialog({ onClose }: Props) {
  const i18n = useI18n();
  const formId = useId();
  const titleId = `${formId}-title`;
  const agreementFieldId = `${formId}-agreement`;
  const picked = usePickedFile();
  const agreements = useAgreements();
  // Chosen by the user; until then the default agreement holds, as the core would pick it.
  const [chosenAgreement, setChosenAgreement] = useState<number | null>(null);
  // The columns as the user changed them; `null` until then, for the core to choose.
  const [mapping, setMapping] = useState<readonly IncidentColumn[] | null>(null);
  const commit = useImportCommit(importFile);

  const agreementList = agreements.state.status === "ok" ? agreements.state.data : [];
  const agreementId = chosenAgreement ?? defaultAgreementId(agreementList);
  const options = useMemo(() => incidentImportOptions(mapping, agreementId), [mapping, agreementId]);
  const preview = useImportPreview(picked.file, options, previewFile);
  const visible = preview.visible;
  const ready = preview.ready?.preview ?? null;
  const committing = commit.state.status === "committing";
  const canCommit = ready !== null && ready.to_add > 0 && ready.missing.length === 0 && !committing;

  const previewRefusal = preview.error === null ? null : incidentImportRefusal(preview.error);
  const commitRefusal = commit.state.status === "error" ? incidentImportRefusal(commit.state.error) : null;
  // A refused agreement is the select's problem, wherever it was refused.
  const agreementRefusal = [previewRefusal, commitRefusal].find((refusal) => refusal?.field === "agreement_id") ?? null;
  const agreementProblem = agreementRefusal === null ? null : i18n.t(agreementRefusal.key);

  const onPick = (file: File | undefined) => {
    setMapping(null);
    commit.reset();
    picked.pick(file);
  };

  const onMapping = (index: number, field: IncidentField | null) => {
    const base = mapping ?? visible?.mapping;
    if (base === undefined) return;
    setMapping(setColumnField(base, index, field));
    commit.reset();
  };

  const onAgreement = (id: number | null) => {
    setChosenAgreement(id);
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

  const fieldLabel = (field: IncidentField) => {
    const label = i18n.t(incidentFieldKey(field));
    return isRequiredField(field) ? i18n.t("incidents.import.requiredField", { field: label }) : label;
  };

  const done = commit.state.status === "done" ? commit.state.result : null;
  const columns = mapping ?? visible?.mapping ?? [];

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="form-dialog import-dialog" testId={`${HOOK}-dialog`}>
      <div className="import-layout">
        <DialogHeader titleId={titleId} title={i18n.t("incidents.import.title")} onClose={onClose} />

        <div className="dialog-body import-body">
          {done !== null ? (
            <ImportResult result={done} />
          ) : (
            <>
              <p className="muted import-intro">{i18n.t("incidents.import.intro")}</p>
              <div className="form-section">
                <ImportFileField
                  id={`${formId}-file`}
                  label={i18n.t("incidents.import.file")}
                  picked={picked}
                  onPick={onPick}
                  testId={HOOK}
                />
                <Field
                  id={agreementFieldId}
                  label={i18n.t("incidents.new.agreement")}
                  problem={agreementProblem}
                  hint={i18n.t("incidents.import.agreementHint")}
                >
                  <select
                    id={agreementFieldId}
                    data-testid={`${HOOK}-agreement`}
                    aria-invalid={agreementProblem !== null || undefined}
                    aria-describedby={`${agreementFieldId}-problem ${agreementFieldId}-hint`}
                    value={agreementId ?? ""}
                    onChange={(event) => onAgreement(idOf(event.target.value))}
                  >
                    {agreementId === null && (
                      <option value="">
                        {i18n.t(
                          agreements.state.status === "loading" ? "incidents.new.loading" : "incidents.new.chooseAgreement",
                        )}
                      </option>
                    )}
                    {agreementList.map((agreement) => (
                      <option key={agreement.id} value={agreement.id}>
                        {agreement.name}
                      </option>
                    ))}
                  </select>
                </Field>
                {agreements.state.status === "error" && (
                  <div className="form-field wide">
                    <InlineError
                      messageKey="incidents.agreementsError"
                      error={agreements.state.error}
                      onRetry={agreements.reload}
                    />
                  </div>
                )}
              </div>

              <ImportFileStatus picked={picked} kind="incidents" testId={HOOK} />
              {picked.file !== null && visible === null && preview.checking && (
                <p className="muted" role="status">
                  {i18n.t("import.checking")}
                </p>
              )}
              {preview.error !== null && previewRefusal !== null && previewRefusal.field === null && (
                <InlineError
                  messageKey="import.previewError"
                  error={preview.error}
                  reason={previewRefusal.key}
                  testId={`${HOOK}-error`}
                />
              )}

              {visible !== null && (
                <PreviewSection checking={preview.checking} testId={HOOK}>
                  <PreviewFormat
                    preview={visible}
                    sourceText={i18n.t(importSourceKey(visible.mapping_source))}
                    testId={HOOK}
                  />
                  <MissingColumns
                    missing={visible.missing.map((field) => ({ key: field, label: i18n.t(incidentFieldKey(field)) }))}
                    testId={HOOK}
                  />
                  <ImportCounts
                    counts={[
                      { label: i18n.t("import.preview.rows"), count: visible.rows, testId: `${HOOK}-rows` },
                      { label: i18n.t("import.preview.toAdd"), count: visible.to_add, testId: `${HOOK}-to-add` },
                      {
                        label: i18n.t("incidents.import.alreadyImported"),
                        count: visible.already_imported,
                        testId: `${HOOK}-already-imported`,
                      },
                      {
                        label: i18n.t("import.preview.refused"),
                        count: visible.refused.length,
                        testId: `${HOOK}-refused-count`,
                        bad: visible.refused.length > 0,
                      },
                    ]}
                  />
                  <MappingTable
                    columns={columns}
                    fields={INCIDENT_FIELDS}
                    fieldLabel={fieldLabel}
                    onChange={onMapping}
                    testId={HOOK}
                  />
                  <ProblemTable preview={visible} />
                  <NewCategories names={visible.new_categories} />
                  <Devices preview={visible} />
                </PreviewSection>
              )}
            </>
          )}
        </div>

        <div className="form-status">
          {commit.state.status === "error" && commitRefusal !== null && commitRefusal.field === null && (
            <InlineError
              messageKey="import.commitError"
              error={commit.state.error}
              reason={commitRefusal.key}
              testId={`${HOOK}-commit-error`}
            />
          )}
          {ready !== null && ready.to_add === 0 && ready.missing.length === 0 && done === null && (
            <p className="muted" data-testid={`${HOOK}-nothing`}>
              {i18n.t("incidents.import.nothingToAdd")}
            </p>
          )}
        </div>

        <ImportActions
          done={done !== null}
          canCommit={canCommit}
          committing={committing}
          commitLabel={i18n.count("incidents.import.commit", (ready ?? visible)?.to_add ?? 0)}
          onCommit={runImport}
          onAnother={importAnother}
          onClose={onClose}
          testId={HOOK}
        />
      </div>
    </Dialog>
  );
}

function ImportResult({ result }: { result: IncidentImportResult }) {
  const i18n = useI18n();
  const headingId = useId();
  return (
    <section className="import-result" data-testid={`${HOOK}-result`} role="status" aria-labelledby={headingId}>
      <h3 id={headingId} className="import-heading">
        {i18n.t("import.result.title")}
      </h3>
      <ImportCounts
        counts={[
          { label: i18n.t("import.result.added"), count: result.added, testId: `${HOOK}-result-added` },
          {
            label: i18n.t("incidents.import.result.alreadyImported"),
            count: result.already_imported,
            testId: `${HOOK}-result-already-imported`,
          },
          {
            label: i18n.t("import.result.refused"),
            count: result.refused_rows,
            testId: `${HOOK}-result-refused`,
            bad: result.refused_rows > 0,
          },
          {
            label: i18n.t("incidents.import.result.newCategories"),
            count: result.new_categories,
            testId: `${HOOK}-result-new-categories`,
          },
        ]}
      />
    </section>
  );
}

/** Each refused row with its line, the file's column it was refused for, and why. */
function ProblemTable({ preview }: { preview: IncidentImportPreview }) {
  const i18n = useI18n();
  return (
    <RefusedRows
      problems={preview.refused}
      intro={i18n.t("incidents.import.problemsIntro")}
      headings={[i18n.t("import.problems.column"), i18n.t("import.problems.problem")]}
      testId={HOOK}
      row={(problem, index) => (
        <tr
          key={`${problem.line}-${index}`}
          data-testid={`${HOOK}-problem`}
          data-line={problem.line}
          data-field={problem.field}
          // The core's own words, with the cell's text, for whoever corrects the file.
          title={problem.problem}
        >
          <td className="num">{i18n.format.number(problem.line)}</td>
          <td>{columnHeader(preview.mapping, problem.field) ?? i18n.t(incidentFieldKey(problem.field))}</td>
          <td>{rowProblemText(problem, i18n)}</td>
        </tr>
      )}
    />
  );
}

/** The categories the file names that the register lacks: importing adds them. */
function NewCategories({ names }: { names: readonly string[] }) {
  const i18n = useI18n();
  if (names.length === 0) return null;
  return (
    <div className="form-notice" data-testid={`${HOOK}-new-categories`}>
      <p>{i18n.t("incidents.import.newCategories")}</p>
      <ul className="import-list">
        {names.map((name) => (
          <li key={name} data-testid={`${HOOK}-new-category`} data-name={name}>
            {name}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** How many cases name a unit the register has, and the serial numbers or IMEIs it does not. */
function Devices({ preview }: { preview: IncidentImportPreview }) {
  const i18n = useI18n();
  const notFound = preview.devices_not_found;
  return (
    <>
      {preview.devices_found > 0 && (
        <p className="muted" data-testid={`${HOOK}-devices-found`} data-count={preview.devices_found}>
          {i18n.count("incidents.import.devicesFound", preview.devices_found)}
        </p>
      )}
      {notFound.length > 0 && (
        <div className="form-notice" data-testid={`${HOOK}-devices-not-found`}>
          <p>{i18n.t("incidents.import.devicesNotFound")}</p>
          <ul className="import-list mono">
            {notFound.map((code) => (
              <li key={code} data-testid={`${HOOK}-device-not-found`} data-code={code}>
                {code}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
