/**
 * Availability windows as the agreement form edits them: the three windows support suppliers
 * offer, or the agreement's own hours on working days or every day. Times are minutes after
 * Swedish local midnight; a window closing at 24:00 runs to the day's end.
 */
import type { AvailabilityWindow, WindowDays } from "../bindings";

/** Minutes in a day on the clock face, as the core counts a window closing at midnight. */
export const DAY_MINUTES = 24 * 60;

/** Records, so a value added to the core fails the type check until it is placed here. */
const DAYS_SET: Record<WindowDays, true> = { working_days: true, every_day: true };
export const WINDOW_DAYS = Object.keys(DAYS_SET) as readonly WindowDays[];

export function isWindowDays(value: string): value is WindowDays {
  return Object.hasOwn(DAYS_SET, value);
}

export const WINDOW_PRESETS = {
  weekdays_08_17: { days: "working_days", opens: 8 * 60, closes: 17 * 60 },
  weekdays_07_22: { days: "working_days", opens: 7 * 60, closes: 22 * 60 },
  weekdays_00_24: { days: "working_days", opens: 0, closes: DAY_MINUTES },
} as const satisfies Record<string, AvailabilityWindow>;

export type WindowPreset = keyof typeof WINDOW_PRESETS;
/** The form's choices: a preset, or the agreement's own hours. */
export type WindowChoice = WindowPreset | "own";
export const WINDOW_CHOICES = [...(Object.keys(WINDOW_PRESETS) as WindowPreset[]), "own"] as const satisfies readonly WindowChoice[];

/** The preset a window is, or "own" when it is none of them. */
export function presetOf(window: AvailabilityWindow): WindowChoice {
  const found = (Object.keys(WINDOW_PRESETS) as WindowPreset[]).find((preset) => {
    const candidate = WINDOW_PRESETS[preset];
    return candidate.days === window.days && candidate.opens === window.opens && candidate.closes === window.closes;
  });
  return found ?? "own";
}

const pad = (value: number) => String(value).padStart(2, "0");

/** Minutes after midnight as a clock time: "08:00", and "24:00" for the day's end. */
export function formatClock(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** A clock time typed as "8", "08", "8:30" or "08:30", from 00:00 to 24:00; `null` when it is none. */
export function parseClock(text: string): number | null {
  const match = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (minutes > 59) return null;
  const minute = hours * 60 + minutes;
  return minute <= DAY_MINUTES ? minute : null;
}
