/**
 * An agreement's targets as the form edits them: a first row for every case no other row
 * names, then rows for a category, a line or both; response and resolution typed in hours
 * ("8", "1:30", "1,5"), empty for no target.
 */
import type { SupportLine, Target } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { durationForInput, parseDuration } from "../incidents/duration";

export type TargetRow = {
  /** Stable while rows are added and removed, for React and for the row's problems. */
  readonly key: number;
  readonly categoryId: number | null;
  readonly line: SupportLine | null;
  readonly response: string;
  readonly resolution: string;
};

export type RowProblems = {
  readonly scope?: MessageKey;
  readonly response?: MessageKey;
  readonly resolution?: MessageKey;
};

export type TargetCheck =
  | { readonly ok: true; readonly targets: Target[] }
  | { readonly ok: false; readonly problems: Readonly<Record<number, RowProblems>> };

const isDefault = (row: Pick<TargetRow, "categoryId" | "line">) => row.categoryId === null && row.line === null;

/** A new row naming no cases yet, with `key` above every key in `rows`. */
export function newTargetRow(rows: readonly TargetRow[]): TargetRow {
  const key = rows.reduce((highest, row) => Math.max(highest, row.key), -1) + 1;
  return { key, categoryId: null, line: null, response: "", resolution: "" };
}

/** The rows of `targets`, the row for every other case first (empty when there is none). */
export function targetRowsOf(targets: readonly Target[]): TargetRow[] {
  const fallback = targets.find(isDefaultTarget);
  const ordered = [fallback ?? null, ...targets.filter((target) => !isDefaultTarget(target))];
  return ordered.map((target, key) => ({
    key,
    categoryId: target?.category_id ?? null,
    line: target?.line ?? null,
    response: durationText(target?.response_minutes ?? null),
    resolution: durationText(target?.resolution_minutes ?? null),
  }));
}

const durationText = (minutes: number | null) => (minutes === null ? "" : durationForInput(minutes));

function isDefaultTarget(target: Target): boolean {
  return target.category_id === null && target.line === null;
}

/** A typed time: no minutes for an empty text, else its minutes or the problem with it. */
function minutesOf(text: string): { minutes: number | null; problem?: MessageKey } {
  if (text.trim() === "") return { minutes: null };
  const minutes = parseDuration(text);
  if (minutes === null) return { minutes: null, problem: "agreements.problem.duration" };
  if (minutes === 0) return { minutes: null, problem: "agreements.problem.zero" };
  return { minutes };
}

/**
 * The targets the rows set, or each row's problems. The first row is for every other case; an
 * empty first row sets no target for them. Every other row names a category or a line, no two
 * rows the same cases, and sets a response or a resolution time.
 */
export function checkTargetRows(rows: readonly TargetRow[]): TargetCheck {
  const problems: Record<number, RowProblems> = {};
  const targets: Target[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const response = minutesOf(row.response);
    const resolution = minutesOf(row.resolution);
    const found: { scope?: MessageKey; response?: MessageKey; resolution?: MessageKey } = {};
    const scope = `${row.categoryId ?? ""}/${row.line ?? ""}`;
    const first = index === 0;
    if (!first && isDefault(row)) found.scope = "agreements.problem.scope";
    else if (seen.has(scope)) found.scope = "agreements.problem.sameCases";
    seen.add(scope);
    if (response.problem !== undefined) found.response = response.problem;
    if (resolution.problem !== undefined) found.resolution = resolution.problem;
    const empty = row.response.trim() === "" && row.resolution.trim() === "";
    if (!first && empty) found.response = "agreements.problem.noTime";
    if (Object.keys(found).length > 0) {
      problems[row.key] = found;
      return;
    }
    if (empty) return;
    targets.push({
      category_id: row.categoryId,
      line: row.line,
      response_minutes: response.minutes,
      resolution_minutes: resolution.minutes,
    });
  });
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, targets };
}
