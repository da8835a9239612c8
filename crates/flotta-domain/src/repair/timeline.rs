//! A repair case's timeline: which events each SLA type has, in which order they may come,
//! and when a case is over.

use chrono::{DateTime, Utc};

use super::SlaType;
use crate::calendar::{ClosedBecause, WorkingCalendar};
use crate::time::stockholm_date;

vocabulary! {
    /// Something that happened to a repair case.
    RepairEvent {
        Reported => "reported",
        /// Swap service: a pool unit of the same model went to the user.
        ReplacementShipped => "replacement_shipped",
        LoanerShipped => "loaner_shipped",
        /// The user has a working unit again (the replacement or the loaner arrived).
        UserWorking => "user_working",
        Received => "received",
        Diagnosed => "diagnosed",
        Repaired => "repaired",
        BeyondRepair => "beyond_repair",
        ReturnedToUser => "returned_to_user",
        ReturnedToPool => "returned_to_pool",
        LoanerReturned => "loaner_returned",
    }
}

impl RepairEvent {
    /// Whether the event belongs to the SLA type's timeline.
    pub fn belongs_to(self, sla: SlaType) -> bool {
        use RepairEvent::*;
        match self {
            ReplacementShipped | ReturnedToPool => sla == SlaType::Swap,
            LoanerShipped | LoanerReturned => sla == SlaType::MailInWithLoaner,
            UserWorking => sla != SlaType::MailIn,
            ReturnedToUser => sla != SlaType::Swap,
            Reported | Received | Diagnosed | Repaired | BeyondRepair => true,
        }
    }

    /// The events of which one must be recorded before this one.
    fn needs_one_of(self) -> &'static [RepairEvent] {
        use RepairEvent::*;
        match self {
            Reported => &[],
            ReplacementShipped | LoanerShipped | Received => &[Reported],
            UserWorking => &[ReplacementShipped, LoanerShipped],
            Diagnosed | Repaired | BeyondRepair => &[Received],
            ReturnedToUser | ReturnedToPool => &[Repaired],
            LoanerReturned => &[ReturnedToUser, BeyondRepair],
        }
    }

    /// Work the organisation or its workshop does, so never on a closed day; the user's own
    /// events (a fault reported on a Sunday) may fall on any day.
    fn is_work(self) -> bool {
        use RepairEvent::*;
        matches!(
            self,
            ReplacementShipped
                | LoanerShipped
                | Received
                | Diagnosed
                | Repaired
                | BeyondRepair
                | ReturnedToPool
        )
    }
}

/// Why an event cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventProblem {
    #[error("a {sla} case has no \"{event}\" step")]
    NotInTimeline { event: RepairEvent, sla: SlaType },
    #[error("\"{0}\" is already recorded")]
    Twice(RepairEvent),
    #[error("\"{event}\" needs \"{first}\" first")]
    OutOfOrder {
        event: RepairEvent,
        first: RepairEvent,
    },
    #[error("\"{event}\" cannot be earlier than \"{first}\" ({first_at})")]
    EarlierThan {
        event: RepairEvent,
        first: RepairEvent,
        first_at: DateTime<Utc>,
    },
    #[error("\"{0}\" cannot be recorded after \"{1}\"")]
    Excluded(RepairEvent, RepairEvent),
    #[error("the case is closed")]
    Closed,
    #[error("{0} is in the future")]
    InFuture(DateTime<Utc>),
    #[error("{date} is a closed day ({because})")]
    ClosedDay {
        date: chrono::NaiveDate,
        because: String,
    },
    #[error("{0}")]
    OutOfCalendar(#[from] crate::calendar::OutOfCalendar),
}

/// Whether a case with these events is over: the user's own unit is back or beyond repair,
/// the swap's broken unit back in the pool, the loaner home.
pub fn is_closed(sla: SlaType, recorded: &[RepairEvent]) -> bool {
    use RepairEvent::*;
    let has = |event| recorded.contains(&event);
    match sla {
        SlaType::MailIn => has(ReturnedToUser) || has(BeyondRepair),
        SlaType::MailInWithLoaner => {
            (has(ReturnedToUser) || has(BeyondRepair))
                && (has(LoanerReturned) || !has(LoanerShipped))
        }
        SlaType::Swap => has(UserWorking) && (has(ReturnedToPool) || has(BeyondRepair)),
    }
}

/// The events a person may record next, in timeline order.
pub fn next_events(sla: SlaType, recorded: &[RepairEvent]) -> Vec<RepairEvent> {
    if is_closed(sla, recorded) {
        return Vec::new();
    }
    RepairEvent::ALL
        .iter()
        .copied()
        .filter(|event| order_problem(sla, recorded, *event).is_none())
        .collect()
}

fn order_problem(
    sla: SlaType,
    recorded: &[RepairEvent],
    event: RepairEvent,
) -> Option<EventProblem> {
    use RepairEvent::*;
    if !event.belongs_to(sla) {
        return Some(EventProblem::NotInTimeline { event, sla });
    }
    if recorded.contains(&event) {
        return Some(EventProblem::Twice(event));
    }
    let excluded_by: &[RepairEvent] = match event {
        Repaired => &[BeyondRepair],
        BeyondRepair => &[Repaired],
        Diagnosed => &[Repaired, BeyondRepair],
        _ => &[],
    };
    if let Some(other) = excluded_by.iter().find(|other| recorded.contains(other)) {
        return Some(EventProblem::Excluded(event, *other));
    }
    let needs = event.needs_one_of();
    if !needs.is_empty() && !needs.iter().any(|first| recorded.contains(first)) {
        let first = needs
            .iter()
            .copied()
            .find(|first| first.belongs_to(sla))
            .unwrap_or(needs[0]);
        return Some(EventProblem::OutOfOrder { event, first });
    }
    None
}

/// Checks `event` at `at` against the case's recorded events (kind and time), the clock and
/// the calendar.
pub fn check_event(
    sla: SlaType,
    recorded: &[(RepairEvent, DateTime<Utc>)],
    event: RepairEvent,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    calendar: &WorkingCalendar,
) -> Result<(), EventProblem> {
    let kinds: Vec<RepairEvent> = recorded.iter().map(|(kind, _)| *kind).collect();
    if is_closed(sla, &kinds) {
        return Err(EventProblem::Closed);
    }
    if let Some(problem) = order_problem(sla, &kinds, event) {
        return Err(problem);
    }
    if at > now {
        return Err(EventProblem::InFuture(at));
    }
    // Later than the event it follows (the latest of them when several could).
    let before = recorded
        .iter()
        .filter(|(kind, _)| event.needs_one_of().contains(kind))
        .max_by_key(|(_, at)| *at);
    if let Some((first, first_at)) = before.filter(|(_, first_at)| *first_at > at) {
        return Err(EventProblem::EarlierThan {
            event,
            first: *first,
            first_at: *first_at,
        });
    }
    if event.is_work() {
        let date = stockholm_date(at);
        if let Some(because) = calendar.closed_because(date)? {
            let because = match because {
                ClosedBecause::Weekend => "a weekend".to_owned(),
                ClosedBecause::Holiday(holiday) => holiday.english_name().to_owned(),
                ClosedBecause::Organisation => "the organisation's closure day".to_owned(),
            };
            return Err(EventProblem::ClosedDay { date, because });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::RepairEvent::*;
    use super::*;

    #[test]
    fn each_type_offers_its_own_next_steps() {
        assert_eq!(
            next_events(SlaType::Swap, &[Reported]),
            [ReplacementShipped, Received]
        );
        assert_eq!(
            next_events(SlaType::MailInWithLoaner, &[Reported]),
            [LoanerShipped, Received]
        );
        assert_eq!(next_events(SlaType::MailIn, &[Reported]), [Received]);
        assert_eq!(
            next_events(SlaType::MailIn, &[Reported, Received]),
            [Diagnosed, Repaired, BeyondRepair]
        );
        assert_eq!(
            next_events(SlaType::Swap, &[Reported, Received, Repaired]),
            [ReplacementShipped, ReturnedToPool]
        );
        assert!(is_closed(
            SlaType::MailIn,
            &[Reported, Received, BeyondRepair]
        ));
        assert!(!is_closed(
            SlaType::MailInWithLoaner,
            &[Reported, LoanerShipped, Received, Repaired, ReturnedToUser]
        ));
    }

    #[test]
    fn events_out_of_order_are_refused_by_name() {
        let calendar = WorkingCalendar::new(&[]);
        let at = |text: &str| text.parse::<DateTime<Utc>>().unwrap_or_default();
        let reported = [(Reported, at("2026-12-01T09:00:00Z"))];
        let now = at("2026-12-03T12:00:00Z");
        let check = |recorded: &[(RepairEvent, DateTime<Utc>)], event, when| {
            check_event(SlaType::MailIn, recorded, event, when, now, &calendar)
        };
        assert_eq!(
            check(&reported, Repaired, at("2026-12-02T09:00:00Z")),
            Err(EventProblem::OutOfOrder {
                event: Repaired,
                first: Received
            })
        );
        assert!(matches!(
            check(&reported, Received, at("2026-11-30T09:00:00Z")),
            Err(EventProblem::EarlierThan { .. })
        ));
        assert!(matches!(
            check(&reported, Received, at("2026-12-04T09:00:00Z")),
            Err(EventProblem::InFuture(_))
        ));
        // Reported on a Friday, received on the Saturday.
        let friday = [(Reported, at("2026-11-27T09:00:00Z"))];
        assert!(matches!(
            check(&friday, Received, at("2026-11-28T10:00:00Z")),
            Err(EventProblem::ClosedDay { .. })
        ));
        assert_eq!(
            check(&reported, Received, at("2026-12-02T10:00:00Z")),
            Ok(())
        );
        assert!(matches!(
            check(&reported, LoanerShipped, at("2026-12-02T10:00:00Z")),
            Err(EventProblem::NotInTimeline { .. })
        ));
    }
}
