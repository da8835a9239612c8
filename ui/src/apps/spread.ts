import type { AppCount, AppSpread, DeviceFilters, OsFamily, Ownership } from "../bindings";
import type { Translator } from "../i18n/translator";

/** The ways an app's spread is broken down, in the order the switch offers them. */
export const GROUPINGS = ["org_unit", "os", "ownership", "connection"] as const;

export type Grouping = (typeof GROUPINGS)[number];

const ROWS: Readonly<Record<Grouping, (spread: AppSpread) => readonly AppCount[]>> = {
  org_unit: (spread) => spread.by_org_unit,
  os: (spread) => spread.by_os,
  ownership: (spread) => spread.by_ownership,
  connection: (spread) => spread.by_connection,
};

/** The spread's rows for a grouping, in the core's order (most installs first). */
export function spreadRows(spread: AppSpread, grouping: Grouping): readonly AppCount[] {
  return ROWS[grouping](spread);
}

/** A group as the table and chart name it: units and connections by name, OS and ownership translated. */
export function groupLabel(grouping: Grouping, group: string, i18n: Translator): string {
  switch (grouping) {
    case "org_unit":
      return group === "" ? i18n.t("apps.group.noUnit") : group;
    case "os":
      return i18n.enumLabel("os", group);
    case "ownership":
      return i18n.enumLabel("ownership", group);
    case "connection":
      return group;
  }
}

const OS_FAMILIES: Readonly<Record<OsFamily, true>> = {
  ios: true,
  ipados: true,
  android: true,
  windows: true,
  macos: true,
  other: true,
};

const OWNERSHIPS: Readonly<Record<Ownership, true>> = { corporate: true, personal: true, unknown: true };

function isOsFamily(value: string): value is OsFamily {
  return Object.hasOwn(OS_FAMILIES, value);
}

function isOwnership(value: string): value is Ownership {
  return Object.hasOwn(OWNERSHIPS, value);
}

/**
 * The inventory filters listing the devices behind one group's installed count, or `null` where
 * the inventory has no filter for the group: a device without an organisation unit, a connection
 * (the inventory filters by what the devices are, not by who reports them), a value this build
 * does not know.
 */
export function groupFilters(grouping: Grouping, key: string, group: string): Partial<DeviceFilters> | null {
  switch (grouping) {
    case "org_unit":
      return group === "" ? null : { app: key, org_unit: group };
    case "os":
      return isOsFamily(group) ? { app: key, os: group } : null;
    case "ownership":
      return isOwnership(group) ? { app: key, ownership: group } : null;
    case "connection":
      return null;
  }
}

export type Headline = {
  /** "Installed on 1,778 of 48,100 devices whose apps are visible". */
  readonly installed: string;
  /** "1,900 devices not visible". */
  readonly notVisible: string;
};

/**
 * The spread's honest count: installed only ever out of the devices whose apps are seen, the
 * devices not seen beside it, never folded into "not installed".
 */
export function headline(total: AppCount, i18n: Translator): Headline {
  const plural = new Intl.PluralRules(i18n.format.locale);
  const form = (count: number) => (plural.select(count) === "one" ? "one" : "other");
  return {
    installed: i18n.t(`apps.spread.installed.${form(total.visible)}`, {
      installed: i18n.format.number(total.installed),
      visible: i18n.format.number(total.visible),
    }),
    notVisible: i18n.count("apps.spread.notVisible", total.not_visible),
  };
}
