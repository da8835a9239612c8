import type { IncidentClock, TargetClock } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { useI18n } from "../i18n/I18nContext";
import { formatDuration, formatMargin } from "./duration";
import { IncidentStandingBadge } from "./IncidentStandingBadge";

type Props = { clock: IncidentClock; headingId: string };

type Row = {
  readonly key: "response" | "resolution";
  readonly label: MessageKey;
  readonly used: number;
  readonly target: TargetClock | null;
};

/** A target's margin in words: still counting down, met with time to spare, or missed by. */
function marginKey(target: TargetClock): MessageKey {
  if (target.margin_minutes < 0) return "incidents.clock.over";
  return target.standing === "running" ? "incidents.clock.left" : "incidents.clock.spare";
}

/**
 * The case's clock against its agreement: the time used to the first response and to the
 * solution against each target, the margin left or over, and the time the clock stood still.
 */
export function IncidentClockSection({ clock, headingId }: Props) {
  const i18n = useI18n();
  const rows: Row[] = [
    { key: "response", label: "incidents.clock.response", used: clock.response_minutes, target: clock.response },
    { key: "resolution", label: "incidents.clock.resolution", used: clock.resolution_minutes, target: clock.resolution },
  ];
  return (
    <section className="detail-section case-clock" aria-labelledby={headingId} data-testid="incident-clock">
      <h3 id={headingId}>{i18n.t("incidents.clock.heading")}</h3>
      <p className="muted case-clock-start">{i18n.t("incidents.clock.note")}</p>
      <ol className="milestone-list">
        {rows.map(({ key, label, used, target }) => (
          <li
            key={key}
            className="milestone"
            data-testid={`incident-clock-${key}`}
            data-standing={target?.standing ?? "no_target"}
            data-margin={target?.margin_minutes}
          >
            <span className="milestone-promise">{i18n.t(label)}</span>
            <span>
              {target === null
                ? i18n.t("incidents.clock.usedNoTarget", { used: formatDuration(used) })
                : i18n.t("incidents.clock.used", { used: formatDuration(used), target: formatDuration(target.target_minutes) })}
            </span>
            <IncidentStandingBadge standing={target?.standing ?? "no_target"} />
            {target !== null && (
              <span className={target.margin_minutes < 0 ? "tone-bad" : "muted"}>
                {i18n.t(marginKey(target), { margin: formatMargin(target.margin_minutes) })}
              </span>
            )}
          </li>
        ))}
      </ol>
      <p className="muted incident-paused-time" data-testid="incident-paused-time" data-minutes={clock.paused_minutes}>
        {i18n.t("incidents.clock.paused", {
          counted: formatDuration(clock.paused_minutes),
          wall: formatDuration(clock.paused_wall_minutes),
        })}
      </p>
    </section>
  );
}
