import type { AppDevice, AppDevices } from "../bindings";
import type { Translator } from "../i18n/translator";

export type FirstSeen = {
  /** What the cell shows. */
  readonly text: string;
  /** Why the cell says what it does, on hover; `null` when a date says it all. */
  readonly hint: string | null;
};

/**
 * When the app was first seen on a unit, in the user's locale and time zone. An install
 * stored before Flotta kept this time is said to be so, never left blank: a blank would
 * read as "not known" or "just now", and the question asked here is "who installed it after
 * the ban?".
 */
export function firstSeenLabel(firstSeenAt: string | null, i18n: Translator): FirstSeen {
  if (firstSeenAt === null) {
    return { text: i18n.t("apps.devices.beforeUpgrade"), hint: i18n.t("apps.devices.beforeUpgradeHint") };
  }
  return { text: i18n.format.dateTime(firstSeenAt), hint: null };
}

export type UnitIdentifier = { readonly kind: "serial" | "imei"; readonly value: string };

/** The unit's hardware identity as a person reads it off the device: serial, else IMEI, else `null`. */
export function unitIdentifier(device: Pick<AppDevice, "serial" | "imei">): UnitIdentifier | null {
  const serial = device.serial?.trim() ?? "";
  if (serial !== "") return { kind: "serial", value: serial };
  const imei = device.imei?.trim() ?? "";
  return imei === "" ? null : { kind: "imei", value: imei };
}

/** "Apple iPhone 15"; an EMM that repeats the maker in the model ("Samsung Galaxy…") is not doubled. */
export function modelLabel(device: Pick<AppDevice, "manufacturer" | "model">): string {
  const manufacturer = device.manufacturer.trim();
  const model = device.model.trim();
  if (manufacturer === "") return model;
  if (model.toLowerCase().startsWith(manufacturer.toLowerCase())) return model;
  return model === "" ? manufacturer : `${manufacturer} ${model}`;
}

/**
 * The line above the list: its order always, how much of it is shown only when the core held
 * some back, so a partial list is never taken for all of them.
 */
export function devicesSummary(list: Pick<AppDevices, "total" | "devices">, i18n: Translator): string {
  const order = i18n.t("apps.devices.order");
  if (list.devices.length >= list.total) return order;
  const shown = i18n.t("apps.devices.shownOf", {
    shown: i18n.format.number(list.devices.length),
    total: i18n.format.number(list.total),
  });
  return `${order} · ${shown}`;
}

/**
 * The proposed export file name for an app, "flotta-app-microsoft-teams": letters folded to
 * plain ASCII (å→a) so the name travels through mail and file shares unharmed.
 */
export function exportFileName(appName: string): string {
  const slug = appName
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug === "" ? "flotta-app" : `flotta-app-${slug}`;
}
