import { describe, expect, it } from "vitest";
import type { Delivery, PreconfigUnit, StepDone } from "../bindings";
import { createFormatter } from "../i18n/format";
import { createTranslator } from "../i18n/translator";
import {
  columnActions,
  deliveryOptionText,
  enrolledParts,
  enrolledText,
  isUncertified,
  stepTooltip,
  unitName,
  unitState,
} from "./checklist";

// Times formatted in UTC, so the tests do not depend on the machine's zone.
const sv = { ...createTranslator("sv"), format: createFormatter("sv", { timeZone: "UTC" }) };
const en = { ...createTranslator("en"), format: createFormatter("en", { timeZone: "UTC" }) };
const utc = { timeZone: "UTC" };

function unit(overrides: Partial<PreconfigUnit> = {}): PreconfigUnit {
  return {
    purchase_id: 7,
    manufacturer: "Samsung",
    model: "Galaxy A56",
    serial: "R58N12ABCDE",
    imei: "356938035643809",
    steps: [],
    ready: false,
    lifecycle: "in_stock",
    certification: { state: "certified", on: "2026-10-01T09:00:00Z" },
    ...overrides,
  };
}

describe("unitName", () => {
  it("names a unit by its serial number, else its IMEI, else its purchase", () => {
    expect(unitName(unit())).toBe("R58N12ABCDE");
    expect(unitName(unit({ serial: null }))).toBe("356938035643809");
    expect(unitName(unit({ serial: null, imei: null }))).toBe("#7");
  });
});

describe("unitState", () => {
  it("says ready to deploy only for a ready unit still in stock", () => {
    expect(unitState(unit({ ready: true }), sv)).toEqual({ state: "ready", text: "Redo att lämna ut", tone: "good" });
    expect(unitState(unit({ ready: true }), en).text).toBe("Ready to deploy");
  });

  it("says in stock for a unit still being prepared", () => {
    expect(unitState(unit({ ready: false }), sv)).toEqual({ state: "in_stock", text: "I lager", tone: "muted" });
  });

  it("gives the lifecycle once an EMM has seen the unit, ready or not", () => {
    expect(unitState(unit({ ready: true, lifecycle: "deployed" }), sv)).toEqual({
      state: "deployed",
      text: "Utlämnad",
      tone: "plain",
    });
    expect(unitState(unit({ ready: false, lifecycle: "stolen" }), en)).toEqual({
      state: "stolen",
      text: "Stolen",
      tone: "bad",
    });
  });
});

describe("isUncertified", () => {
  it("flags every unit whose model has not passed certification", () => {
    expect(isUncertified(unit())).toBe(false);
    expect(isUncertified(unit({ certification: { state: "not_started" } }))).toBe(true);
    expect(isUncertified(unit({ certification: { state: "in_progress", level: 3 } }))).toBe(true);
    expect(isUncertified(unit({ certification: { state: "stopped", level: 1 } }))).toBe(true);
  });
});

describe("deliveryOptionText", () => {
  const delivery: Delivery = {
    id: 3,
    file_name: "atea-leverans-nov.csv",
    supplier: "Atea",
    imported_at: "2026-11-03T08:15:00Z",
    units: 40,
  };

  it("names the file, the supplier, the day and the units", () => {
    expect(deliveryOptionText(delivery, sv, utc)).toBe("atea-leverans-nov.csv — Atea — 2026-11-03 (40 enheter)");
    expect(deliveryOptionText({ ...delivery, units: 1 }, en, utc)).toBe("atea-leverans-nov.csv — Atea — 03/11/2026 (1 unit)");
  });

  it("gives the import's day in the user's time zone", () => {
    // 23:30 UTC is already the next day in Stockholm.
    const late = { ...delivery, imported_at: "2026-11-03T23:30:00Z" };
    expect(deliveryOptionText(late, sv, { timeZone: "Europe/Stockholm" })).toContain("— 2026-11-04 (");
  });
});

describe("stepTooltip", () => {
  const step = { done_by_enrolment: false };
  const enrolment = { done_by_enrolment: true };

  it("says who ticked a step and when", () => {
    const ticked: StepDone = { state: "ticked", at: "2026-11-04T10:32:00Z", actor: "anna.berg" };
    expect(stepTooltip(step, ticked, sv, utc)).toBe("Bockad av anna.berg 2026-11-04 10:32");
  });

  it("gives the day a unit enrolled", () => {
    const enrolled: StepDone = { state: "enrolled", at: "2026-11-04T10:32:00Z" };
    expect(stepTooltip(enrolment, enrolled, sv, utc)).toBe("Registrerad i EMM 2026-11-04");
    expect(enrolledText("2026-11-04T10:32:00Z", en, utc)).toBe("Enrolled in EMM 04/11/2026");
  });

  it("keeps the enrolment's date apart from the words around it, so it never wraps", () => {
    expect(enrolledParts("2026-11-04T10:32:00Z", sv, utc)).toEqual({
      before: "Registrerad i EMM ",
      date: "2026-11-04",
      after: "",
    });
  });

  it("tells that an open enrolment step ticks itself at the first check-in", () => {
    expect(stepTooltip(step, { state: "open" }, sv)).toBe("Inte gjort än.");
    expect(stepTooltip(enrolment, { state: "open" }, sv)).toBe(
      "Inte gjort än. Bockas av automatiskt vid enhetens första incheckning i ett EMM.",
    );
  });
});

describe("columnActions", () => {
  const open: StepDone = { state: "open" };
  const ticked: StepDone = { state: "ticked", at: "2026-11-04T10:00:00Z", actor: "anna" };
  const enrolled: StepDone = { state: "enrolled", at: "2026-11-04T10:00:00Z" };
  const units = [{ steps: [open, ticked] }, { steps: [ticked, enrolled] }];

  it("offers ticking while a unit has the step open, and unticking while one has it ticked", () => {
    expect(columnActions(units, 0, false)).toEqual({ canTickAll: true, canUntickAll: true });
    expect(columnActions(units, 1, false)).toEqual({ canTickAll: false, canUntickAll: true });
  });

  it("does not count an enrolment as something to untick", () => {
    expect(columnActions([{ steps: [enrolled] }, { steps: [enrolled] }], 0, false)).toEqual({
      canTickAll: false,
      canUntickAll: false,
    });
  });

  it("offers both when the delivery has units beyond those listed", () => {
    expect(columnActions([{ steps: [enrolled] }], 0, true)).toEqual({ canTickAll: true, canUntickAll: true });
  });
});
