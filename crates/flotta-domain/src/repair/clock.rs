//! A case's SLA clock: when each of its milestones is due, whether it was met, and how the
//! case stands now.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::{RepairEvent, SlaType};
use crate::calendar::{OutOfCalendar, WorkingCalendar};
use crate::time::{end_of_day, stockholm_date, stockholm_local};

/// The organisation's SLA settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SlaSettings {
    /// A fault reported at or after this Swedish time counts from the next working day.
    pub cutoff: NaiveTime,
    /// A milestone due within this many working days is at risk.
    pub at_risk_working_days: u32,
}

impl Default for SlaSettings {
    fn default() -> Self {
        Self {
            cutoff: NaiveTime::from_hms_opt(16, 0, 0).unwrap_or(NaiveTime::MIN),
            at_risk_working_days: 1,
        }
    }
}

impl SlaType {
    /// What the user is promised, as working days after the day the clock starts: mail-in
    /// back within 10 (domain.md: "10 working days including postage"); the loaner out by
    /// the next working day; a swap's replacement shipped the same day and the user working
    /// within 2 (the upper end of "1–2 days").
    pub fn promises(self) -> &'static [(RepairEvent, u32)] {
        use RepairEvent::*;
        match self {
            SlaType::MailIn => &[(ReturnedToUser, 10)],
            SlaType::MailInWithLoaner => &[(LoanerShipped, 1), (ReturnedToUser, 10)],
            SlaType::Swap => &[(ReplacementShipped, 0), (UserWorking, 2)],
        }
    }
}

/// One promise of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Milestone {
    pub event: RepairEvent,
    /// The Swedish working day by whose end it is due.
    pub due_day: NaiveDate,
    pub due_at: DateTime<Utc>,
    pub met_at: Option<DateTime<Utc>>,
}

impl Milestone {
    fn late(&self) -> bool {
        self.met_at.is_some_and(|met| met >= self.due_at)
    }
}

vocabulary! {
    /// How a case stands against its SLA.
    SlaStanding {
        OnTime => "on_time",
        AtRisk => "at_risk",
        Breached => "breached",
    }
}

/// A case's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SlaClock {
    /// The working day the clock starts: the report's day, or the next working day for a
    /// report on a closed day or after the cut-off.
    pub start_day: NaiveDate,
    pub milestones: Vec<Milestone>,
}

/// The clock of a case of type `sla` reported at `reported_at` with the events `recorded`.
pub fn sla_clock(
    sla: SlaType,
    reported_at: DateTime<Utc>,
    recorded: &[(RepairEvent, DateTime<Utc>)],
    settings: &SlaSettings,
    calendar: &WorkingCalendar,
) -> Result<SlaClock, OutOfCalendar> {
    let local = stockholm_local(reported_at);
    let start_day = if calendar.is_working_day(local.date())? && local.time() < settings.cutoff {
        local.date()
    } else {
        calendar.next_working_day(local.date())?
    };
    let milestones = sla
        .promises()
        .iter()
        .map(|(event, days)| {
            let due_day = calendar.add_working_days(start_day, *days)?;
            // Beyond repair ends the repair's promise as returning the unit would.
            let meets = |kind: RepairEvent| {
                kind == *event
                    || (*event == RepairEvent::ReturnedToUser && kind == RepairEvent::BeyondRepair)
            };
            let met_at = recorded
                .iter()
                .filter(|(kind, _)| meets(*kind))
                .map(|(_, at)| *at)
                .min();
            Ok(Milestone {
                event: *event,
                due_day,
                due_at: end_of_day(due_day),
                met_at,
            })
        })
        .collect::<Result<_, OutOfCalendar>>()?;
    Ok(SlaClock {
        start_day,
        milestones,
    })
}

impl SlaClock {
    /// The earliest promise not yet kept.
    pub fn next_due(&self) -> Option<&Milestone> {
        self.milestones
            .iter()
            .filter(|milestone| milestone.met_at.is_none())
            .min_by_key(|milestone| milestone.due_at)
    }

    /// Whether every promise was kept on time (so far).
    pub fn kept(&self) -> bool {
        !self.milestones.iter().any(Milestone::late)
    }

    /// How the case stands at `now`, with the margin in working days: what is left before
    /// the next promise is due (0 = due today), or minus how late the latest broken promise
    /// is or was.
    pub fn standing(
        &self,
        now: DateTime<Utc>,
        settings: &SlaSettings,
        calendar: &WorkingCalendar,
    ) -> Result<(SlaStanding, i64), OutOfCalendar> {
        let today = stockholm_date(now);
        let mut late_by: Option<i64> = None;
        for milestone in &self.milestones {
            let lateness = match milestone.met_at {
                Some(_) if !milestone.late() => continue,
                Some(met) => {
                    calendar.working_days_between(milestone.due_day, stockholm_date(met))?
                }
                None if now >= milestone.due_at => {
                    calendar.working_days_between(milestone.due_day, today)?
                }
                None => continue,
            };
            // Late within the due day's evening still counts as one day late.
            let lateness = lateness.max(1);
            late_by = Some(late_by.map_or(lateness, |worst| worst.max(lateness)));
        }
        if let Some(late) = late_by {
            return Ok((SlaStanding::Breached, -late));
        }
        let Some(next) = self.next_due() else {
            return Ok((SlaStanding::OnTime, 0));
        };
        let left = calendar.working_days_between(today, next.due_day)?;
        let standing = if left <= i64::from(settings.at_risk_working_days) {
            SlaStanding::AtRisk
        } else {
            SlaStanding::OnTime
        };
        Ok((standing, left))
    }

    /// Working days from the clock's start to the last promise kept, once all are kept.
    pub fn turnaround_working_days(&self, calendar: &WorkingCalendar) -> Option<i64> {
        let last = self
            .milestones
            .iter()
            .map(|milestone| milestone.met_at)
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .max()?;
        calendar
            .working_days_between(self.start_day, stockholm_date(last))
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap_or_default()
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    fn clock(sla: SlaType, reported: &str, recorded: &[(RepairEvent, &str)]) -> SlaClock {
        let recorded: Vec<_> = recorded.iter().map(|(e, t)| (*e, at(t))).collect();
        sla_clock(
            sla,
            at(reported),
            &recorded,
            &SlaSettings::default(),
            &WorkingCalendar::new(&[]),
        )
        .unwrap_or_else(|error| panic!("{error}"))
    }

    fn due_days(clock: &SlaClock) -> Vec<NaiveDate> {
        clock.milestones.iter().map(|m| m.due_day).collect()
    }

    #[test]
    fn due_days_follow_the_cutoff_weekends_and_holidays() {
        // Tuesday 1 December 2026, 15:59 in Stockholm (UTC+1): counts from the same day.
        let before = clock(SlaType::MailIn, "2026-12-01T14:59:00Z", &[]);
        assert_eq!(before.start_day, day("2026-12-01"));
        assert_eq!(due_days(&before), [day("2026-12-15")]);
        // 16:00 is after the cut-off: from Wednesday.
        let after = clock(SlaType::MailIn, "2026-12-01T15:00:00Z", &[]);
        assert_eq!(after.start_day, day("2026-12-02"));
        // Reported on Saturday: from Monday. A swap ships Monday, the user works Wednesday.
        let weekend = clock(SlaType::Swap, "2026-12-05T10:00:00Z", &[]);
        assert_eq!(due_days(&weekend), [day("2026-12-07"), day("2026-12-09")]);
        // Friday before Christmas: the ten days skip Christmas Eve to Boxing Day and New
        // Year's Eve and Day and Epiphany.
        let christmas = clock(SlaType::MailIn, "2026-12-18T08:00:00Z", &[]);
        assert_eq!(due_days(&christmas), [day("2027-01-08")]);
        // Maundy Thursday after the cut-off (summer time, UTC+2): from the Tuesday after
        // Easter; the loaner is due on the Wednesday.
        let easter = clock(SlaType::MailInWithLoaner, "2026-04-02T14:30:00Z", &[]);
        assert_eq!(easter.start_day, day("2026-04-07"));
        assert_eq!(due_days(&easter)[0], day("2026-04-08"));
        // Midsummer Eve is closed: a report on Thursday 18 June 2026 with a swap promises a
        // working user by Tuesday 23 June.
        let midsummer = clock(SlaType::Swap, "2026-06-18T07:00:00Z", &[]);
        assert_eq!(due_days(&midsummer), [day("2026-06-18"), day("2026-06-23")]);
    }

    #[test]
    fn standing_is_on_time_at_risk_or_breached_by_how_much() {
        let calendar = WorkingCalendar::new(&[]);
        let settings = SlaSettings::default();
        // Mail-in reported Tuesday 1 December, due Tuesday 15 December.
        let open = clock(SlaType::MailIn, "2026-12-01T08:00:00Z", &[]);
        let stand = |clock: &SlaClock, now: &str| {
            clock
                .standing(at(now), &settings, &calendar)
                .unwrap_or_else(|error| panic!("{error}"))
        };
        assert_eq!(
            stand(&open, "2026-12-10T09:00:00Z"),
            (SlaStanding::OnTime, 3)
        );
        assert_eq!(
            stand(&open, "2026-12-14T09:00:00Z"),
            (SlaStanding::AtRisk, 1)
        );
        assert_eq!(
            stand(&open, "2026-12-15T22:59:00Z"),
            (SlaStanding::AtRisk, 0)
        );
        assert_eq!(
            stand(&open, "2026-12-15T23:00:00Z"),
            (SlaStanding::Breached, -1)
        );
        assert_eq!(
            stand(&open, "2026-12-17T09:00:00Z"),
            (SlaStanding::Breached, -2)
        );

        // Returned on the due day: kept; turnaround ten working days.
        let kept = clock(
            SlaType::MailIn,
            "2026-12-01T08:00:00Z",
            &[(RepairEvent::ReturnedToUser, "2026-12-15T12:00:00Z")],
        );
        assert!(kept.kept());
        assert_eq!(
            stand(&kept, "2027-01-20T09:00:00Z"),
            (SlaStanding::OnTime, 0)
        );
        assert_eq!(kept.turnaround_working_days(&calendar), Some(10));

        // A swap shipped a day late stays breached after the user works again.
        let late = clock(
            SlaType::Swap,
            "2026-12-01T08:00:00Z",
            &[
                (RepairEvent::ReplacementShipped, "2026-12-02T08:00:00Z"),
                (RepairEvent::UserWorking, "2026-12-03T08:00:00Z"),
            ],
        );
        assert!(!late.kept());
        assert_eq!(
            stand(&late, "2026-12-04T09:00:00Z"),
            (SlaStanding::Breached, -1)
        );
    }
}
