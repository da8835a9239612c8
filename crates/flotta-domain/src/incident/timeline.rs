//! An incident's timeline: what may happen to a case, in which order.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{IncidentEvent, PauseReason, SupportLine};

/// One event of a case, as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TimedEvent {
    pub event: IncidentEvent,
    pub at: DateTime<Utc>,
    /// The line an escalation went to.
    pub line: Option<SupportLine>,
    /// Why a pause began.
    pub reason: Option<PauseReason>,
}

/// Where a case stands after its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseState {
    pub line: SupportLine,
    pub responded_at: Option<DateTime<Utc>>,
    /// A pause not yet resumed: since when and why.
    pub paused: Option<(DateTime<Utc>, PauseReason)>,
    pub completed_at: Option<DateTime<Utc>>,
    /// The latest time on the timeline.
    pub last_at: DateTime<Utc>,
}

/// Why an event cannot be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EventProblem {
    #[error("the case is completed")]
    Completed,
    #[error("the case already has its first response")]
    AlreadyResponded,
    #[error("an escalation names the line it goes to")]
    NoLine,
    #[error("the case is in {current} line already; it can only go higher")]
    NotHigher { current: SupportLine },
    #[error("a pause names what the case waits for")]
    NoReason,
    #[error("the case is paused already")]
    AlreadyPaused,
    #[error("the case is not paused")]
    NotPaused,
    #[error("{at} is before the case was received ({received})")]
    BeforeReceived {
        at: DateTime<Utc>,
        received: DateTime<Utc>,
    },
    #[error("{at} is before the case's latest event ({last})")]
    BeforeLast {
        at: DateTime<Utc>,
        last: DateTime<Utc>,
    },
}

/// The state after `events`, recorded in order on a case received at `received_at`.
pub fn case_state(received_at: DateTime<Utc>, events: &[TimedEvent]) -> CaseState {
    let mut state = CaseState {
        line: SupportLine::First,
        responded_at: None,
        paused: None,
        completed_at: None,
        last_at: received_at,
    };
    for event in events {
        apply(&mut state, event);
    }
    state
}

fn apply(state: &mut CaseState, event: &TimedEvent) {
    state.last_at = state.last_at.max(event.at);
    match event.event {
        IncidentEvent::Responded => {
            state.responded_at.get_or_insert(event.at);
        }
        IncidentEvent::Escalated => {
            state.line = event.line.unwrap_or(state.line).max(state.line);
        }
        IncidentEvent::Paused => {
            state.paused = Some((
                event.at,
                event.reason.unwrap_or(PauseReason::AwaitingReporter),
            ));
        }
        IncidentEvent::Resumed => state.paused = None,
        IncidentEvent::Completed => {
            state.paused = None;
            state.completed_at = Some(event.at);
        }
    }
}

/// Whether `event` may follow `state`.
pub fn check_event(
    state: &CaseState,
    received_at: DateTime<Utc>,
    event: &TimedEvent,
) -> Result<(), EventProblem> {
    if state.completed_at.is_some() {
        return Err(EventProblem::Completed);
    }
    if event.at < received_at {
        return Err(EventProblem::BeforeReceived {
            at: event.at,
            received: received_at,
        });
    }
    if event.at < state.last_at {
        return Err(EventProblem::BeforeLast {
            at: event.at,
            last: state.last_at,
        });
    }
    match event.event {
        IncidentEvent::Responded if state.responded_at.is_some() => {
            Err(EventProblem::AlreadyResponded)
        }
        IncidentEvent::Escalated => match event.line {
            None => Err(EventProblem::NoLine),
            Some(line) if line <= state.line => Err(EventProblem::NotHigher {
                current: state.line,
            }),
            Some(_) => Ok(()),
        },
        IncidentEvent::Paused if state.paused.is_some() => Err(EventProblem::AlreadyPaused),
        IncidentEvent::Paused if event.reason.is_none() => Err(EventProblem::NoReason),
        IncidentEvent::Resumed if state.paused.is_none() => Err(EventProblem::NotPaused),
        _ => Ok(()),
    }
}

/// What may be recorded next, in the order a coordinator usually records it.
pub fn next_events(state: &CaseState) -> Vec<IncidentEvent> {
    if state.completed_at.is_some() {
        return Vec::new();
    }
    let mut next = Vec::new();
    if state.responded_at.is_none() {
        next.push(IncidentEvent::Responded);
    }
    if state.line < SupportLine::Third {
        next.push(IncidentEvent::Escalated);
    }
    next.push(if state.paused.is_some() {
        IncidentEvent::Resumed
    } else {
        IncidentEvent::Paused
    });
    next.push(IncidentEvent::Completed);
    next
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_case_escalates_upwards_pauses_and_completes() {
        let received = at("2026-11-02T08:00:00Z");
        let mut events = Vec::new();
        let steps = [
            event(IncidentEvent::Responded, "2026-11-02T08:10:00Z"),
            TimedEvent {
                line: Some(SupportLine::Second),
                ..event(IncidentEvent::Escalated, "2026-11-02T09:00:00Z")
            },
            TimedEvent {
                reason: Some(PauseReason::AwaitingSupplier),
                ..event(IncidentEvent::Paused, "2026-11-02T10:00:00Z")
            },
            event(IncidentEvent::Resumed, "2026-11-03T10:00:00Z"),
            event(IncidentEvent::Completed, "2026-11-03T12:00:00Z"),
        ];
        for step in steps {
            let state = case_state(received, &events);
            assert_eq!(check_event(&state, received, &step), Ok(()), "{step:?}");
            events.push(step);
        }
        let state = case_state(received, &events);
        assert_eq!(state.line, SupportLine::Second);
        assert_eq!(state.completed_at, Some(at("2026-11-03T12:00:00Z")));
        assert!(next_events(&state).is_empty());
    }

    #[test]
    fn refusals() {
        let received = at("2026-11-02T08:00:00Z");
        let fresh = case_state(received, &[]);
        let before = event(IncidentEvent::Completed, "2026-11-01T08:00:00Z");
        assert!(matches!(
            check_event(&fresh, received, &before),
            Err(EventProblem::BeforeReceived { .. })
        ));
        let down = TimedEvent {
            line: Some(SupportLine::First),
            ..event(IncidentEvent::Escalated, "2026-11-02T09:00:00Z")
        };
        assert_eq!(
            check_event(&fresh, received, &down),
            Err(EventProblem::NotHigher {
                current: SupportLine::First
            })
        );
        let resume = event(IncidentEvent::Resumed, "2026-11-02T09:00:00Z");
        assert_eq!(
            check_event(&fresh, received, &resume),
            Err(EventProblem::NotPaused)
        );
        let done = case_state(
            received,
            &[event(IncidentEvent::Completed, "2026-11-02T09:00:00Z")],
        );
        let late = event(IncidentEvent::Responded, "2026-11-02T10:00:00Z");
        assert_eq!(
            check_event(&done, received, &late),
            Err(EventProblem::Completed)
        );
        let responded = case_state(
            received,
            &[event(IncidentEvent::Responded, "2026-11-02T09:00:00Z")],
        );
        let earlier = event(IncidentEvent::Completed, "2026-11-02T08:30:00Z");
        assert!(matches!(
            check_event(&responded, received, &earlier),
            Err(EventProblem::BeforeLast { .. })
        ));
    }
}
