//! Support incidents: cases received by the helpdesk, their lines and pauses, and their
//! clocks against a support agreement's availability window on Swedish working days.

mod agreement;
mod clock;
mod report;
mod timeline;
mod window;

pub use agreement::{AgreementTerms, Target, terms_at};
pub use clock::{IncidentClock, IncidentStanding, TargetClock, incident_clock};
pub use report::{
    CategoryFigures, CategoryLabel, IncidentFacts, IncidentReport, LineFigures, ReportHead, Tally,
    WeekFigures, incident_report,
};
pub use timeline::{CaseState, EventProblem, TimedEvent, case_state, check_event, next_events};
pub use window::{AvailabilityWindow, DAY_MINUTES, WindowDays, WindowProblem};

vocabulary! {
    /// How a case reached the helpdesk.
    IncidentChannel {
        Phone => "phone",
        Email => "email",
        Portal => "portal",
        Chat => "chat",
        WalkIn => "walk_in",
        Other => "other",
    }
}

vocabulary! {
    /// The support line handling a case; cases start in first line.
    SupportLine {
        First => "first",
        Second => "second",
        Third => "third",
    }
}

vocabulary! {
    /// What happens to a case after it is received.
    IncidentEvent {
        /// The first answer to the reporter.
        Responded => "responded",
        /// Handed to a higher line.
        Escalated => "escalated",
        /// Waiting for someone; whether the clock stops is the agreement's call.
        Paused => "paused",
        Resumed => "resumed",
        Completed => "completed",
    }
}

vocabulary! {
    /// What a paused case waits for.
    PauseReason {
        AwaitingReporter => "awaiting_reporter",
        AwaitingSupplier => "awaiting_supplier",
    }
}

vocabulary! {
    /// What a column of a helpdesk's case export holds.
    IncidentField {
        /// The helpdesk's case number: importing the same case again adds nothing.
        ExternalRef => "external_ref",
        ReceivedAt => "received_at",
        RespondedAt => "responded_at",
        CompletedAt => "completed_at",
        Category => "category",
        /// The line that solved (or holds) the case: 1, 2 or 3.
        Line => "line",
        Channel => "channel",
        Reporter => "reporter",
        /// A serial number or IMEI that finds the device.
        Device => "device",
        OrgUnit => "org_unit",
        Description => "description",
        Resolution => "resolution",
    }
}
