import type { CertificationMatch, FacetValue, FleetSummary, Lifecycle, OsFamily, Ownership } from "../bindings";
import type { FilterKey } from "../inventory/viewState";
import type { EnumKind, Translator } from "../i18n/translator";
import { WARRANTY_STATUSES } from "../warranty/status";

/** Facets whose values are backend enums and so get translated labels. */
const ENUM_FACETS: Partial<Record<FilterKey, EnumKind>> = {
  os: "os",
  ownership: "ownership",
  lifecycle: "lifecycle",
  warranty: "warranty.kpi",
  certification: "certification",
};

/** What a facet's label depends on besides its value: "expiring" names the notice period. */
export type FacetContext = {
  /** The organisation's warranty notice period (`Settings.expiring_within_days`). */
  readonly expiringWithinDays: number;
};

/** Canonical order for enum facets: the order people expect, not alphabetical per language. */
const ENUM_ORDER: Partial<Record<FilterKey, readonly string[]>> = {
  os: ["ios", "ipados", "android", "windows", "macos", "other"] satisfies OsFamily[],
  ownership: ["corporate", "personal", "unknown"] satisfies Ownership[],
  lifecycle: [
    "in_stock",
    "deployed",
    "in_repair",
    "in_swap_pool",
    "lost",
    "stolen",
    "returned",
    "recycled",
  ] satisfies Lifecycle[],
  warranty: WARRANTY_STATUSES,
  certification: ["certified", "not_certified"] satisfies CertificationMatch[],
};

export function facetsOf(summary: FleetSummary, key: FilterKey): readonly FacetValue[] {
  return summary[`by_${key}`];
}

export function facetLabel(key: FilterKey, value: string, i18n: Translator, context: FacetContext): string {
  if (value === "") return i18n.t("value.empty");
  const kind = ENUM_FACETS[key];
  return kind ? i18n.enumLabel(kind, value, { days: i18n.format.number(context.expiringWithinDays) }) : value;
}

export type FacetOption = { value: string; label: string; count: number | null };

/**
 * Options for a filter select: enum facets in their natural order, free-text facets
 * alphabetically in the active language. A selected value missing from the facets
 * (e.g. a saved filter for a model no longer in the fleet) is kept so the select
 * still shows what is applied.
 */
export function facetOptions(
  key: FilterKey,
  facets: readonly FacetValue[],
  selected: string | null,
  i18n: Translator,
  context: FacetContext,
): FacetOption[] {
  const options: FacetOption[] = facets.map((facet) => ({
    value: facet.value,
    label: facetLabel(key, facet.value, i18n, context),
    count: facet.count,
  }));
  const order = ENUM_ORDER[key];
  if (order) {
    const rank = (value: string) => {
      const index = order.indexOf(value);
      return index === -1 ? order.length : index;
    };
    options.sort((a, b) => rank(a.value) - rank(b.value) || a.label.localeCompare(b.label, i18n.format.locale));
  } else {
    const collator = new Intl.Collator(i18n.format.locale, { numeric: true, sensitivity: "base" });
    options.sort((a, b) => collator.compare(a.label, b.label));
  }
  if (selected !== null && !options.some((option) => option.value === selected)) {
    options.unshift({ value: selected, label: facetLabel(key, selected, i18n, context), count: null });
  }
  return options;
}

/** The `limit` largest facets by count, ties broken by label so the chart is stable. */
export function topFacets(facets: readonly FacetValue[], limit: number): FacetValue[] {
  return [...facets]
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, limit);
}

/**
 * The fleet's organisation units by name, as the reports offer them: the units devices have,
 * without the empty one, in the user's alphabetical order.
 */
export function orgUnitNames(facets: readonly FacetValue[], locale: string): string[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" });
  return facets
    .map((facet) => facet.value)
    .filter((value) => value !== "")
    .sort(collator.compare);
}
