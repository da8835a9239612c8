/**
 * A unit's repair cases as the device panel and the move dialog see them: which case is
 * open, whether a case may be opened at all, and which case a refused move names.
 */
import type { CaseUnitView, DeviceDetail, ErrorPayload, Lifecycle, RepairCaseView } from "../bindings";

/**
 * The states a case can be opened from, as the core allows them (in use, in stock, in the
 * pool, or already moved to repair by hand). A record, so a state added to the core fails the
 * type check until it is placed here.
 */
const REPAIRABLE: Record<Lifecycle, boolean> = {
  in_stock: true,
  deployed: true,
  in_repair: true,
  in_swap_pool: true,
  lost: false,
  stolen: false,
  returned: false,
  recycled: false,
};

/** Whether the core would open a repair case for a unit in this state. */
export function canOpenCase(lifecycle: Lifecycle): boolean {
  return REPAIRABLE[lifecycle];
}

/** The unit as the new-case form takes it, so the form starts with the unit already found. */
export function caseUnitOf(device: DeviceDetail): CaseUnitView {
  return {
    device_id: device.id,
    serial: device.serial,
    imei: device.imei,
    manufacturer: device.manufacturer,
    model: device.model,
    user_name: device.user_name,
    org_unit: device.org_unit,
    lifecycle: device.lifecycle,
  };
}

/** The open case among a unit's cases; a unit has at most one, which the core lists first. */
export function openCaseOf(cases: readonly RepairCaseView[]): RepairCaseView | null {
  return cases.find((repairCase) => repairCase.closed_at === null) ?? null;
}

/**
 * The case named by the core's refusal to move a unit that is in an open repair case ("ABC123
 * is in open repair case 7, whose steps move it; …"), or `null` for any other refusal. The
 * core words refusals in English only, so the case number is read from the message.
 */
export function caseInMoveRefusal(error: ErrorPayload): number | null {
  if (error.code !== "invalid_input" || error.field !== null) return null;
  const match = /\bin open repair case (\d+)\b/i.exec(error.message);
  if (match?.[1] === undefined) return null;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
