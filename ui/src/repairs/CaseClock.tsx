import type { SlaClock } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { useNow } from "../lib/useNow";
import { formatDate } from "../purchases/dates";
import { eventKey } from "./labels";
import { milestoneState, milestoneTone } from "./milestones";

type Props = { clock: SlaClock; headingId: string };

/** The case's promises: each one's due day, when it was kept, and whether that was in time. */
export function CaseClock({ clock, headingId }: Props) {
  const i18n = useI18n();
  const now = useNow();
  const locale = i18n.format.locale;
  return (
    <section className="detail-section case-clock" aria-labelledby={headingId} data-testid="case-clock">
      <h3 id={headingId}>{i18n.t("repairs.clock.heading")}</h3>
      <p className="muted case-clock-start">{i18n.t("repairs.clock.start", { day: formatDate(clock.start_day, locale) })}</p>
      <ol className="milestone-list">
        {clock.milestones.map((milestone) => {
          const state = milestoneState(milestone, now);
          return (
            <li key={milestone.event} className="milestone" data-testid="case-milestone" data-event={milestone.event} data-state={state}>
              <span className="milestone-promise">{i18n.t(eventKey(milestone.event))}</span>
              <span className="milestone-due">
                {i18n.t("repairs.clock.due", { day: formatDate(milestone.due_day, locale) })}
              </span>
              <span className="cert-badge" data-tone={milestoneTone(state)}>
                {i18n.t(`repairs.milestone.${state}`)}
              </span>
              {milestone.met_at !== null && (
                <span className="muted milestone-met">
                  {i18n.t("repairs.clock.metAt", { time: i18n.format.dateTime(milestone.met_at) })}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
