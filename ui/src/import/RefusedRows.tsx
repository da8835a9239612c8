import type { ReactNode } from "react";
import { useI18n } from "../i18n/I18nContext";

/** A file can refuse thousands of rows; the first ones show what to correct. */
export const MAX_PROBLEMS_SHOWN = 200;

type Props<P> = {
  problems: readonly P[];
  /** What to do about them. */
  intro: string;
  /** The headings after the line's, one per cell the row has after its line number. */
  headings: readonly string[];
  /** One problem's `<tr>`: its line number's cell (`num`), then a cell per heading. */
  row: (problem: P, index: number) => ReactNode;
  /** `<testId>-problems-more` says how many were left out. */
  testId: string;
};

/** The rows an import refuses, each with its line in the file and why, the first 200 of them. */
export function RefusedRows<P>({ problems, intro, headings, row, testId }: Props<P>) {
  const i18n = useI18n();
  if (problems.length === 0) return null;
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <div className="import-problems">
      <p className="muted">{intro}</p>
      <div className="table-card import-table">
        <table className="data-table">
          <caption>{i18n.t("import.problems.caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {i18n.t("import.problems.line")}
              </th>
              {headings.map((heading) => (
                <th key={heading} scope="col">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{shown.map(row)}</tbody>
        </table>
      </div>
      {shown.length < problems.length && (
        <p className="muted" data-testid={`${testId}-problems-more`}>
          {i18n.t("import.problems.more", {
            shown: i18n.format.number(shown.length),
            total: i18n.format.number(problems.length),
          })}
        </p>
      )}
    </div>
  );
}
