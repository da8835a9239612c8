import { describe, expect, it } from "vitest";
import type { AgreementTerms, AgreementView } from "../bindings";
import { agreementDraftOf, checkAgreementDraft, type AgreementDraft } from "./agreementDraft";

const terms = (valid_from: string, changes: Partial<AgreementTerms> = {}): AgreementTerms => ({
  valid_from,
  window: { days: "working_days", opens: 480, closes: 1020 },
  pausing: ["awaiting_reporter"],
  targets: [{ category_id: null, line: null, response_minutes: 60, resolution_minutes: 540 }],
  ...changes,
});

const standard: AgreementView = {
  id: 1,
  name: "Standard",
  terms: [
    terms("2000-01-01T00:00:00Z"),
    terms("2026-11-16T00:00:00Z", { window: { days: "every_day", opens: 420, closes: 1320 }, pausing: [] }),
  ],
};

describe("agreementDraftOf", () => {
  it("starts new terms from the latest ones", () => {
    const draft = agreementDraftOf(standard, "2026-12-01T08:00");
    expect(draft).toMatchObject({
      id: 1,
      name: "Standard",
      window: "own",
      days: "every_day",
      opens: "07:00",
      closes: "22:00",
      pausing: [],
      validFromTouched: false,
    });
    expect(draft.rows.map((row) => [row.response, row.resolution])).toEqual([["1", "9"]]);
  });

  it("starts a new agreement on weekdays 08–17, both pauses stopping the clock", () => {
    expect(agreementDraftOf(null, "2026-12-01T08:00")).toMatchObject({
      id: null,
      name: "",
      window: "weekdays_08_17",
      pausing: ["awaiting_reporter", "awaiting_supplier"],
      rows: [{ key: 0, categoryId: null, line: null, response: "", resolution: "" }],
    });
  });
});

describe("checkAgreementDraft", () => {
  const fresh = (changes: Partial<AgreementDraft> = {}): AgreementDraft => ({
    ...agreementDraftOf(null, "2026-12-01T08:00"),
    name: " Premium ",
    ...changes,
  });

  it("sends a preset window, the pauses and the targets, from now", () => {
    const rows = [{ key: 0, categoryId: null, line: null, response: "0:30", resolution: "4" }];
    const draft = fresh({ window: "weekdays_07_22", rows });
    expect(checkAgreementDraft(draft)).toEqual({
      ok: true,
      form: {
        id: null,
        name: "Premium",
        window: { days: "working_days", opens: 420, closes: 1320 },
        pausing: ["awaiting_reporter", "awaiting_supplier"],
        targets: [{ category_id: null, line: null, response_minutes: 30, resolution_minutes: 240 }],
        valid_from: null,
      },
    });
  });

  it("sends the agreement's own hours and a changed start as the instant it names", () => {
    const check = checkAgreementDraft(
      fresh({ window: "own", days: "every_day", opens: "6", closes: "24:00", validFromTouched: true }),
    );
    expect(check.ok && check.form.window).toEqual({ days: "every_day", opens: 360, closes: 1440 });
    expect(check.ok && check.form.valid_from).toBe(new Date(2026, 11, 1, 8, 0).toISOString());
  });

  it("needs a new agreement's name, and readable hours that open before they close", () => {
    expect(checkAgreementDraft(fresh({ name: " ", window: "own", opens: "8:75", closes: "x" }))).toEqual({
      ok: false,
      problems: { name: "repairs.refused.required", opens: "agreements.problem.clock", closes: "agreements.problem.clock" },
    });
    expect(checkAgreementDraft(fresh({ window: "own", opens: "17:00", closes: "08:00" }))).toEqual({
      ok: false,
      problems: { closes: "agreements.problem.closesBeforeOpens" },
    });
  });

  it("does not ask changed terms for a name, and passes on the targets' problems", () => {
    const rows = [{ key: 0, categoryId: null, line: null, response: "0", resolution: "" }];
    const draft = { ...agreementDraftOf(standard, "x"), rows };
    expect(checkAgreementDraft(draft)).toEqual({
      ok: false,
      problems: { rows: { 0: { response: "agreements.problem.zero" } } },
    });
  });

  it("refuses an unreadable start", () => {
    expect(checkAgreementDraft(fresh({ validFrom: "2026-02-30T08:00", validFromTouched: true }))).toEqual({
      ok: false,
      problems: { valid_from: "repairs.new.problem.time" },
    });
  });
});
