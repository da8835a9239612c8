/**
 * How a support incident reads: its channel, line, events, pause reasons and standing in the
 * helpdesk's words, its category in the user's language, and the margin that decides it.
 */
import type {
  CategoryLabel,
  IncidentChannel,
  IncidentClock,
  IncidentEvent,
  IncidentEventView,
  IncidentStanding,
  Language,
  PauseReason,
  SupportLine,
} from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import type { Translator } from "../i18n/translator";

/** Records, so a value added to the core fails the type check until it is placed here. */
const CHANNEL_SET: Record<IncidentChannel, true> = {
  phone: true,
  email: true,
  portal: true,
  chat: true,
  walk_in: true,
  other: true,
};
const LINE_SET: Record<SupportLine, true> = { first: true, second: true, third: true };
const REASON_SET: Record<PauseReason, true> = { awaiting_reporter: true, awaiting_supplier: true };

/** The channels in the order the form offers them, the commonest first. */
export const CHANNELS = Object.keys(CHANNEL_SET) as readonly IncidentChannel[];
/** The support lines, lowest first. */
export const LINES = Object.keys(LINE_SET) as readonly SupportLine[];
export const PAUSE_REASONS = Object.keys(REASON_SET) as readonly PauseReason[];

export function isChannel(value: string): value is IncidentChannel {
  return Object.hasOwn(CHANNEL_SET, value);
}

export function isLine(value: string): value is SupportLine {
  return Object.hasOwn(LINE_SET, value);
}

export function channelKey(channel: IncidentChannel): MessageKey {
  return `incidents.channel.${channel}`;
}

export function lineKey(line: SupportLine): MessageKey {
  return `incidents.line.${line}`;
}

export function eventKey(event: IncidentEvent): MessageKey {
  return `incidents.event.${event}`;
}

/** A next step's button: "Eskalera…", "Avsluta…". */
export function actionKey(event: IncidentEvent): MessageKey {
  return `incidents.action.${event}`;
}

export function reasonKey(reason: PauseReason): MessageKey {
  return `incidents.reason.${reason}`;
}

export function standingKey(standing: IncidentStanding): MessageKey {
  return `incidents.standing.${standing}`;
}

/** The lines a case in `line` can be escalated to: only higher ones. */
export function linesAbove(line: SupportLine): SupportLine[] {
  return LINES.slice(LINES.indexOf(line) + 1);
}

/** The badge's colour; its text always says the same, so colour is never the only sign. */
export type IncidentTone = "good" | "bad" | "info" | "muted";

const STANDING_TONES: Record<IncidentStanding, IncidentTone> = {
  inside: "good",
  outside: "bad",
  running: "info",
  no_target: "muted",
};

export function standingTone(standing: IncidentStanding): IncidentTone {
  return STANDING_TONES[standing];
}

/** A category's name in `language`; the Swedish one stands in for a missing English one. */
export function categoryName(category: CategoryLabel, language: Language): string {
  return language === "en" && category.name_en.trim() !== "" ? category.name_en : category.name_sv;
}

/**
 * The margin that decides how a case stands, in minutes inside the window: a missed target's
 * (the worst), else, while the case is open, the tightest of the targets still running (a
 * first response given in time no longer counts down), else the tightest of all. `null` when
 * the agreement sets no target for the case.
 */
export function decidingMargin(clock: IncidentClock): number | null {
  const targets = [clock.response, clock.resolution].flatMap((target) => (target === null ? [] : [target]));
  if (targets.length === 0) return null;
  const missed = targets.filter((target) => target.standing === "outside");
  const running = targets.filter((target) => target.standing === "running");
  const deciding = missed.length > 0 ? missed : running.length > 0 ? running : targets;
  return Math.min(...deciding.map((target) => target.margin_minutes));
}

/** A timeline entry in words: "Eskalerat till 2:a linjen", "Pausat i väntan på anmälaren". */
export function eventText(event: IncidentEventView, i18n: Pick<Translator, "t">): string {
  const name = i18n.t(eventKey(event.event));
  if (event.event === "escalated" && event.line !== null) {
    return i18n.t("incidents.timeline.escalatedTo", { event: name, line: i18n.t(lineKey(event.line)) });
  }
  if (event.event === "paused" && event.reason !== null) {
    return i18n.t("incidents.timeline.pausedFor", { event: name, reason: i18n.t(`agreements.pause.${event.reason}`) });
  }
  return name;
}
