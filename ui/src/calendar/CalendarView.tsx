import { useI18n } from "../i18n/I18nContext";
import { ClosureDays } from "./ClosureDays";
import { SlaSettingsSection } from "./SlaSettingsForm";
import { YearDays } from "./YearDays";

/**
 * The working-day calendar the SLA clocks count by: Sweden's closed days of a year, the
 * organisation's own closure days, and the cut-off and at-risk settings.
 */
export function CalendarView() {
  const i18n = useI18n();
  return (
    <div className="calendar" data-testid="calendar-view">
      <div className="view-toolbar">
        <div>
          <h1 className="view-heading">{i18n.t("calendar.heading")}</h1>
          <p className="muted view-intro">{i18n.t("calendar.intro")}</p>
        </div>
      </div>
      <div className="calendar-columns">
        <YearDays />
        <div className="calendar-side">
          <SlaSettingsSection />
          <ClosureDays />
        </div>
      </div>
    </div>
  );
}
