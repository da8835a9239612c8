import type { PauseReason } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { reasonKey } from "./labels";

type Props = { since: string; reason: PauseReason | null };

/** A paused case's marker: that it waits, for what (on hover and for screen readers) and since when. */
export function PausedMarker({ since, reason }: Props) {
  const i18n = useI18n();
  const label = i18n.t("incidents.paused.label", {
    reason: reason === null ? i18n.t("incidents.paused.unknown") : i18n.t(reasonKey(reason)),
    time: i18n.format.swedishDateTime(since),
  });
  return (
    <span className="tag paused-marker" data-testid="incident-paused-marker" data-reason={reason ?? undefined} title={label}>
      {i18n.t("incidents.paused.tag")}
      <span className="visually-hidden">{` ${label}`}</span>
    </span>
  );
}
