//! A case's SLA clock against its agreement: minutes inside the window to the first response
//! and to completion, less the pauses the agreement allows, and how the case stands.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{AgreementTerms, CaseState, IncidentEvent, TimedEvent, case_state};
use crate::calendar::{OutOfCalendar, WorkingCalendar};

vocabulary! {
    /// How a case stands against its agreement.
    IncidentStanding {
        /// Every target met.
        Inside => "inside",
        /// A target missed, or already past while the case is open.
        Outside => "outside",
        /// Open, with no target missed yet.
        Running => "running",
        /// The agreement sets no target for the case.
        NoTarget => "no_target",
    }
}

/// One target's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TargetClock {
    pub target_minutes: u32,
    pub standing: IncidentStanding,
    /// Minutes inside the window left (or, negative, over the target).
    pub margin_minutes: i32,
}

/// A case's clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IncidentClock {
    /// Minutes inside the window to the first response, or so far without one.
    pub response_minutes: i32,
    /// Minutes inside the window to completion, or so far.
    pub resolution_minutes: i32,
    /// Minutes inside the window the clock stood still for pauses the agreement allows.
    pub paused_minutes: i32,
    /// Real minutes the case spent paused, for any reason.
    pub paused_wall_minutes: i32,
    pub response: Option<TargetClock>,
    pub resolution: Option<TargetClock>,
    pub standing: IncidentStanding,
}

/// The clock at `as_of` of a case of `category_id` received at `received_at` with `events`
/// (in order) under `terms`.
pub fn incident_clock(
    received_at: DateTime<Utc>,
    category_id: u32,
    events: &[TimedEvent],
    terms: &AgreementTerms,
    as_of: DateTime<Utc>,
    calendar: &WorkingCalendar,
) -> Result<IncidentClock, OutOfCalendar> {
    let state = case_state(received_at, events);
    let pauses = pauses(events, &state, terms, as_of);
    let window = terms.window;
    let counted = |end: DateTime<Utc>| -> Result<(i64, i64), OutOfCalendar> {
        let mut paused = 0;
        for (from, to, stops) in &pauses {
            if *stops {
                paused += window.open_minutes(*from, (*to).min(end), calendar)?;
            }
        }
        let open = window.open_minutes(received_at, end, calendar)?;
        Ok((open - paused, paused))
    };
    // Completing or escalating a case answers its reporter as a response would.
    let response_at = events
        .iter()
        .find(|event| event.event != IncidentEvent::Paused && event.event != IncidentEvent::Resumed)
        .map(|event| event.at);
    let (response_minutes, _) = counted(response_at.unwrap_or(as_of))?;
    let (resolution_minutes, paused_minutes) = counted(state.completed_at.unwrap_or(as_of))?;
    let paused_wall_minutes = pauses
        .iter()
        .map(|(from, to, _)| (*to - *from).num_minutes())
        .sum();
    let target = terms.target_for(category_id, state.line);
    let judge = |target: Option<u32>, used: i32, done: bool| {
        target.map(|target_minutes| {
            let margin_minutes = i32::try_from(target_minutes)
                .unwrap_or(i32::MAX)
                .saturating_sub(used);
            let standing = if margin_minutes < 0 {
                IncidentStanding::Outside
            } else if done {
                IncidentStanding::Inside
            } else {
                IncidentStanding::Running
            };
            TargetClock {
                target_minutes,
                standing,
                margin_minutes,
            }
        })
    };
    let response = judge(
        target.and_then(|target| target.response_minutes),
        minutes(response_minutes),
        response_at.is_some(),
    );
    let resolution = judge(
        target.and_then(|target| target.resolution_minutes),
        minutes(resolution_minutes),
        state.completed_at.is_some(),
    );
    let standings = [response, resolution].map(|clock| clock.map(|clock| clock.standing));
    let standing = if standings.contains(&Some(IncidentStanding::Outside)) {
        IncidentStanding::Outside
    } else if standings.contains(&Some(IncidentStanding::Running)) {
        IncidentStanding::Running
    } else if standings.contains(&Some(IncidentStanding::Inside)) {
        IncidentStanding::Inside
    } else {
        IncidentStanding::NoTarget
    };
    Ok(IncidentClock {
        response_minutes: minutes(response_minutes),
        resolution_minutes: minutes(resolution_minutes),
        paused_minutes: minutes(paused_minutes),
        paused_wall_minutes: minutes(paused_wall_minutes),
        response,
        resolution,
        standing,
    })
}

/// Minutes as the clock shows them; a case open for more than 4,000 years saturates.
fn minutes(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(if value < 0 { i32::MIN } else { i32::MAX })
}

/// Every pause as (from, to, stops the clock), a pause still open ending at completion or
/// `as_of`.
fn pauses(
    events: &[TimedEvent],
    state: &CaseState,
    terms: &AgreementTerms,
    as_of: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>, bool)> {
    let mut spans = Vec::new();
    let mut open: Option<(DateTime<Utc>, bool)> = None;
    for event in events {
        match event.event {
            IncidentEvent::Paused => {
                open = Some((
                    event.at,
                    event.reason.is_some_and(|reason| terms.pauses_on(reason)),
                ));
            }
            IncidentEvent::Resumed | IncidentEvent::Completed => {
                if let Some((from, stops)) = open.take() {
                    spans.push((from, event.at, stops));
                }
            }
            _ => {}
        }
    }
    if let Some((from, stops)) = open {
        spans.push((from, state.completed_at.unwrap_or(as_of).max(from), stops));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incident::{AvailabilityWindow, PauseReason, SupportLine, Target};

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap_or_default()
    }

    fn event(event: IncidentEvent, when: &str) -> TimedEvent {
        TimedEvent {
            event,
            at: at(when),
            line: None,
            reason: None,
        }
    }

    fn terms() -> AgreementTerms {
        AgreementTerms {
            valid_from: at("2026-01-01T00:00:00Z"),
            window: AvailabilityWindow::WEEKDAYS_08_17,
            pausing: vec![PauseReason::AwaitingReporter],
            targets: vec![
                Target {
                    category_id: None,
                    line: None,
                    response_minutes: Some(60),
                    resolution_minutes: Some(8 * 60),
                },
                Target {
                    category_id: None,
                    line: Some(SupportLine::Second),
                    response_minutes: Some(60),
                    resolution_minutes: Some(16 * 60),
                },
            ],
        }
    }

    #[test]
    fn a_pause_for_the_reporter_stops_the_clock_one_for_the_supplier_does_not()
    -> Result<(), OutOfCalendar> {
        let calendar = WorkingCalendar::new(&[]);
        // Received Monday 2 November 2026 09:00 (08:00 UTC), answered 09:30, waiting for the
        // reporter from 10:00 to Tuesday 10:00, completed Tuesday 12:00: 1 h + 2 h counted,
        // 7 h + 2 h paused inside the window.
        let received = at("2026-11-02T08:00:00Z");
        let events = [
            event(IncidentEvent::Responded, "2026-11-02T08:30:00Z"),
            TimedEvent {
                reason: Some(PauseReason::AwaitingReporter),
                ..event(IncidentEvent::Paused, "2026-11-02T09:00:00Z")
            },
            event(IncidentEvent::Resumed, "2026-11-03T09:00:00Z"),
            event(IncidentEvent::Completed, "2026-11-03T11:00:00Z"),
        ];
        let now = at("2026-11-10T12:00:00Z");
        let clock = incident_clock(received, 1, &events, &terms(), now, &calendar)?;
        assert_eq!(clock.response_minutes, 30);
        assert_eq!(clock.resolution_minutes, 180);
        assert_eq!(clock.paused_minutes, 9 * 60);
        assert_eq!(clock.paused_wall_minutes, 24 * 60);
        assert_eq!(clock.standing, IncidentStanding::Inside);
        assert_eq!(clock.resolution.map(|r| r.margin_minutes), Some(300));
        // The same pause waiting for a supplier does not stop it: 12 h against 8 h.
        let mut supplier = events;
        supplier[1].reason = Some(PauseReason::AwaitingSupplier);
        let clock = incident_clock(received, 1, &supplier, &terms(), now, &calendar)?;
        assert_eq!(clock.resolution_minutes, 12 * 60);
        assert_eq!(clock.paused_minutes, 0);
        assert_eq!(clock.standing, IncidentStanding::Outside);
        assert_eq!(clock.resolution.map(|r| r.margin_minutes), Some(-240));
        Ok(())
    }

    #[test]
    fn open_cases_run_until_their_target_passes() -> Result<(), OutOfCalendar> {
        let calendar = WorkingCalendar::new(&[]);
        let received = at("2026-11-02T08:00:00Z");
        let escalated = [TimedEvent {
            line: Some(SupportLine::Second),
            ..event(IncidentEvent::Escalated, "2026-11-02T08:20:00Z")
        }];
        // Escalated to second line: its 16 h target, 3 h used by Monday 12:00 local.
        let clock = incident_clock(
            received,
            1,
            &escalated,
            &terms(),
            at("2026-11-02T11:00:00Z"),
            &calendar,
        )?;
        assert_eq!(clock.response_minutes, 20);
        assert_eq!(clock.standing, IncidentStanding::Running);
        assert_eq!(clock.resolution.map(|r| r.margin_minutes), Some(13 * 60));
        // By Wednesday 12:00 local, 8 + 9 + 4 = 21 h: outside while still open.
        let clock = incident_clock(
            received,
            1,
            &escalated,
            &terms(),
            at("2026-11-04T11:00:00Z"),
            &calendar,
        )?;
        assert_eq!(clock.resolution_minutes, 21 * 60);
        assert_eq!(clock.standing, IncidentStanding::Outside);
        // No response at all after two hours: the response target is missed.
        let silent = incident_clock(
            received,
            1,
            &[],
            &terms(),
            at("2026-11-02T10:00:00Z"),
            &calendar,
        )?;
        assert_eq!(
            silent.response.map(|r| r.standing),
            Some(IncidentStanding::Outside)
        );
        Ok(())
    }
}
