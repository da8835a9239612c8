import type { DeviceApp, DeviceApps, DeviceDetail } from "../bindings";
import type { Translator } from "../i18n/translator";

/** Rows shown before the user asks for all of them; also the list length that earns a filter box. */
export const APPS_SHOWN_FIRST = 10;

/** What the panel already knows about the device's main connection, to name its vendor. */
export type AppsDevice = Pick<DeviceDetail, "source_name" | "source_kind" | "ownership">;

/**
 * A sentence about what the app list can and cannot say. "Not reported" is never "no apps":
 * a connection that does not report a device's apps says nothing about what is installed.
 */
export type AppsNote =
  /** A connection has not reported this device's apps (it does not, or has not yet). */
  | { readonly kind: "not_reported"; readonly source: string; readonly text: string }
  /** When a connection last reported the device's apps. */
  | { readonly kind: "reported"; readonly source: string; readonly at: string; readonly text: string }
  /** No connection knows the device (manually registered or imported). */
  | { readonly kind: "no_source"; readonly text: string }
  /** At least one connection reported the list, and it is empty. */
  | { readonly kind: "none_reported"; readonly text: string };

/**
 * The notes to show above the list: first every connection that does not report the apps
 * (the part a reader must not miss), then when the others last did.
 */
export function appsNotes(data: DeviceApps, device: AppsDevice, i18n: Translator, now: Date): AppsNote[] {
  if (data.visibility.length === 0) {
    // Apps with no connection behind them cannot happen today; say nothing false if they ever do.
    return data.apps.length === 0 ? [{ kind: "no_source", text: i18n.t("detail.apps.noSource") }] : [];
  }
  const notes: AppsNote[] = [];
  for (const { source, reported_at } of data.visibility) {
    if (reported_at === null) notes.push({ kind: "not_reported", source, text: notReportedText(source, device, i18n) });
  }
  for (const { source, reported_at } of data.visibility) {
    if (reported_at !== null) {
      const text = i18n.t("detail.apps.reported", {
        source,
        date: i18n.format.dateTime(reported_at),
        relative: i18n.format.relative(reported_at, now),
      });
      notes.push({ kind: "reported", source, at: reported_at, text });
    }
  }
  if (data.apps.length === 0 && notes.some((note) => note.kind === "reported")) {
    notes.push({ kind: "none_reported", text: i18n.t("detail.apps.noneReported") });
  }
  return notes;
}

/**
 * Only the device's main connection has a known vendor here. Intune's reason is given only
 * where it applies (a device not known as corporate-owned); a corporate device Intune has not
 * reported yet (incremental syncs do not read apps) gets the neutral sentence.
 */
function notReportedText(source: string, device: AppsDevice, i18n: Translator): string {
  if (source !== device.source_name) return i18n.t("detail.apps.notReported", { source });
  switch (device.source_kind) {
    case "intune":
      return device.ownership === "corporate"
        ? i18n.t("detail.apps.notReportedVendor", { source, vendor: i18n.enumLabel("source", "intune") })
        : i18n.t("detail.apps.notReportedIntune", { source });
    case "jamf":
    case "workspace_one":
      return i18n.t("detail.apps.notReportedVendor", { source, vendor: i18n.enumLabel("source", device.source_kind) });
    case "demo":
    case "manual":
    case "import":
      return i18n.t("detail.apps.notReported", { source });
  }
}

/** Apps whose name or identifier contains the filter text, ignoring case; in the order delivered. */
export function filterApps(apps: readonly DeviceApp[], filter: string): readonly DeviceApp[] {
  const needle = filter.trim().toLocaleLowerCase();
  if (needle === "") return apps;
  return apps.filter(
    (app) => app.name.toLocaleLowerCase().includes(needle) || app.identifier.toLocaleLowerCase().includes(needle),
  );
}

/**
 * The source column earns its place only when the apps do not all come from the same
 * connections (the notes above the list already name those).
 */
export function showSourceColumn(apps: readonly DeviceApp[]): boolean {
  return new Set(apps.map((app) => sourcesText(app))).size > 1;
}

/** The connections that report an app, for its source cell. */
export function sourcesText(app: DeviceApp): string {
  return app.sources.join(", ");
}

export type AppsListView = {
  /** The rows on screen. */
  readonly rows: readonly DeviceApp[];
  /** Apps the filter lets through (all of them without a filter). */
  readonly matching: number;
  readonly showFilter: boolean;
  readonly showSource: boolean;
  /** Intune gives no identifiers: a column of dashes only takes room from the names. */
  readonly showIdentifier: boolean;
  /** What the toggle button offers, or `null` when the matching apps fit in the first ten. */
  readonly toggle: "show_all" | "show_first" | null;
};

/** The table part of the section for the current filter text and "show all" choice. */
export function appsListView(apps: readonly DeviceApp[], filter: string, showAll: boolean): AppsListView {
  const showFilter = apps.length > APPS_SHOWN_FIRST;
  // A filter box that is no longer on screen must not keep hiding rows.
  const matched = showFilter ? filterApps(apps, filter) : apps;
  const cut = matched.length > APPS_SHOWN_FIRST;
  return {
    rows: cut && !showAll ? matched.slice(0, APPS_SHOWN_FIRST) : matched,
    matching: matched.length,
    showFilter,
    showSource: showSourceColumn(apps),
    showIdentifier: apps.some((app) => app.identifier !== ""),
    toggle: cut ? (showAll ? "show_first" : "show_all") : null,
  };
}

/**
 * The line under the filter that says how much of the list is on screen (read out to screen
 * readers as it changes); empty while every app is shown.
 */
export function appsShownText(view: AppsListView, total: number, filter: string, i18n: Translator): string {
  if (view.matching === 0) return i18n.t("detail.apps.filter.noMatch", { filter: filter.trim() });
  if (view.rows.length === total) return "";
  return i18n.t("detail.apps.shown", {
    shown: i18n.format.number(view.rows.length),
    total: i18n.format.number(total),
  });
}
