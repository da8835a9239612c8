import { describe, expect, it } from "vitest";
import type { CaseUnitView } from "../bindings";
import { checkCaseDraft, firstCaseProblem, type CaseDraft } from "./caseDraft";

const unit: CaseUnitView = {
  device_id: 7,
  serial: "F2LXK0ABHG7F",
  imei: null,
  manufacturer: "Apple",
  model: "iPhone 15",
  user_name: "Kim Lind",
  org_unit: "Intraservice",
  lifecycle: "deployed",
};

const draft = (changes: Partial<CaseDraft> = {}): CaseDraft => ({
  unit,
  sla: "swap",
  fault: "Spricka i skärmen",
  reportedBy: "Kim Lind",
  reportedAt: "2026-03-02T09:15",
  reportedAtTouched: false,
  ...changes,
});

describe("checkCaseDraft", () => {
  it("sends a complete form, leaving the time to the core when it was not changed", () => {
    expect(checkCaseDraft(draft())).toEqual({
      ok: true,
      form: { device_id: 7, sla: "swap", fault: "Spricka i skärmen", reported_by: "Kim Lind", reported_at: null },
    });
  });

  it("sends a changed time as the instant it names", () => {
    const check = checkCaseDraft(draft({ reportedAtTouched: true }));
    expect(check.ok && check.form.reported_at).toBe(new Date(2026, 2, 2, 9, 15).toISOString());
  });

  it("trims the texts", () => {
    const check = checkCaseDraft(draft({ fault: "  Laddar inte ", reportedBy: " Servicedesk " }));
    expect(check.ok && [check.form.fault, check.form.reported_by]).toEqual(["Laddar inte", "Servicedesk"]);
  });

  it("names every missing field, the unit first", () => {
    const check = checkCaseDraft(
      draft({ unit: null, sla: null, fault: " ", reportedBy: "", reportedAt: "", reportedAtTouched: true }),
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual({
      device_id: "repairs.new.problem.unit",
      sla: "repairs.new.problem.sla",
      fault: "repairs.refused.required",
      reported_by: "repairs.refused.required",
      reported_at: "repairs.new.problem.time",
    });
    expect(firstCaseProblem(check.problems)).toBe("device_id");
    expect(firstCaseProblem({ reported_by: "repairs.refused.required", sla: "repairs.new.problem.sla" })).toBe("sla");
  });

  it("refuses texts longer than the core keeps", () => {
    const check = checkCaseDraft(draft({ fault: "x".repeat(2001) }));
    expect(!check.ok && check.problems.fault).toBe("repairs.refused.tooLong");
  });
});
