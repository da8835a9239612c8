import type { SlaStanding } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { standingKey, standingTone } from "./labels";

type Props = { standing: SlaStanding; testId?: string };

/** A case's SLA standing as a coloured badge whose text says it all ("Bruten"), colour only helping. */
export function StandingBadge({ standing, testId }: Props) {
  const i18n = useI18n();
  return (
    <span className="cert-badge standing-badge" data-tone={standingTone(standing)} data-standing={standing} data-testid={testId}>
      {i18n.t(standingKey(standing))}
    </span>
  );
}
