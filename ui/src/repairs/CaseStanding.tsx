import type { RepairCaseView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { formatDate } from "../purchases/dates";
import { eventKey, marginText } from "./labels";
import { StandingBadge } from "./StandingBadge";

type Props = { repairCase: RepairCaseView; testId?: string };

/** How a case stands: the badge, the margin in working days, and the next promise with its due day. */
export function CaseStanding({ repairCase, testId }: Props) {
  const i18n = useI18n();
  const closed = repairCase.closed_at !== null;
  const next = repairCase.next_due;
  return (
    <p className="case-standing" data-testid={testId} data-standing={repairCase.standing} data-margin={repairCase.margin_working_days}>
      <StandingBadge standing={repairCase.standing} />
      <span className={repairCase.margin_working_days < 0 ? "tone-bad" : undefined}>
        {marginText(repairCase.margin_working_days, closed, i18n)}
      </span>
      {next !== null && !closed && (
        <span className="muted">
          {i18n.t("repairs.nextDue", {
            event: i18n.t(eventKey(next.event)),
            day: formatDate(next.due_day, i18n.format.locale),
          })}
        </span>
      )}
    </p>
  );
}
