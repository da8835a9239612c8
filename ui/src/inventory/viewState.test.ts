import { describe, expect, it } from "vitest";
import type { InventoryView } from "../bindings";
import {
  activeFilterCount,
  clearFilters,
  DEFAULT_VIEW,
  EMPTY_FILTERS,
  FILTER_KEYS,
  filterValue,
  isCertificationMatch,
  normaliseView,
  setApp,
  setFilter,
  setPurchase,
  setSearch,
  setWithoutHardwareId,
  showOnly,
  toggleSort,
  viewKey,
} from "./viewState";

describe("toggleSort", () => {
  it("flips the direction when the sorted column is clicked again", () => {
    const once = toggleSort(DEFAULT_VIEW, "serial");
    expect(once.sort).toEqual({ column: "serial", direction: "desc" });
    expect(toggleSort(once, "serial").sort).toEqual({ column: "serial", direction: "asc" });
  });

  it("sorts a newly clicked column ascending, even after a descending sort", () => {
    const desc = toggleSort(DEFAULT_VIEW, "serial");
    expect(toggleSort(desc, "last_check_in").sort).toEqual({ column: "last_check_in", direction: "asc" });
  });

  it("keeps search and filters", () => {
    const view = setFilter(setSearch(DEFAULT_VIEW, "anna"), "os", "ios");
    const sorted = toggleSort(view, "model");
    expect(sorted.search).toBe("anna");
    expect(sorted.filters.os).toBe("ios");
  });
});

describe("filters", () => {
  it("sets one filter without touching the others", () => {
    const view = setFilter(setFilter(DEFAULT_VIEW, "os", "android"), "org_unit", "Socialförvaltningen");
    expect(view.filters).toEqual({ ...DEFAULT_VIEW.filters, os: "android", org_unit: "Socialförvaltningen" });
    expect(activeFilterCount(view)).toBe(2);
  });

  it("treats the empty option as 'all'", () => {
    const view = setFilter(setFilter(DEFAULT_VIEW, "model", "Pixel 8"), "model", "");
    expect(view.filters.model).toBeNull();
  });

  it("returns the same object when nothing changes, so no refetch or save follows", () => {
    const view = setFilter(DEFAULT_VIEW, "os", "ios");
    expect(setFilter(view, "os", "ios")).toBe(view);
    expect(clearFilters(DEFAULT_VIEW)).toBe(DEFAULT_VIEW);
  });

  it("clears every filter but keeps search and sort", () => {
    let view = setSearch(DEFAULT_VIEW, "F2L");
    view = toggleSort(view, "model");
    view = setFilter(setFilter(view, "lifecycle", "lost"), "ownership", "personal");
    const cleared = clearFilters(view);
    expect(activeFilterCount(cleared)).toBe(0);
    expect(cleared.search).toBe("F2L");
    expect(cleared.sort).toEqual(view.sort);
  });
});

describe("setSearch", () => {
  it("trims the text and ignores whitespace-only changes", () => {
    const view = setSearch(DEFAULT_VIEW, "  anna ");
    expect(view.search).toBe("anna");
    expect(setSearch(view, "anna  ")).toBe(view);
  });
});

describe("viewKey", () => {
  it("is equal for equal views regardless of property order", () => {
    const reordered: InventoryView = {
      sort: { direction: "asc", column: "serial" },
      filters: {
        without_hardware_id: false,
        lifecycle: null,
        org_unit: null,
        ownership: null,
        model: null,
        manufacturer: null,
        os: null,
      },
      search: "",
    };
    expect(viewKey(reordered)).toBe(viewKey(DEFAULT_VIEW));
  });

  it("differs when search, a filter or the sort differs", () => {
    const keys = new Set([
      viewKey(DEFAULT_VIEW),
      viewKey(setSearch(DEFAULT_VIEW, "x")),
      viewKey(setFilter(DEFAULT_VIEW, "os", "ios")),
      viewKey(setFilter(DEFAULT_VIEW, "manufacturer", "ios")),
      viewKey(toggleSort(DEFAULT_VIEW, "serial")),
      viewKey(setWithoutHardwareId(DEFAULT_VIEW, true)),
      viewKey(setPurchase(DEFAULT_VIEW, "bought")),
      viewKey(setPurchase(DEFAULT_VIEW, "not_bought")),
    ]);
    expect(keys.size).toBe(8);
  });
});

describe("normaliseView", () => {
  it("fills missing parts of a saved view from the default", () => {
    const partial = { search: "abc", filters: { os: "ios" } } as unknown as InventoryView;
    const view = normaliseView(partial);
    expect(view.search).toBe("abc");
    expect(view.filters).toEqual({ ...DEFAULT_VIEW.filters, os: "ios" });
    expect(view.sort).toEqual(DEFAULT_VIEW.sort);
    expect(normaliseView(null)).toEqual(DEFAULT_VIEW);
  });
});

describe("purchase filter", () => {
  it("starts as 'all'", () => {
    expect(EMPTY_FILTERS.purchase).toBeNull();
    expect(DEFAULT_VIEW.filters.purchase).toBeNull();
  });

  it("sets and clears the purchase filter without touching the others", () => {
    const view = setPurchase(setFilter(DEFAULT_VIEW, "os", "ios"), "not_bought");
    expect(view.filters).toEqual({ ...DEFAULT_VIEW.filters, os: "ios", purchase: "not_bought" });
    expect(setPurchase(view, null).filters.purchase).toBeNull();
  });

  it("counts as an active filter and is cleared with the others", () => {
    const view = setPurchase(DEFAULT_VIEW, "bought");
    expect(activeFilterCount(view)).toBe(1);
    expect(activeFilterCount(setWithoutHardwareId(view, true))).toBe(2);
    const cleared = clearFilters(view);
    expect(cleared.filters.purchase).toBeNull();
    expect(activeFilterCount(cleared)).toBe(0);
  });

  it("returns the same object when the value does not change", () => {
    const view = setPurchase(DEFAULT_VIEW, "bought");
    expect(setPurchase(view, "bought")).toBe(view);
    expect(setPurchase(DEFAULT_VIEW, null)).toBe(DEFAULT_VIEW);
  });

  it("loads a view saved before the filter existed as 'all'", () => {
    const saved = {
      search: "",
      filters: {
        os: "android",
        manufacturer: null,
        model: null,
        ownership: null,
        org_unit: null,
        lifecycle: null,
        without_hardware_id: false,
      },
      sort: { column: "model", direction: "desc" },
    } as unknown as InventoryView;
    const view = normaliseView(saved);
    expect(view.filters.purchase).toBeNull();
    expect(view.filters.os).toBe("android");
    expect(activeFilterCount(view)).toBe(1);
    expect(viewKey(view)).toBe(viewKey(setFilter(toggleSort(toggleSort(DEFAULT_VIEW, "model"), "model"), "os", "android")));
    // Without normalising, a missing key is "all" too.
    expect(activeFilterCount(saved)).toBe(1);
    expect(setPurchase(saved, null)).toBe(saved);
  });

  it("keeps a saved purchase filter and drops a value this build does not know", () => {
    const bought = normaliseView({ ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, purchase: "bought" } });
    expect(bought.filters.purchase).toBe("bought");
    const unknown = { ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, purchase: "leased" } } as unknown as InventoryView;
    expect(normaliseView(unknown).filters.purchase).toBeNull();
  });
});

describe("supplier, warranty and certification filters", () => {
  it("start as 'all' and are offered after the fleet's own facets", () => {
    expect(EMPTY_FILTERS).toMatchObject({ supplier: null, warranty: null, certification: null });
    expect(FILTER_KEYS).toEqual([
      "os",
      "manufacturer",
      "model",
      "certification",
      "ownership",
      "org_unit",
      "lifecycle",
      "supplier",
      "warranty",
    ]);
  });

  it("count as active filters and are cleared with the others", () => {
    let view = setFilter(DEFAULT_VIEW, "supplier", "Atea Sverige AB");
    view = setFilter(view, "warranty", "expiring");
    view = setFilter(view, "certification", "not_certified");
    expect(view.filters).toEqual({
      ...EMPTY_FILTERS,
      supplier: "Atea Sverige AB",
      warranty: "expiring",
      certification: "not_certified",
    });
    expect(activeFilterCount(view)).toBe(3);
    const cleared = clearFilters(setPurchase(view, "bought"));
    expect(cleared.filters).toEqual(EMPTY_FILTERS);
    expect(activeFilterCount(cleared)).toBe(0);
  });

  it("change the persistence key, each on its own", () => {
    const keys = new Set([
      viewKey(DEFAULT_VIEW),
      viewKey(setFilter(DEFAULT_VIEW, "supplier", "expired")),
      viewKey(setFilter(DEFAULT_VIEW, "warranty", "expired")),
      viewKey(setFilter(DEFAULT_VIEW, "warranty", "active")),
      viewKey(setFilter(DEFAULT_VIEW, "certification", "certified")),
      viewKey(setFilter(DEFAULT_VIEW, "certification", "not_certified")),
    ]);
    expect(keys.size).toBe(6);
  });

  it("read a view saved before they existed as 'all'", () => {
    const saved = {
      search: "",
      filters: {
        os: null,
        manufacturer: "Apple",
        model: null,
        ownership: null,
        org_unit: null,
        lifecycle: null,
        without_hardware_id: false,
        purchase: "bought",
      },
      sort: { column: "serial", direction: "asc" },
    } as unknown as InventoryView;
    // Without normalising, a missing key already counts as "all" and needs no change.
    expect(activeFilterCount(saved)).toBe(2);
    expect(filterValue(saved, "warranty")).toBeNull();
    expect(setFilter(saved, "supplier", "")).toBe(saved);
    const view = normaliseView(saved);
    expect(view.filters).toEqual({ ...EMPTY_FILTERS, manufacturer: "Apple", purchase: "bought" });
    expect(viewKey(view)).toBe(viewKey(saved));
  });

  it("keep saved values this build knows and drop the others", () => {
    const known = normaliseView({
      ...DEFAULT_VIEW,
      filters: { ...EMPTY_FILTERS, supplier: "Dustin", warranty: "unknown", certification: "certified" },
    });
    expect(known.filters).toMatchObject({ supplier: "Dustin", warranty: "unknown", certification: "certified" });
    const newer = {
      ...DEFAULT_VIEW,
      filters: { ...EMPTY_FILTERS, warranty: "extended", certification: "pending" },
    } as unknown as InventoryView;
    expect(normaliseView(newer).filters).toEqual(EMPTY_FILTERS);
  });
});

describe("isCertificationMatch", () => {
  it("knows the two values of the certification filter", () => {
    expect(isCertificationMatch("certified")).toBe(true);
    expect(isCertificationMatch("not_certified")).toBe(true);
    expect(isCertificationMatch("in_progress")).toBe(false);
    expect(isCertificationMatch(undefined)).toBe(false);
  });
});

describe("app filter", () => {
  it("starts as 'all' and is not one of the selects", () => {
    expect(EMPTY_FILTERS.app).toBeNull();
    expect(FILTER_KEYS).not.toContain("app");
  });

  it("sets and clears the app without touching the other filters, and counts as active", () => {
    const view = setApp(setFilter(DEFAULT_VIEW, "os", "ios"), "tiktok");
    expect(view.filters).toEqual({ ...EMPTY_FILTERS, os: "ios", app: "tiktok" });
    expect(activeFilterCount(view)).toBe(2);
    expect(setApp(view, "tiktok")).toBe(view);
    expect(setApp(view, null).filters.app).toBeNull();
    expect(setApp(view, "").filters.app).toBeNull();
    expect(clearFilters(view).filters).toEqual(EMPTY_FILTERS);
  });

  it("changes the persistence key, so the list is read again", () => {
    const keys = new Set([
      viewKey(DEFAULT_VIEW),
      viewKey(setApp(DEFAULT_VIEW, "tiktok")),
      viewKey(setApp(DEFAULT_VIEW, "microsoft teams")),
    ]);
    expect(keys.size).toBe(3);
  });

  it("keeps a saved app filter and reads a view saved before it existed as 'all'", () => {
    expect(normaliseView(setApp(DEFAULT_VIEW, "tiktok")).filters.app).toBe("tiktok");
    const older = { ...DEFAULT_VIEW, filters: { ...EMPTY_FILTERS, app: undefined } } as unknown as InventoryView;
    expect(normaliseView(older).filters.app).toBeNull();
    expect(activeFilterCount(older)).toBe(0);
    expect(viewKey(older)).toBe(viewKey(DEFAULT_VIEW));
  });
});

describe("showOnly", () => {
  it("opens the inventory on exactly the devices behind a figure: these filters, no search, other filters cleared", () => {
    let view = setSearch(DEFAULT_VIEW, "F2L");
    view = setFilter(setFilter(view, "lifecycle", "lost"), "model", "Pixel 8");
    view = setWithoutHardwareId(setPurchase(view, "bought"), true);
    view = toggleSort(view, "model");
    const shown = showOnly(view, { app: "tiktok", org_unit: "Grundskoleförvaltningen" });
    expect(shown).toEqual({
      search: "",
      filters: { ...EMPTY_FILTERS, app: "tiktok", org_unit: "Grundskoleförvaltningen" },
      sort: view.sort,
    });
    expect(activeFilterCount(shown)).toBe(2);
  });

  it("with only the app, lists every device with it", () => {
    const shown = showOnly(setFilter(DEFAULT_VIEW, "os", "android"), { app: "tiktok" });
    expect(shown.filters).toEqual({ ...EMPTY_FILTERS, app: "tiktok" });
  });
});
