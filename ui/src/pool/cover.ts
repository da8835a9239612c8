/**
 * A model's pool cover as the coordinator reads it: how many weeks the available units last
 * at the last eight weeks' rate of swaps, and whether that calls for anything.
 */
import type { CoverLevel, PoolCover } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import type { Translator } from "../i18n/translator";

/** "24 veckor", "1,5 veckor"; "Inga byten på 8 veckor" when nothing was swapped to divide by. */
export function coverText(cover: PoolCover, i18n: Pick<Translator, "t" | "count">): string {
  if (cover.weeks === null) return i18n.t("pool.cover.unused");
  return i18n.count("pool.cover.weeks", roundWeeks(cover.weeks));
}

/** Whole weeks, or one decimal below ten: "1,5" matters when the pool runs short, "24,3" does not. */
export function roundWeeks(weeks: number): number {
  return weeks >= 10 ? Math.round(weeks) : Math.round(weeks * 10) / 10;
}

export type CoverNote = { readonly key: MessageKey; readonly tone: "warn" | "muted" };

/**
 * What the level calls for: under two weeks a warning (order or repair more), over four a note
 * (units could be deployed instead); in between, and with no swaps, nothing.
 */
export function coverNote(level: CoverLevel): CoverNote | null {
  switch (level) {
    case "short":
      return { key: "pool.level.short", tone: "warn" };
    case "ample":
      return { key: "pool.level.ample", tone: "muted" };
    case "enough":
    case "unused":
      return null;
  }
}
