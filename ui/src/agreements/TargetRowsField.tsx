import { useEffect, useRef } from "react";
import type { CategoryView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { categoryName, isLine, lineKey, LINES } from "../incidents/labels";
import { newTargetRow, type RowProblems, type TargetRow } from "./targetRows";

type Props = {
  /** Prefix of the rows' field ids: `<id>-<key>-<category|line|response|resolution>`. */
  id: string;
  rows: readonly TargetRow[];
  categories: readonly CategoryView[];
  problems: Readonly<Record<number, RowProblems>>;
  /** A refusal of the targets as a whole (two rows for the same cases, a category gone). */
  problem: string | null;
  onChange: (rows: TargetRow[]) => void;
};

/** The field a row's first problem focuses: its scope, else its response, else its resolution. */
export function rowFieldId(id: string, row: TargetRow, problems: RowProblems): string {
  const part = problems.scope !== undefined ? "category" : problems.response !== undefined ? "response" : "resolution";
  return `${id}-${row.key}-${part}`;
}

/**
 * The targets: the first row for every case no other row names, then a row per category, line
 * or both, the most specific winning. Times in hours inside the window ("8", "1:30", "1,5");
 * empty for no target.
 */
export function TargetRowsField({ id, rows, categories, problems, problem, onChange }: Props) {
  const i18n = useI18n();
  // A row added takes the focus once it is on screen, so its category can be chosen at once.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });
  const change = (key: number, changes: Partial<TargetRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...changes } : row)));

  return (
    <fieldset className="form-field wide target-rows" data-testid="agreement-targets" aria-describedby={`${id}-hint ${id}-problem`}>
      <legend className="field-label">{i18n.t("agreements.targets.heading")}</legend>
      <span id={`${id}-hint`} className="field-hint">
        {i18n.t("agreements.targets.hint")}
      </span>
      <table className="data-table target-table">
        <thead>
          <tr>
            <th scope="col">{i18n.t("agreements.targets.scope")}</th>
            <th scope="col">{i18n.t("agreements.targets.response")}</th>
            <th scope="col">{i18n.t("agreements.targets.resolution")}</th>
            <th scope="col">
              <span className="visually-hidden">{i18n.t("agreements.category.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const found = problems[row.key] ?? {};
            const fieldId = (part: string) => `${id}-${row.key}-${part}`;
            const text = (key: RowProblems[keyof RowProblems]) => (key === undefined ? null : i18n.t(key));
            const scopeProblem = text(found.scope);
            const responseProblem = text(found.response);
            const resolutionProblem = text(found.resolution);
            // A retired category stays offered to the row that names it, so the row reads as saved.
            const offered = categories.filter((category) => !category.label.retired || category.label.id === row.categoryId);
            return (
              <tr key={row.key} data-testid="agreement-target-row" data-key={row.key}>
                <td>
                  {index === 0 ? (
                    <span className="target-default">{i18n.t("agreements.scope.default")}</span>
                  ) : (
                    <div className="target-scope">
                      <select
                        id={fieldId("category")}
                        data-testid="agreement-target-category"
                        aria-label={i18n.t("agreements.targets.category")}
                        aria-invalid={scopeProblem !== null || undefined}
                        aria-describedby={`${fieldId("scope")}-problem`}
                        value={row.categoryId ?? ""}
                        onChange={(event) =>
                          change(row.key, { categoryId: event.target.value === "" ? null : Number(event.target.value) })
                        }
                      >
                        <option value="">{i18n.t("agreements.targets.anyCategory")}</option>
                        {offered.map(({ label }) => (
                          <option key={label.id} value={label.id}>
                            {label.retired
                              ? i18n.t("incidents.category.retiredOption", { name: categoryName(label, i18n.language) })
                              : categoryName(label, i18n.language)}
                          </option>
                        ))}
                      </select>
                      <select
                        id={fieldId("line")}
                        data-testid="agreement-target-line"
                        aria-label={i18n.t("agreements.targets.line")}
                        aria-invalid={scopeProblem !== null || undefined}
                        aria-describedby={`${fieldId("scope")}-problem`}
                        value={row.line ?? ""}
                        onChange={(event) => change(row.key, { line: isLine(event.target.value) ? event.target.value : null })}
                      >
                        <option value="">{i18n.t("agreements.targets.anyLine")}</option>
                        {LINES.map((line) => (
                          <option key={line} value={line}>
                            {i18n.t(lineKey(line))}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                  <span id={`${fieldId("scope")}-problem`} className="field-problem" role={scopeProblem ? "alert" : undefined}>
                    {scopeProblem}
                  </span>
                </td>
                <td>
                  <input
                    id={fieldId("response")}
                    type="text"
                    inputMode="decimal"
                    className="duration-input"
                    data-testid="agreement-target-response"
                    autoComplete="off"
                    maxLength={8}
                    placeholder={i18n.t("agreements.targets.none")}
                    aria-label={i18n.t("agreements.targets.responseLabel", { row: index + 1 })}
                    aria-invalid={responseProblem !== null || undefined}
                    aria-describedby={`${fieldId("response")}-problem ${id}-hint`}
                    value={row.response}
                    onChange={(event) => change(row.key, { response: event.target.value })}
                  />
                  <span id={`${fieldId("response")}-problem`} className="field-problem" role={responseProblem ? "alert" : undefined}>
                    {responseProblem}
                  </span>
                </td>
                <td>
                  <input
                    id={fieldId("resolution")}
                    type="text"
                    inputMode="decimal"
                    className="duration-input"
                    data-testid="agreement-target-resolution"
                    autoComplete="off"
                    maxLength={8}
                    placeholder={i18n.t("agreements.targets.none")}
                    aria-label={i18n.t("agreements.targets.resolutionLabel", { row: index + 1 })}
                    aria-invalid={resolutionProblem !== null || undefined}
                    aria-describedby={`${fieldId("resolution")}-problem ${id}-hint`}
                    value={row.resolution}
                    onChange={(event) => change(row.key, { resolution: event.target.value })}
                  />
                  <span id={`${fieldId("resolution")}-problem`} className="field-problem" role={resolutionProblem ? "alert" : undefined}>
                    {resolutionProblem}
                  </span>
                </td>
                <td>
                  {index > 0 && (
                    <button
                      type="button"
                      className="icon-button"
                      data-testid="agreement-target-remove"
                      aria-label={i18n.t("agreements.targets.remove", { row: index + 1 })}
                      title={i18n.t("agreements.targets.remove", { row: index + 1 })}
                      onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
                    >
                      ✕
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        className="button-secondary target-add"
        data-testid="agreement-target-add"
        onClick={() => {
          const added = newTargetRow(rows);
          focusNext.current = `${id}-${added.key}-category`;
          onChange([...rows, added]);
        }}
      >
        {i18n.t("agreements.targets.add")}
      </button>
      <span id={`${id}-problem`} className="field-problem" data-testid="field-problem" role={problem ? "alert" : undefined}>
        {problem}
      </span>
    </fieldset>
  );
}
