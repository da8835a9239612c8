import type { AppSearch } from "../bindings";

/**
 * The core refuses shorter searches: one letter would match most of the catalogue. It counts
 * characters of the folded text, as `searchText` folds it here.
 */
export const SEARCH_MIN_CHARS = 2;

/** The search text as the core folds it: whitespace runs collapsed, lower case (as Rust lowers it, whatever the locale). */
export function searchText(text: string): string {
  return text.trim().split(/\s+/u).join(" ").toLowerCase();
}

/** Whether the core takes `text` as a search, so the UI asks it rather than showing the hint. */
export function isSearchable(text: string): boolean {
  return [...searchText(text)].length >= SEARCH_MIN_CHARS;
}

/** Versions a result lists in its row; the rest are counted, and all are in the cell's tooltip. */
export const VERSIONS_SHOWN = 3;

export type ShortVersions = {
  /** The newest ones, in the core's order (newest first). */
  readonly shown: readonly string[];
  /** How many more there are beyond those. */
  readonly more: number;
};

export function shortVersions(versions: readonly string[], limit: number = VERSIONS_SHOWN): ShortVersions {
  return { shown: versions.slice(0, limit), more: Math.max(0, versions.length - limit) };
}

/** The name of the product `key` among a search's matches, or `null` when it is not one of them. */
export function nameForKey(search: AppSearch | null, key: string): string | null {
  return search?.matches.find((match) => match.key === key)?.name ?? null;
}
