import type { CertificationMatch, DeviceFilters, InventoryView, PurchaseMatch, SortColumn, SortSpec } from "../bindings";
import { isWarrantyStatus } from "../warranty/status";

/**
 * The filters chosen from the fleet's values (the "no hardware identifier" one is a switch;
 * the purchase one has its two fixed values; the app one is set from the Apps view and shown
 * as a chip, as an app catalogue is too long for a select).
 */
export type FilterKey = Exclude<keyof DeviceFilters, "without_hardware_id" | "purchase" | "app">;

/**
 * Display order of the filter selects: certification beside the model it belongs to, and the
 * purchase's supplier and warranty last, next to the purchase filter that follows them. A
 * record, so a filter added to the bindings fails the type check until it is placed here.
 */
const FILTER_ORDER: Readonly<Record<FilterKey, true>> = {
  os: true,
  manufacturer: true,
  model: true,
  certification: true,
  ownership: true,
  org_unit: true,
  lifecycle: true,
  supplier: true,
  warranty: true,
};

export const FILTER_KEYS = Object.keys(FILTER_ORDER) as readonly FilterKey[];

export const EMPTY_FILTERS: Required<DeviceFilters> = {
  os: null,
  manufacturer: null,
  model: null,
  certification: null,
  ownership: null,
  org_unit: null,
  lifecycle: null,
  supplier: null,
  warranty: null,
  without_hardware_id: false,
  purchase: null,
  app: null,
};

export const DEFAULT_VIEW: InventoryView = {
  search: "",
  filters: EMPTY_FILTERS,
  sort: { column: "serial", direction: "asc" },
};

/** Same column flips the direction; a new column starts ascending. */
export function toggleSort(view: InventoryView, column: SortColumn): InventoryView {
  const sort: SortSpec =
    view.sort.column === column
      ? { column, direction: view.sort.direction === "asc" ? "desc" : "asc" }
      : { column, direction: "asc" };
  return { ...view, sort };
}

/**
 * Filter values arrive as plain strings from the selects; the facet lists they come
 * from hold only valid values for each key, so the cast is to the key's own type.
 * Empty string means "all".
 */
export function setFilter(view: InventoryView, key: FilterKey, value: string | null): InventoryView {
  const normalised = value === null || value === "" ? null : value;
  if (filterValue(view, key) === normalised) return view;
  return { ...view, filters: { ...view.filters, [key]: normalised } };
}

/**
 * Shows only the units on which some connection reports the app with this key (an app search
 * match's); `null` is "all". A view saved before the filter existed has no `app` key: "all".
 */
export function setApp(view: InventoryView, app: string | null): InventoryView {
  const normalised = app === null || app === "" ? null : app;
  if ((view.filters.app ?? null) === normalised) return view;
  return { ...view, filters: { ...view.filters, app: normalised } };
}

/** Shows only the units with neither serial nor IMEI (known by their EMM record alone). */
export function setWithoutHardwareId(view: InventoryView, on: boolean): InventoryView {
  if (view.filters.without_hardware_id === on) return view;
  return { ...view, filters: { ...view.filters, without_hardware_id: on } };
}

/**
 * Shows only the units with a purchase in the register, or only those without one; `null` is
 * "all". A view saved before the filter existed has no `purchase` key and counts as "all".
 */
export function setPurchase(view: InventoryView, purchase: PurchaseMatch | null): InventoryView {
  if ((view.filters.purchase ?? null) === purchase) return view;
  return { ...view, filters: { ...view.filters, purchase } };
}

export function clearFilters(view: InventoryView): InventoryView {
  if (activeFilterCount(view) === 0) return view;
  return { ...view, filters: EMPTY_FILTERS };
}

/**
 * The view another view opens the inventory with ("these devices"): only `filters`, no search,
 * so the list holds exactly the devices counted there; the user's sort is kept.
 */
export function showOnly(view: InventoryView, filters: Partial<DeviceFilters>): InventoryView {
  return { search: "", filters: { ...EMPTY_FILTERS, ...filters }, sort: view.sort };
}

export function setSearch(view: InventoryView, search: string): InventoryView {
  const trimmed = search.trim();
  return trimmed === view.search ? view : { ...view, search: trimmed };
}

/**
 * The value a select shows for `key`; `null` is "all". The filters added after the first
 * release are optional in the bindings, so a view saved before them has no key: "all" too.
 */
export function filterValue(view: InventoryView, key: FilterKey): string | null {
  return view.filters[key] ?? null;
}

export function activeFilterCount(view: InventoryView): number {
  return (
    FILTER_KEYS.filter((key) => filterValue(view, key) !== null).length +
    (view.filters.without_hardware_id ? 1 : 0) +
    ((view.filters.purchase ?? null) === null ? 0 : 1) +
    ((view.filters.app ?? null) === null ? 0 : 1)
  );
}

/**
 * Stable identity of a view for caching: two views with equal content share a key
 * regardless of property order in the objects.
 */
export function viewKey(view: InventoryView): string {
  return JSON.stringify([
    view.search,
    FILTER_KEYS.map((key) => filterValue(view, key)),
    view.filters.without_hardware_id,
    view.filters.purchase ?? null,
    view.filters.app ?? null,
    view.sort.column,
    view.sort.direction,
  ]);
}

/**
 * Settings written by an older build may lack fields; fill them from the default
 * rather than sending `undefined` to the backend.
 */
export function normaliseView(view: Partial<InventoryView> | null | undefined): InventoryView {
  if (!view) return DEFAULT_VIEW;
  const filters: DeviceFilters = { ...EMPTY_FILTERS, ...(view.filters ?? {}) };
  return {
    search: typeof view.search === "string" ? view.search : DEFAULT_VIEW.search,
    // A value this build does not know (a newer build's) would be refused by the core: "all".
    filters: {
      ...filters,
      purchase: isPurchaseMatch(filters.purchase) ? filters.purchase : null,
      warranty: isWarrantyStatus(filters.warranty) ? filters.warranty : null,
      certification: isCertificationMatch(filters.certification) ? filters.certification : null,
      // `undefined` (a key missing from an older view) is "all" as well.
      supplier: filters.supplier ?? null,
      app: typeof filters.app === "string" && filters.app !== "" ? filters.app : null,
    },
    sort: view.sort ?? DEFAULT_VIEW.sort,
  };
}

const PURCHASE_MATCHES: Readonly<Record<PurchaseMatch, true>> = { bought: true, not_bought: true };

/** A value of the purchase filter this build knows (from a select, or a saved view). */
export function isPurchaseMatch(value: unknown): value is PurchaseMatch {
  return typeof value === "string" && Object.hasOwn(PURCHASE_MATCHES, value);
}

const CERTIFICATION_MATCHES: Readonly<Record<CertificationMatch, true>> = { certified: true, not_certified: true };

/** A value of the certification filter this build knows (a saved view may hold a newer build's). */
export function isCertificationMatch(value: unknown): value is CertificationMatch {
  return typeof value === "string" && Object.hasOwn(CERTIFICATION_MATCHES, value);
}
