//! Repair cases: the three SLA types, their timelines and their clocks on Swedish working
//! days.

mod clock;
mod report;
mod timeline;

pub use clock::{Milestone, SlaClock, SlaSettings, SlaStanding, sla_clock};
pub use report::{BreachedCase, CaseFacts, PoolCoverRow, SlaReport, SlaTypeFigures, sla_figures};
pub use timeline::{EventProblem, RepairEvent, check_event, is_closed, next_events};

vocabulary! {
    /// How a fault is handled, as agreed for the user's role.
    SlaType {
        /// The user posts the unit and gets it back repaired within 10 working days.
        MailIn => "mail_in",
        /// As mail-in, with a loaner phone meanwhile.
        MailInWithLoaner => "mail_in_loaner",
        /// A pool unit of the same model goes out the day the fault is reported; the broken
        /// one is repaired into the pool.
        Swap => "swap",
    }
}
