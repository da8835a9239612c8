import type { RepairEventView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { eventKey } from "./labels";
import { UnitSerial } from "./UnitSerial";

type Props = { events: readonly RepairEventView[]; headingId: string };

/** What happened to the case, oldest first: each step with its time, who recorded it, the note and any unit sent. */
export function CaseTimeline({ events, headingId }: Props) {
  const i18n = useI18n();
  return (
    <section className="detail-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t("repairs.timeline.heading")}</h3>
      <ol className="case-timeline" data-testid="case-timeline" data-count={events.length}>
        {events.map((event, index) => (
          <li key={`${event.event}-${index}`} className="timeline-event" data-testid="case-event" data-event={event.event}>
            <div className="timeline-head">
              <strong>{i18n.t(eventKey(event.event))}</strong>
              <time dateTime={event.at} className="muted">
                {i18n.format.dateTime(event.at)}
              </time>
            </div>
            <div className="muted timeline-actor">{i18n.t("repairs.timeline.by", { actor: event.actor })}</div>
            {event.unit_id !== null && (
              <div className="timeline-unit">
                {i18n.t("repairs.timeline.unit")} <UnitSerial id={event.unit_id} />
              </div>
            )}
            {event.note !== null && <p className="timeline-note">{event.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
