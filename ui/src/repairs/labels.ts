/**
 * How a repair case reads: its SLA type, its events, its standing and the margin before the
 * next promise, in the words the coordinators use.
 */
import type { RepairEvent, SlaStanding, SlaType } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import type { Translator } from "../i18n/translator";

/** A record, so an SLA type added to the core fails the type check until it is placed here. */
const SLA_TYPE_SET: Record<SlaType, true> = { mail_in: true, mail_in_with_loaner: true, swap: true };
/** The SLA types in the order forms and filters offer them. */
export const SLA_TYPES = Object.keys(SLA_TYPE_SET) as readonly SlaType[];

export function isSlaType(value: string): value is SlaType {
  return Object.hasOwn(SLA_TYPE_SET, value);
}

export function slaTypeKey(sla: SlaType): MessageKey {
  return `repairs.sla.${sla}`;
}

export function eventKey(event: RepairEvent): MessageKey {
  return `repairs.event.${event}`;
}

export function standingKey(standing: SlaStanding): MessageKey {
  return `repairs.standing.${standing}`;
}

/** The badge's colour; its text always says the same, so colour is never the only sign. */
export type StandingTone = "good" | "warn" | "bad";

const STANDING_TONES: Record<SlaStanding, StandingTone> = { on_time: "good", at_risk: "warn", breached: "bad" };

export function standingTone(standing: SlaStanding): StandingTone {
  return STANDING_TONES[standing];
}

/** Whether recording the event sends a unit from the pool, so the form asks which one. */
export function takesPoolUnit(event: RepairEvent): boolean {
  return event === "replacement_shipped" || event === "loaner_shipped";
}

/**
 * The margin as the list and the panel word it: "2 arbetsdagar kvar", "idag", "3 arbetsdagar
 * sen". A closed case has nothing left to be due, so only a broken promise's lateness is told.
 */
export function marginText(margin: number, closed: boolean, i18n: Pick<Translator, "t" | "count">): string {
  if (margin < 0) return i18n.count("repairs.margin.late", -margin);
  if (closed) return i18n.t("repairs.margin.closed");
  if (margin === 0) return i18n.t("repairs.margin.today");
  return i18n.count("repairs.margin.left", margin);
}
