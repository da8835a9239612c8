/**
 * An agreement's clock in hours and minutes, as the helpdesk and its supplier read it: "1:05"
 * used of "9:00", a margin of "+0:40" or "−1:15". Minutes are minutes inside the agreement's
 * availability window, so "9:00" is one working day of a weekdays 08–17 window.
 */

const pad = (value: number) => String(value).padStart(2, "0");

/** Whole minutes as "h:mm" ("0:45", "9:00", "26:30"); a negative amount with a minus sign. */
export function formatDuration(minutes: number): string {
  const whole = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && whole > 0 ? "\u2212" : "";
  return `${sign}${Math.floor(whole / 60)}:${pad(whole % 60)}`;
}

/**
 * A margin always signed, as the report prints it: "+0:40" left, "−1:15" over the target.
 * No margin left is "+0:00": the target is still met at that minute.
 */
export function formatMargin(minutes: number): string {
  return minutes < 0 ? formatDuration(minutes) : `+${formatDuration(minutes)}`;
}

const HOURS_MINUTES = /^(\d{1,4}):(\d{2})$/;
const DECIMAL_HOURS = /^(\d{1,4})(?:[.,](\d{1,2}))?$/;

/**
 * A duration typed as hours: "8", "1:30" (hours and minutes) or "1,5" (hours with a decimal
 * comma or point), in whole minutes; `null` when it cannot be read. At most four digits of
 * hours: more than a year of round-the-clock window is no promise. An empty text is `null`
 * too: the caller tells "no target" from a typo.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  const clock = HOURS_MINUTES.exec(trimmed);
  if (clock !== null) {
    const minutes = Number(clock[2]);
    return minutes < 60 ? Number(clock[1]) * 60 + minutes : null;
  }
  const decimal = DECIMAL_HOURS.exec(trimmed);
  if (decimal === null) return null;
  const fraction = Number(`0.${decimal[2] ?? "0"}`);
  return Number(decimal[1]) * 60 + Math.round(fraction * 60);
}

/** Minutes as the target form shows them: whole hours as "8", else "1:30". */
export function durationForInput(minutes: number): string {
  return minutes % 60 === 0 ? String(minutes / 60) : formatDuration(minutes);
}
