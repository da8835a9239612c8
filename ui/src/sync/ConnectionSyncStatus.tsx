import type { ErrorPayload, SyncRun } from "../bindings";
import { ErrorDetails } from "../components/ErrorDetails";
import { useI18n } from "../i18n/I18nContext";
import type { Translator } from "../i18n/translator";
import { countsText, formatDuration, progressText, runDurationMs, runErrorText } from "./syncFormat";
import { SyncProgressBar } from "./SyncProgressBar";
import type { ConnectionSyncView } from "./syncState";

type Props = {
  connectionId: number;
  sync: ConnectionSyncView;
  cancelling: boolean;
  /** Why starting or cancelling a sync failed. */
  actionError: ErrorPayload | null;
  onCancel: () => void;
  onDismiss: () => void;
};

/** The live progress of a connection's sync, or how its latest one ended. */
export function ConnectionSyncStatus({ connectionId, sync, cancelling, actionError, onCancel, onDismiss }: Props) {
  const i18n = useI18n();
  return (
    <div className="connection-sync">
      {sync.kind === "running" && (
        <RunningSync connectionId={connectionId} sync={sync} cancelling={cancelling} onCancel={onCancel} />
      )}
      {sync.kind === "finished" && <SyncResult run={sync.run} onDismiss={onDismiss} />}
      {actionError && (
        <div className="inline-error" role="alert" data-testid="sync-action-error" data-code={actionError.code}>
          <span>{i18n.error(actionError)}</span>
        </div>
      )}
    </div>
  );
}

function RunningSync({
  connectionId,
  sync,
  cancelling,
  onCancel,
}: {
  connectionId: number;
  sync: Extract<ConnectionSyncView, { kind: "running" }>;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const i18n = useI18n();
  const progress = sync.progress;
  const text = progress ? progressText(progress, i18n) : null;
  const figures = text ? [text.pages, text.records, text.rate, text.timeLeft].filter((part) => part !== null) : [];
  const phase = text?.phase ?? i18n.t("sync.progress.waiting");
  return (
    <div
      className="sync-progress"
      data-testid="sync-progress"
      data-connection-id={connectionId}
      data-phase={progress?.phase ?? "starting"}
    >
      <div className="sync-progress-text">
        <strong>{phase}</strong>
        {figures.length > 0 && <span className="sync-figures">{figures.join(" · ")}</span>}
      </div>
      <SyncProgressBar progress={progress} label={phase} />
      <button
        type="button"
        className="button-secondary"
        data-testid="sync-cancel"
        onClick={onCancel}
        disabled={cancelling}
      >
        {cancelling ? i18n.t("sync.cancelling") : i18n.t("sync.cancel")}
      </button>
    </div>
  );
}

function SyncResult({ run, onDismiss }: { run: SyncRun | null; onDismiss: () => void }) {
  const i18n = useI18n();
  return (
    <div
      className="sync-result"
      data-testid="sync-result"
      data-status={run?.status ?? "unknown"}
      data-connection={run?.connection_name}
      role="status"
    >
      <div className="sync-result-text">
        <ResultText run={run} i18n={i18n} />
      </div>
      <button type="button" className="button-secondary" onClick={onDismiss}>
        {i18n.t("sync.dismiss")}
      </button>
    </div>
  );
}

function ResultText({ run, i18n }: { run: SyncRun | null; i18n: Translator }) {
  if (run === null) return <span>{i18n.t("sync.result.unknown")}</span>;
  const duration = runDurationMs(run);
  const mode = i18n.t(`sync.mode.${run.mode}`);
  switch (run.status) {
    case "succeeded":
      return (
        <>
          <strong className="tone-good">
            {i18n.t("sync.result.succeeded", {
              mode,
              duration: duration === null ? i18n.t("value.none") : formatDuration(duration, i18n),
            })}
          </strong>
          <span>{countsText(run.counts, i18n)}</span>
        </>
      );
    case "cancelled":
      return <strong>{i18n.t("sync.result.cancelled", { mode })}</strong>;
    case "failed":
      return (
        <>
          <strong className="tone-bad">{i18n.t("sync.result.failed", { mode })}</strong>
          {run.error_code !== null && <span data-testid="sync-result-reason">{runErrorText(run, i18n)}</span>}
          {run.error && <ErrorDetails message={run.error} />}
        </>
      );
    case "running":
      // A final event should not carry a running run; say so plainly rather than guess.
      return <span>{i18n.t("sync.result.unknown")}</span>;
  }
}
