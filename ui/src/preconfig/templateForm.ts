/**
 * The title of a new checklist step, checked as the core checks it (flotta-domain's
 * `check_step_title`), so the form can say what is wrong before asking and word the core's
 * refusal, which only says "invalid input".
 */
import type { ErrorPayload } from "../bindings";
import type { Translator } from "../i18n/translator";

/** Mirrors `MAX_STEP_TITLE_CHARS`: a title is a line on a checklist. */
export const MAX_STEP_TITLE_CHARS = 200;

export type TitleProblem = "empty" | "too_long";

/** What is wrong with `title` as the core sees it: trimmed, counted in characters (not UTF-16 units). */
export function titleProblem(title: string): TitleProblem | null {
  const trimmed = title.trim();
  if (trimmed === "") return "empty";
  return [...trimmed].length > MAX_STEP_TITLE_CHARS ? "too_long" : null;
}

export function titleProblemText(problem: TitleProblem, i18n: Pick<Translator, "t" | "format">): string {
  return problem === "empty"
    ? i18n.t("preconfig.template.problem.empty")
    : i18n.t("preconfig.template.problem.tooLong", { max: i18n.format.number(MAX_STEP_TITLE_CHARS) });
}

/**
 * The problem shown at the title field. A refusal of invalid input is about the title (the
 * only input): worded by what is wrong with the title that was sent, else as the core's
 * error. Before the core has refused anything, a problem shows once the person has tried to
 * add (`tried`), not while they start typing.
 */
export function fieldProblem(
  title: string,
  tried: boolean,
  refusal: { readonly error: ErrorPayload; readonly title: string } | null,
  i18n: Pick<Translator, "t" | "format" | "error">,
): string | null {
  if (refusal !== null && refusal.error.code === "invalid_input") {
    const sent = titleProblem(refusal.title);
    return sent === null ? i18n.error(refusal.error) : titleProblemText(sent, i18n);
  }
  const problem = tried ? titleProblem(title) : null;
  return problem === null ? null : titleProblemText(problem, i18n);
}
