import { useI18n } from "../i18n/I18nContext";
import { useSync } from "./syncContext";
import { headerText } from "./syncFormat";
import { SyncProgressBar } from "./SyncProgressBar";
import { runningSyncs } from "./syncState";

/** Keeps a running sync in sight from every view; a click leads to its details. */
export function HeaderSyncIndicator({ onOpen }: { onOpen: () => void }) {
  const i18n = useI18n();
  const { state } = useSync();
  const running = runningSyncs(state);
  const text = headerText(running, i18n);
  if (text === null) return null;
  const single = running.length === 1 ? (running[0]?.progress ?? null) : null;
  return (
    <button
      type="button"
      className="header-sync"
      data-testid="header-sync-indicator"
      data-count={running.length}
      onClick={onOpen}
      title={i18n.t("sync.header.open")}
    >
      <span className="header-sync-text">{text}</span>
      <SyncProgressBar progress={single} label={text} className="header-sync-bar" />
    </button>
  );
}
