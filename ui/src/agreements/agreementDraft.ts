/**
 * The agreement form as it is filled in: a new agreement (with its name) or new terms of one,
 * from a moment on; its window, what stops the clock, and its targets. Cases received before
 * the new terms keep the terms they were received under.
 */
import type { AgreementForm, AgreementView, AvailabilityWindow, PauseReason, WindowDays } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { fromLocalInput } from "../lib/localTime";
import { latestTerms } from "./terms";
import { checkTargetRows, targetRowsOf, type RowProblems, type TargetRow } from "./targetRows";
import { formatClock, parseClock, presetOf, WINDOW_PRESETS, type WindowChoice } from "./windows";

/** The longest agreement name the core keeps. */
export const MAX_AGREEMENT_NAME = 80;

export type AgreementDraft = {
  /** The agreement whose terms change; `null` for a new one. */
  readonly id: number | null;
  readonly name: string;
  /** The `datetime-local` value; only sent once changed, else the terms hold from "now" as the core reads it. */
  readonly validFrom: string;
  readonly validFromTouched: boolean;
  readonly window: WindowChoice;
  /** The agreement's own hours, used when `window` is "own". */
  readonly days: WindowDays;
  readonly opens: string;
  readonly closes: string;
  readonly pausing: readonly PauseReason[];
  readonly rows: readonly TargetRow[];
};

export type AgreementProblems = {
  readonly name?: MessageKey;
  readonly valid_from?: MessageKey;
  readonly opens?: MessageKey;
  readonly closes?: MessageKey;
  readonly rows?: Readonly<Record<number, RowProblems>>;
};

export type AgreementCheck =
  | { readonly ok: true; readonly form: AgreementForm }
  | { readonly ok: false; readonly problems: AgreementProblems };

/**
 * The form for new terms of `agreement`, starting from its latest terms; or, for a new one,
 * the commonest window (weekdays 08–17), both pauses stopping the clock, and no targets yet.
 */
export function agreementDraftOf(agreement: AgreementView | null, validFrom: string): AgreementDraft {
  const terms = agreement === null ? null : latestTerms(agreement);
  const window: AvailabilityWindow = terms?.window ?? WINDOW_PRESETS.weekdays_08_17;
  return {
    id: agreement?.id ?? null,
    name: agreement?.name ?? "",
    validFrom,
    validFromTouched: false,
    window: presetOf(window),
    days: window.days,
    opens: formatClock(window.opens),
    closes: formatClock(window.closes),
    pausing: terms?.pausing ?? ["awaiting_reporter", "awaiting_supplier"],
    rows: targetRowsOf(terms?.targets ?? []),
  };
}

/** The window the draft names, or the problems with its own hours. */
function windowOf(draft: AgreementDraft): { window: AvailabilityWindow | null; opens?: MessageKey; closes?: MessageKey } {
  if (draft.window !== "own") return { window: WINDOW_PRESETS[draft.window] };
  const opens = parseClock(draft.opens);
  const closes = parseClock(draft.closes);
  if (opens === null || closes === null) {
    return {
      window: null,
      ...(opens === null ? { opens: "agreements.problem.clock" as const } : {}),
      ...(closes === null ? { closes: "agreements.problem.clock" as const } : {}),
    };
  }
  if (opens >= closes) return { window: null, closes: "agreements.problem.closesBeforeOpens" };
  return { window: { days: draft.days, opens, closes } };
}

export function checkAgreementDraft(draft: AgreementDraft): AgreementCheck {
  const name = draft.name.trim();
  const validFrom = draft.validFromTouched ? fromLocalInput(draft.validFrom) : null;
  const { window, opens, closes } = windowOf(draft);
  const targets = checkTargetRows(draft.rows);
  const problems: AgreementProblems = {
    ...(draft.id === null && name === "" ? { name: "repairs.refused.required" as const } : {}),
    ...(draft.id === null && [...name].length > MAX_AGREEMENT_NAME ? { name: "repairs.refused.tooLong" as const } : {}),
    ...(draft.validFromTouched && validFrom === null ? { valid_from: "repairs.new.problem.time" as const } : {}),
    ...(opens === undefined ? {} : { opens }),
    ...(closes === undefined ? {} : { closes }),
    ...(targets.ok ? {} : { rows: targets.problems }),
  };
  if (window === null || !targets.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    form: {
      id: draft.id,
      name,
      window,
      pausing: [...draft.pausing],
      targets: targets.targets,
      valid_from: validFrom,
    },
  };
}
