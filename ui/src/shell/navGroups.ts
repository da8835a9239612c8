/** A heading in the navigation and the views under it. */
export type NavSection<G extends string, V extends { readonly group: G }> = {
  readonly group: G;
  readonly views: readonly V[];
};

/**
 * The views under their groups: the groups in the given order, each group's views in list
 * order, and no heading for a group without views.
 */
export function navSections<G extends string, V extends { readonly group: G }>(
  groups: readonly G[],
  views: readonly V[],
): NavSection<G, V>[] {
  return groups
    .map((group) => ({ group, views: views.filter((view) => view.group === group) }))
    .filter((section) => section.views.length > 0);
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Short badges for the collapsed navigation, one per label and all different: the first
 * two letters ("Enheter" → "En"), else the first letter with a later one ("Reports" after
 * "Repairs" → "Rp"), else the first letter with a number.
 */
export function abbreviations(labels: readonly string[]): string[] {
  const taken = new Set<string>();
  return labels.map((label) => {
    const letters = [...label].filter((char) => LETTER.test(char));
    const first = (letters[0] ?? "?").toUpperCase();
    const candidates =
      letters.length > 1 ? letters.slice(1).map((other) => first + other.toLowerCase()) : [first];
    let badge = candidates.find((candidate) => !taken.has(candidate.toLowerCase()));
    for (let n = 2; badge === undefined; n++) {
      const numbered = `${first}${n}`;
      if (!taken.has(numbered.toLowerCase())) badge = numbered;
    }
    taken.add(badge.toLowerCase());
    return badge;
  });
}

/** The collapsed state as stored: only an explicit "true" collapses, so the default is expanded. */
export function parseCollapsed(stored: string | null): boolean {
  return stored === "true";
}
