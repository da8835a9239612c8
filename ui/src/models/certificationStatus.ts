/**
 * How a model's certification status reads: the badge text and its tone, and the states the
 * Models view filters by.
 */
import type { CertificationStatus } from "../bindings";
import type { Translator } from "../i18n/translator";

export type CertificationState = CertificationStatus["state"];

/** The states in the order a model passes through them, as the status filter lists them. */
export const CERTIFICATION_STATES: readonly CertificationState[] = [
  "not_started",
  "in_progress",
  "stopped",
  "certified",
];

/** `muted`: nothing done; `info`: testing goes on; `warn`: a failed step holds it; `good`: certified. */
export type StatusTone = "muted" | "info" | "warn" | "good";

export type StatusLabel = { readonly text: string; readonly tone: StatusTone };

type LabelOptions = {
  /** Only for tests, which must not depend on the machine's zone. */
  timeZone?: string;
};

/** "Nivå 2 pågår", "Stoppad på nivå 1", "Certifierad 2026-11-05". */
export function statusLabel(
  status: CertificationStatus,
  i18n: Pick<Translator, "t" | "format">,
  options: LabelOptions = {},
): StatusLabel {
  switch (status.state) {
    case "not_started":
      return { text: i18n.t("models.status.not_started"), tone: "muted" };
    case "in_progress":
      return { text: i18n.t("models.status.in_progress", { level: status.level }), tone: "info" };
    case "stopped":
      return { text: i18n.t("models.status.stopped", { level: status.level }), tone: "warn" };
    case "certified":
      return {
        text: i18n.t("models.status.certified", { date: formatDay(status.on, i18n.format.locale, options.timeZone) }),
        tone: "good",
      };
  }
}

/** A state the core may add later is shown as not started rather than breaking the filter. */
export function isCertificationState(value: string): value is CertificationState {
  return (CERTIFICATION_STATES as readonly string[]).includes(value);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The day an instant falls on, in this computer's time zone; unreadable text as given. */
export function formatDay(iso: string, locale: string, timeZone?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const cacheKey = `${locale}|${timeZone ?? ""}`;
  let format = dayFormats.get(cacheKey);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone });
    dayFormats.set(cacheKey, format);
  }
  return format.format(time);
}
