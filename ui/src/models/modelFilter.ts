/** The Models view's filters: a certification state and free text over manufacturer and model. */
import type { ModelRow } from "../bindings";
import type { CertificationState } from "./certificationStatus";

export type ModelFilter = {
  readonly state: CertificationState | "all";
  /** Whitespace-separated terms; each must occur in the manufacturer or the model name. */
  readonly text: string;
};

export const NO_FILTER: ModelFilter = { state: "all", text: "" };

export function isFiltered(filter: ModelFilter): boolean {
  return filter.state !== "all" || filter.text.trim() !== "";
}

export function filterModels(rows: readonly ModelRow[], filter: ModelFilter): readonly ModelRow[] {
  const terms = filter.text.toLocaleLowerCase("sv").split(/\s+/).filter((term) => term !== "");
  if (filter.state === "all" && terms.length === 0) return rows;
  return rows.filter((row) => {
    if (filter.state !== "all" && row.status.state !== filter.state) return false;
    const name = `${row.manufacturer} ${row.model}`.toLocaleLowerCase("sv");
    return terms.every((term) => name.includes(term));
  });
}

/** Identifies a model: the core names a model by its manufacturer and its name. */
export type ModelKey = { readonly manufacturer: string; readonly model: string };

export function sameModel(a: ModelKey | null, b: ModelKey | null): boolean {
  return a !== null && b !== null && a.manufacturer === b.manufacturer && a.model === b.model;
}
