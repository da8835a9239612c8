/**
 * An agreement's terms in words, as the agreements view and the report's heading show them:
 * the window ("Vardagar 08:00–17:00"), what stops the clock, and which cases a target is for.
 */
import type { AvailabilityWindow, CategoryLabel, PauseReason, Target } from "../bindings";
import type { Translator } from "../i18n/translator";
import { categoryName, lineKey } from "../incidents/labels";
import { formatClock } from "./windows";

type Words = Pick<Translator, "t" | "language" | "format">;

export function windowText(window: AvailabilityWindow, i18n: Pick<Translator, "t">): string {
  return i18n.t("agreements.window.text", {
    days: i18n.t(`agreements.days.${window.days}`),
    opens: formatClock(window.opens),
    closes: formatClock(window.closes),
  });
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "Klockan stannar vid väntan på anmälaren och väntan på leverantör", or that nothing stops it. */
export function pausesText(pausing: readonly PauseReason[], i18n: Words): string {
  if (pausing.length === 0) return i18n.t("agreements.pauses.none");
  const locale = i18n.format.locale;
  let list = listFormats.get(locale);
  if (list === undefined) {
    list = new Intl.ListFormat(locale, { type: "conjunction" });
    listFormats.set(locale, list);
  }
  return i18n.t("agreements.pauses.some", {
    reasons: list.format(pausing.map((reason) => i18n.t(`agreements.pause.${reason}`))),
  });
}

/**
 * The cases a target row is for: a category, a line, a category in a line, or (naming neither)
 * every case no other row names. A category no longer listed is named by its number.
 */
export function scopeText(target: Pick<Target, "category_id" | "line">, categories: readonly CategoryLabel[], i18n: Words): string {
  const category =
    target.category_id === null
      ? null
      : (() => {
          const label = categories.find((candidate) => candidate.id === target.category_id);
          return label === undefined
            ? i18n.t("agreements.scope.unknownCategory", { id: target.category_id })
            : categoryName(label, i18n.language);
        })();
  const line = target.line === null ? null : i18n.t(lineKey(target.line));
  if (category !== null && line !== null) return i18n.t("agreements.scope.both", { category, line });
  return category ?? line ?? i18n.t("agreements.scope.default");
}
