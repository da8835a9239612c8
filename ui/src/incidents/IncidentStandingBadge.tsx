import type { IncidentStanding } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { standingKey, standingTone } from "./labels";

type Props = { standing: IncidentStanding; testId?: string };

/** How a case stands against its agreement as a coloured badge whose text says it all ("Utanför SLA"). */
export function IncidentStandingBadge({ standing, testId }: Props) {
  const i18n = useI18n();
  return (
    <span className="cert-badge standing-badge" data-tone={standingTone(standing)} data-standing={standing} data-testid={testId}>
      {i18n.t(standingKey(standing))}
    </span>
  );
}
