/**
 * How the pre-configuration checklist reads: a unit's name and state, a delivery in the
 * picker, what a step's tick says, and what the "whole delivery" buttons of a step can do.
 */
import type { Delivery, Lifecycle, PreconfigStep, PreconfigUnit, StepDone } from "../bindings";
import type { Translator } from "../i18n/translator";
import { formatDay } from "../models/certificationStatus";

type DayOptions = {
  /** Only for tests, which must not depend on the machine's zone. */
  timeZone?: string;
};

/**
 * A unit as people find it on the box: its serial number, else its IMEI. The core names the
 * unit the same way in the audit log, and falls back on the purchase's id as this does.
 */
export function unitName(unit: Pick<PreconfigUnit, "purchase_id" | "serial" | "imei">): string {
  return unit.serial ?? unit.imei ?? `#${unit.purchase_id}`;
}

/** `good`: may be handed out; `muted`: still being prepared; `bad`: gone; `plain`: anything else. */
export type UnitTone = "good" | "muted" | "bad" | "plain";

export type UnitState = {
  /** `ready`, or the lifecycle state the label is (for tests and `data-state`). */
  readonly state: "ready" | Lifecycle;
  readonly text: string;
  readonly tone: UnitTone;
};

/**
 * The state column. "Ready to deploy" only for a unit still in stock: once an EMM has seen it
 * the unit has been handed out (or moved on), and its lifecycle says more than the checklist.
 */
export function unitState(
  unit: Pick<PreconfigUnit, "ready" | "lifecycle">,
  i18n: Pick<Translator, "t" | "enumLabel">,
): UnitState {
  if (unit.ready && unit.lifecycle === "in_stock") {
    return { state: "ready", text: i18n.t("preconfig.state.ready"), tone: "good" };
  }
  const text = i18n.enumLabel("lifecycle", unit.lifecycle);
  const tone: UnitTone =
    unit.lifecycle === "in_stock"
      ? "muted"
      : unit.lifecycle === "lost" || unit.lifecycle === "stolen"
        ? "bad"
        : "plain";
  return { state: unit.lifecycle, text, tone };
}

/** A unit of a model that has not passed certification is not to be handed out. */
export function isUncertified(unit: Pick<PreconfigUnit, "certification">): boolean {
  return unit.certification.state !== "certified";
}

/** "leverans-nov.csv — Atea — 2026-11-03 (40 enheter)": enough to tell deliveries of one supplier apart. */
export function deliveryOptionText(
  delivery: Delivery,
  i18n: Pick<Translator, "t" | "count" | "format">,
  options: DayOptions = {},
): string {
  return i18n.t("preconfig.deliveryOption", {
    file: delivery.file_name,
    supplier: delivery.supplier,
    date: formatDay(delivery.imported_at, i18n.format.locale, options.timeZone),
    units: i18n.count("preconfig.units", delivery.units),
  });
}

/** The enrolment mark: "Registrerad i EMM 2026-11-04". */
export function enrolledText(at: string, i18n: Pick<Translator, "t" | "format">, options: DayOptions = {}): string {
  const { before, date, after } = enrolledParts(at, i18n, options);
  return `${before}${date}${after}`;
}

/**
 * The enrolment mark around its date, wherever a language puts the date, so the mark can
 * wrap in a narrow column without breaking the date at its hyphens.
 */
export function enrolledParts(
  at: string,
  i18n: Pick<Translator, "t" | "format">,
  options: DayOptions = {},
): { readonly before: string; readonly date: string; readonly after: string } {
  const marker = "\u0000";
  const [before = "", after = ""] = i18n.t("preconfig.enrolled", { date: marker }).split(marker);
  return { before, date: formatDay(at, i18n.format.locale, options.timeZone), after };
}

/**
 * A step's tooltip for one unit: who ticked it and when, or that it is still to do. An
 * enrolment step not yet done says that the unit's first check-in will tick it, so nobody
 * waits for a tick that needs no one.
 */
export function stepTooltip(
  step: Pick<PreconfigStep, "done_by_enrolment">,
  done: StepDone,
  i18n: Pick<Translator, "t" | "format">,
  options: DayOptions = {},
): string {
  switch (done.state) {
    case "ticked":
      return i18n.t("preconfig.tick.by", { actor: done.actor, date: i18n.format.dateTime(done.at) });
    case "enrolled":
      return enrolledText(done.at, i18n, options);
    case "open":
      return step.done_by_enrolment
        ? `${i18n.t("preconfig.tick.open")} ${i18n.t("preconfig.enrolmentHint")}`
        : i18n.t("preconfig.tick.open");
  }
}

export type ColumnActions = {
  /** Some unit still has the step to do, so ticking the whole delivery changes something. */
  readonly canTickAll: boolean;
  /** Some unit has the step ticked by a person, so unticking the whole delivery changes something. */
  readonly canUntickAll: boolean;
};

/**
 * What the "whole delivery" buttons of the step at `index` would change among `units`. A
 * delivery larger than what the core lists (`truncated`) may have units of either kind
 * beyond the list, so both stay offered. An enrolled unit counts as neither: its check-in
 * stands whatever is ticked.
 */
export function columnActions(units: readonly Pick<PreconfigUnit, "steps">[], index: number, truncated: boolean): ColumnActions {
  const states = units.map((unit) => unit.steps[index]?.state);
  return {
    canTickAll: truncated || states.includes("open"),
    canUntickAll: truncated || states.includes("ticked"),
  };
}
