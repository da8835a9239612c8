import type { IncidentView } from "../bindings";
import { useI18n } from "../i18n/I18nContext";
import { channelKey, eventText } from "./labels";

type Props = { incident: IncidentView; headingId: string };

/** What happened to the case, oldest first: its receipt, then each step with its time, who recorded it and the note. */
export function IncidentTimeline({ incident, headingId }: Props) {
  const i18n = useI18n();
  return (
    <section className="detail-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{i18n.t("incidents.timeline.heading")}</h3>
      <ol className="case-timeline" data-testid="incident-timeline" data-count={incident.events.length}>
        <li className="timeline-event" data-testid="incident-timeline-entry" data-event="received">
          <div className="timeline-head">
            <strong>{i18n.t("incidents.timeline.received", { channel: i18n.t(channelKey(incident.channel)) })}</strong>
            <time dateTime={incident.received_at} className="muted">
              {i18n.format.swedishDateTime(incident.received_at)}
            </time>
          </div>
          <div className="muted timeline-actor">{i18n.t("repairs.timeline.by", { actor: incident.created_by })}</div>
        </li>
        {incident.events.map((event, index) => (
          <li
            key={`${event.event}-${index}`}
            className="timeline-event"
            data-testid="incident-timeline-entry"
            data-event={event.event}
            data-line={event.line ?? undefined}
          >
            <div className="timeline-head">
              <strong>{eventText(event, i18n)}</strong>
              <time dateTime={event.at} className="muted">
                {i18n.format.swedishDateTime(event.at)}
              </time>
            </div>
            <div className="muted timeline-actor">{i18n.t("repairs.timeline.by", { actor: event.actor })}</div>
            {event.note !== null && <p className="timeline-note">{event.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
