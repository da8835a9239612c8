/**
 * Finding the unit a case is about by the inventory's own search (serial number, IMEI, user or
 * model): a few hits to pick from, and the one a scanned or typed code names exactly.
 */
import type { DeviceDetail, DeviceQuery, DeviceRow, IncidentDeviceView } from "../bindings";
import { DEFAULT_VIEW } from "../inventory/viewState";

/** Enough to tell the right unit among a user's few; more is a sign to type more. */
export const DEVICE_HITS = 6;
/** Shorter searches match half the fleet. */
export const MIN_SEARCH_LENGTH = 2;

/** The inventory query for `text`; `null` when it is too short to search by. */
export function deviceSearchQuery(text: string): DeviceQuery | null {
  const search = text.trim();
  if ([...search].length < MIN_SEARCH_LENGTH) return null;
  return { view: { ...DEFAULT_VIEW, search }, offset: 0, limit: DEVICE_HITS };
}

/** A unit as the case names it. */
export function incidentDeviceOf(device: DeviceRow | DeviceDetail): IncidentDeviceView {
  return {
    device_id: device.id,
    serial: device.serial,
    imei: device.imei,
    manufacturer: device.manufacturer,
    model: device.model,
    user_name: device.user_name,
  };
}

const same = (a: string | null, b: string) => a !== null && a !== "" && a.trim().toLowerCase() === b;

/**
 * The hit Enter picks: the one whose serial number or IMEI is exactly the text (a scan), else
 * the only hit; `null` when the text could mean several units.
 */
export function exactHit(rows: readonly DeviceRow[], text: string): DeviceRow | null {
  const code = text.trim().toLowerCase();
  const exact = rows.filter((row) => same(row.serial, code) || same(row.imei, code));
  if (exact.length === 1) return exact[0] ?? null;
  return rows.length === 1 ? (rows[0] ?? null) : null;
}
