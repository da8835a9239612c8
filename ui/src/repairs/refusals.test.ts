import { describe, expect, it } from "vitest";
import type { ErrorCode, ErrorPayload } from "../bindings";
import { caseRefusal, eventRefusal } from "./refusals";

const error = (field: string | null, message: string, code: ErrorCode = "invalid_input"): ErrorPayload => ({
  code,
  message,
  field,
});

describe("caseRefusal", () => {
  it("places a refusal at the field the core names", () => {
    expect(caseRefusal(error("fault", "repair: fault is required"))).toEqual({
      field: "fault",
      key: "repairs.refused.required",
    });
    expect(caseRefusal(error("reported_by", "repair: reported_by longer than 200 characters"))).toEqual({
      field: "reported_by",
      key: "repairs.refused.tooLong",
    });
    expect(caseRefusal(error("reported_at", "repair: reported_at 2030-01-01 08:00:00 UTC is in the future"))).toEqual({
      field: "reported_at",
      key: "repairs.refused.future",
    });
  });

  it("tells a unit already in a case from one that cannot be repaired", () => {
    expect(caseRefusal(error("device_id", "repair: device_id the unit already has an open repair case (12)"))?.key).toBe(
      "repairs.refused.alreadyOpen",
    );
    expect(
      caseRefusal(error("device_id", "repair: device_id F2L is stolen; only a unit in use, in stock or in the pool can be repaired"))
        ?.key,
    ).toBe("repairs.refused.notRepairable");
  });

  it("leaves a refusal without a field of the form to the form's own error", () => {
    expect(caseRefusal(error(null, "there is no device with id 4", "not_found"))).toBeNull();
    expect(caseRefusal(error("mapping", "nope"))).toBeNull();
  });
});

describe("eventRefusal", () => {
  it("puts time problems at the time field", () => {
    expect(eventRefusal(error("at", 'repair case 3: "received" cannot be earlier than "reported" (…)'))).toEqual({
      field: "at",
      key: "repairs.refused.earlier",
    });
    expect(eventRefusal(error("at", "repair case 3: 2026-04-03 is a closed day (Långfredagen)"))?.key).toBe(
      "repairs.refused.closedDay",
    );
    expect(eventRefusal(error("at", "repair case 3: 2031-01-01 is in the future"))?.key).toBe("repairs.refused.future");
  });

  it("says when the pool has no unit of the model, or the chosen one is gone", () => {
    expect(eventRefusal(error("unit_id", "no Apple iPhone 15 is available in the swap pool", "no_pool_unit"))).toEqual({
      field: "unit_id",
      key: "repairs.refused.noPoolUnit",
    });
    expect(eventRefusal(error("unit_id", "repair: unit_id unit 9 is not available in the swap pool"))?.key).toBe(
      "repairs.refused.unitGone",
    );
  });

  it("words a step someone else recorded meanwhile", () => {
    expect(eventRefusal(error("event", "repair: event someone recorded this step meanwhile; nothing was changed"))?.key).toBe(
      "repairs.refused.meanwhile",
    );
    expect(eventRefusal(error("event", 'repair case 3: "repaired" needs "received" first; nothing was recorded'))?.key).toBe(
      "repairs.refused.invalid",
    );
  });
});
