import type { SyncCounts, SyncProgress, SyncRun } from "../bindings";
import { isErrorCode } from "../api/call";
import type { Translator } from "../i18n/translator";
import type { RunningSync } from "./syncState";

const SECOND = 1000;

/** "850 ms" would be false precision for a sync; anything under a second reads the same. */
export function formatDuration(ms: number, i18n: Translator): string {
  if (!Number.isFinite(ms) || ms < SECOND) return i18n.t("duration.underSecond");
  const seconds = Math.round(ms / SECOND);
  const n = i18n.format.number;
  if (seconds < 60) return i18n.t("duration.seconds", { seconds: n(seconds) });
  if (seconds < 3600) {
    const rest = seconds % 60;
    const minutes = n(Math.floor(seconds / 60));
    return rest === 0
      ? i18n.t("duration.minutes", { minutes })
      : i18n.t("duration.minutesSeconds", { minutes, seconds: n(rest) });
  }
  const totalMinutes = Math.round(seconds / 60);
  const minutes = totalMinutes % 60;
  const hours = n(Math.floor(totalMinutes / 60));
  return minutes === 0
    ? i18n.t("duration.hours", { hours })
    : i18n.t("duration.hoursMinutes", { hours, minutes: n(minutes) });
}

/**
 * An estimate is rounded up to whole minutes once it is over a minute: the seconds would
 * only flicker, and "1 min" left that turns out to be 50 s is a pleasant surprise.
 */
export function formatTimeLeft(secondsLeft: number, i18n: Translator): string {
  if (secondsLeft <= 0) return i18n.t("sync.progress.almostDone");
  const seconds = Math.ceil(secondsLeft);
  const rounded = seconds < 60 ? seconds : Math.ceil(seconds / 60) * 60;
  return i18n.t("sync.progress.timeLeft", { duration: formatDuration(rounded * SECOND, i18n) });
}

/** Share of the records received, when the vendor said how many there are. */
export function progressRatio(progress: SyncProgress): number | null {
  if (progress.total === null || progress.total <= 0) return null;
  return Math.min(1, Math.max(0, progress.records / progress.total));
}

/** Whole numbers from 10 up; one decimal below, so a slow start does not read as 0. */
export function formatRate(recordsPerSecond: number, i18n: Translator): string | null {
  if (!Number.isFinite(recordsPerSecond) || recordsPerSecond <= 0) return null;
  const rounded = recordsPerSecond >= 10 ? Math.round(recordsPerSecond) : Math.round(recordsPerSecond * 10) / 10;
  return i18n.t("sync.progress.rate", { rate: i18n.format.number(rounded) });
}

export type ProgressText = {
  readonly phase: string;
  readonly records: string | null;
  readonly pages: string | null;
  readonly rate: string | null;
  readonly timeLeft: string | null;
};

/** The parts of a progress line; parts that mean nothing in the current phase are `null`. */
export function progressText(progress: SyncProgress, i18n: Translator): ProgressText {
  const n = i18n.format.number;
  const ratio = progressRatio(progress);
  if (progress.phase === "reading_apps") {
    // Counts app lists, not devices: no device rate, but the time left holds.
    return {
      phase: i18n.t("sync.phase.reading_apps"),
      records:
        ratio !== null && progress.total !== null
          ? i18n.t("sync.progress.appsOfTotal", {
              records: n(progress.records),
              total: n(progress.total),
              percent: i18n.format.percent(ratio),
            })
          : null,
      pages: null,
      rate: null,
      timeLeft: progress.seconds_left !== null ? formatTimeLeft(progress.seconds_left, i18n) : null,
    };
  }
  const receiving = progress.phase === "fetching" || progress.phase === "applying";
  let records: string | null = null;
  if (receiving) {
    records =
      ratio !== null && progress.total !== null
        ? i18n.t("sync.progress.recordsOfTotal", {
            records: n(progress.records),
            total: n(progress.total),
            percent: i18n.format.percent(ratio),
          })
        : i18n.count("sync.progress.records", progress.records);
  }
  return {
    phase: i18n.t(`sync.phase.${progress.phase}`),
    records,
    pages: receiving && progress.pages > 0 ? i18n.count("sync.progress.pages", progress.pages) : null,
    rate: progress.phase === "fetching" ? formatRate(progress.records_per_second, i18n) : null,
    timeLeft:
      progress.phase === "fetching" && progress.seconds_left !== null
        ? formatTimeLeft(progress.seconds_left, i18n)
        : null,
  };
}

/** The compact line in the header, readable from any view. */
export function headerText(running: readonly RunningSync[], i18n: Translator): string | null {
  const [first] = running;
  if (!first) return null;
  if (running.length > 1) return i18n.t("sync.header.several", { count: i18n.format.number(running.length) });
  const name = first.connectionName;
  const progress = first.progress;
  if (progress === null || progress.phase === "signing_in" || progress.records === 0) {
    return i18n.t("sync.header.running", { name });
  }
  if (progress.phase === "reading_apps") {
    return i18n.t("sync.header.apps", {
      name,
      records: i18n.format.number(progress.records),
      total: i18n.format.number(progress.total ?? progress.records),
    });
  }
  const records = i18n.format.number(progress.records);
  return progress.total !== null && progress.total > 0
    ? i18n.t("sync.header.progress", { name, records, total: i18n.format.number(progress.total) })
    : i18n.t("sync.header.records", { name, records });
}

/** "Added 12 · Updated 40 · …"; devices seen again are mentioned only when there are some. */
export function countsText(counts: SyncCounts, i18n: Translator): string {
  const n = i18n.format.number;
  const parts = [
    i18n.t("sync.counts.added", { count: n(counts.added) }),
    i18n.t("sync.counts.updated", { count: n(counts.updated) }),
    i18n.t("sync.counts.unchanged", { count: n(counts.unchanged) }),
    i18n.t("sync.counts.missing", { count: n(counts.missing) }),
    ...(counts.returned > 0 ? [i18n.t("sync.counts.returned", { count: n(counts.returned) })] : []),
    i18n.t("sync.counts.warnings", { count: n(counts.warnings) }),
  ];
  return parts.join(" · ");
}

/** Wall-clock length of a finished run; `null` while it runs. */
export function runDurationMs(run: SyncRun): number | null {
  if (run.finished_at === null) return null;
  const start = Date.parse(run.started_at);
  const end = Date.parse(run.finished_at);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, end - start);
}

/**
 * Why a run failed, in the user's language when the backend gave a code it knows; the
 * English detail stays for "Show details". `null` for runs without an error.
 */
export function runErrorText(run: SyncRun, i18n: Translator): string | null {
  if (run.error === null && run.error_code === null) return null;
  if (isErrorCode(run.error_code)) return i18n.error({ code: run.error_code, message: run.error ?? "", field: null });
  return run.error;
}
