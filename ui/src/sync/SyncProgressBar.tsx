import type { SyncProgress } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { progressRatio } from "./syncFormat";

type Props = { progress: SyncProgress | null; label: string; className?: string };

/** Determinate once the vendor has said how many devices there are; a moving bar until then. */
export function SyncProgressBar({ progress, label, className }: Props) {
  const i18n = useI18n();
  const ratio = progress ? progressRatio(progress) : null;
  const classes = ["sync-bar", className].filter(Boolean).join(" ");
  if (ratio === null) return <progress className={classes} aria-label={label} />;
  return (
    <progress
      className={classes}
      aria-label={label}
      value={ratio}
      max={1}
      aria-valuetext={i18n.format.percent(ratio)}
    />
  );
}
