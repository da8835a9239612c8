import { describe, expect, it } from "vitest";
import type { AgreementView, CategoryView, IncidentDeviceView } from "../bindings";
import {
  checkIncidentDraft,
  defaultAgreementId,
  firstIncidentProblem,
  offeredCategories,
  type IncidentDraft,
} from "./incidentDraft";

const device: IncidentDeviceView = {
  device_id: 7,
  serial: "F2LXK0ABHG7F",
  imei: null,
  manufacturer: "Apple",
  model: "iPhone 15",
  user_name: "Kim Lind",
};

const draft = (changes: Partial<IncidentDraft> = {}): IncidentDraft => ({
  receivedAt: "2026-11-02T09:15",
  receivedAtTouched: false,
  channel: "phone",
  reporter: "Kim Lind",
  device: null,
  categoryId: 2,
  agreementId: 1,
  description: "Kan inte logga in i Outlook",
  ...changes,
});

describe("checkIncidentDraft", () => {
  it("sends a complete form, leaving the time to the core when it was not changed", () => {
    expect(checkIncidentDraft(draft())).toEqual({
      ok: true,
      form: {
        received_at: null,
        channel: "phone",
        reporter: "Kim Lind",
        device_id: null,
        category_id: 2,
        agreement_id: 1,
        description: "Kan inte logga in i Outlook",
      },
    });
  });

  it("sends the device picked and a changed time as the instant it names", () => {
    const check = checkIncidentDraft(draft({ device, receivedAtTouched: true }));
    expect(check.ok && check.form.device_id).toBe(7);
    expect(check.ok && check.form.received_at).toBe(new Date(2026, 10, 2, 9, 15).toISOString());
  });

  it("trims the texts", () => {
    const check = checkIncidentDraft(draft({ reporter: " Servicedesk ", description: "  Skärmen är svart\n" }));
    expect(check.ok && [check.form.reporter, check.form.description]).toEqual(["Servicedesk", "Skärmen är svart"]);
  });

  it("names every missing field, in the form's order", () => {
    const check = checkIncidentDraft(
      draft({ reporter: " ", categoryId: null, agreementId: null, description: "", receivedAt: "", receivedAtTouched: true }),
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual({
      received_at: "incidents.new.problem.time",
      reporter: "repairs.refused.required",
      category_id: "incidents.new.problem.category",
      agreement_id: "incidents.new.problem.agreement",
      description: "repairs.refused.required",
    });
    expect(firstIncidentProblem(check.problems)).toBe("received_at");
    expect(firstIncidentProblem({ description: "repairs.refused.required", category_id: "incidents.new.problem.category" })).toBe(
      "category_id",
    );
  });

  it("refuses texts longer than the core keeps", () => {
    const check = checkIncidentDraft(draft({ reporter: "x".repeat(201), description: "y".repeat(20_001) }));
    expect(!check.ok && check.problems).toEqual({ reporter: "repairs.refused.tooLong", description: "repairs.refused.tooLong" });
  });
});

const category = (id: number, retired: boolean): CategoryView => ({
  label: { id, name_sv: `Kategori ${id}`, name_en: `Category ${id}`, retired },
  cases: 0,
});

describe("offeredCategories", () => {
  it("leaves out retired categories and keeps the core's order", () => {
    expect(offeredCategories([category(3, false), category(1, true), category(2, false)]).map((c) => c.label.id)).toEqual([3, 2]);
  });
});

const agreement = (id: number, name: string): AgreementView => ({ id, name, terms: [] });

describe("defaultAgreementId", () => {
  it("is the only agreement, else the one named Standard, else none", () => {
    expect(defaultAgreementId([agreement(4, "Premium")])).toBe(4);
    expect(defaultAgreementId([agreement(4, "Premium"), agreement(1, "Standard")])).toBe(1);
    expect(defaultAgreementId([agreement(4, "Premium"), agreement(5, "Bas")])).toBeNull();
    expect(defaultAgreementId([])).toBeNull();
  });
});
