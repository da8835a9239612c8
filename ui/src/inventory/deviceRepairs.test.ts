import { describe, expect, it } from "vitest";
import type { DeviceDetail, ErrorCode, ErrorPayload, RepairCaseView } from "../bindings";
import { canOpenCase, caseInMoveRefusal, caseUnitOf, openCaseOf } from "./deviceRepairs";

const device: DeviceDetail = {
  id: 17,
  source_name: "Intune (kommunen)",
  source_kind: "intune",
  vendor_device_id: "abc",
  serial: "F2LXK0ABCD",
  imei: "356789012345678",
  manufacturer: "Apple",
  model: "iPhone 15",
  os: "ios",
  os_version: "18.1",
  ownership: "corporate",
  user_name: "Åsa Öberg",
  user_email: "asa.oberg@kommun.example",
  org_unit: "Socialförvaltningen",
  enrolled_at: null,
  last_check_in: null,
  compliance: "compliant",
  jailbroken: false,
  encrypted: true,
  lifecycle: "deployed",
};

const repairCase = (id: number, closedAt: string | null): RepairCaseView => ({
  id,
  unit: caseUnitOf(device),
  sla: "swap",
  fault: "Cracked screen",
  reported_by: "Servicedesk",
  reported_at: "2026-03-02T08:00:00Z",
  opened_by: "coordinator",
  closed_at: closedAt,
  clock: { start_day: "2026-03-02", milestones: [] },
  standing: "on_time",
  margin_working_days: 1,
  next_due: null,
  events: [],
  next_events: [],
  loaner: null,
});

const error = (message: string, code: ErrorCode = "invalid_input", field: string | null = null): ErrorPayload => ({
  code,
  message,
  field,
});

describe("caseUnitOf", () => {
  it("takes the unit's identity, user and state from its detail", () => {
    expect(caseUnitOf(device)).toEqual({
      device_id: 17,
      serial: "F2LXK0ABCD",
      imei: "356789012345678",
      manufacturer: "Apple",
      model: "iPhone 15",
      user_name: "Åsa Öberg",
      org_unit: "Socialförvaltningen",
      lifecycle: "deployed",
    });
  });
});

describe("canOpenCase", () => {
  it("allows a unit in use, in stock, in the pool or in repair", () => {
    expect(canOpenCase("deployed")).toBe(true);
    expect(canOpenCase("in_stock")).toBe(true);
    expect(canOpenCase("in_swap_pool")).toBe(true);
    expect(canOpenCase("in_repair")).toBe(true);
  });

  it("refuses a unit that is gone", () => {
    expect(canOpenCase("lost")).toBe(false);
    expect(canOpenCase("stolen")).toBe(false);
    expect(canOpenCase("returned")).toBe(false);
    expect(canOpenCase("recycled")).toBe(false);
  });
});

describe("openCaseOf", () => {
  it("finds the case not yet closed", () => {
    expect(openCaseOf([repairCase(9, null), repairCase(4, "2026-01-10T12:00:00Z")])?.id).toBe(9);
    expect(openCaseOf([repairCase(4, "2026-01-10T12:00:00Z"), repairCase(9, null)])?.id).toBe(9);
  });

  it("finds none among closed cases only, or none at all", () => {
    expect(openCaseOf([repairCase(4, "2026-01-10T12:00:00Z")])).toBeNull();
    expect(openCaseOf([])).toBeNull();
  });
});

describe("caseInMoveRefusal", () => {
  it("reads the case number from the core's refusal", () => {
    expect(
      caseInMoveRefusal(error("lifecycle move: ABC123 is in open repair case 7, whose steps move it; record them there")),
    ).toBe(7);
    expect(caseInMoveRefusal(error("ABC123 is in open repair case 1234, whose steps move it"))).toBe(1234);
  });

  it("leaves any other refusal to the generic text", () => {
    expect(caseInMoveRefusal(error("lifecycle move: cannot move from recycled to deployed"))).toBeNull();
    expect(caseInMoveRefusal(error("ABC123 is in open repair case, whose steps move it"))).toBeNull();
    expect(caseInMoveRefusal(error("ABC123 is in open repair case 0, whose steps move it"))).toBeNull();
  });

  it("ignores the wording under another code or at a form field", () => {
    const message = "ABC123 is in open repair case 7, whose steps move it";
    expect(caseInMoveRefusal(error(message, "internal"))).toBeNull();
    expect(caseInMoveRefusal(error(message, "invalid_input", "reason"))).toBeNull();
  });
});
