//! A device in the register and the closed vocabularies that describe it.

use chrono::{DateTime, Utc};

use crate::identifiers::{Imei, SerialNumber};

vocabulary! {
    /// The operating system family; the version is kept separately as text.
    OsFamily {
        Ios => "ios",
        Ipados => "ipados",
        Android => "android",
        Windows => "windows",
        Macos => "macos",
        Other => "other",
    }
}

vocabulary! {
    /// Who owns the hardware. Personal devices (BYOD) are managed but not the organisation's asset.
    Ownership {
        Corporate => "corporate",
        Personal => "personal",
        Unknown => "unknown",
    }
}

vocabulary! {
    /// Where a unit is in its life. Devices are never deleted; they move to an end state instead.
    Lifecycle {
        InStock => "in_stock",
        Deployed => "deployed",
        InRepair => "in_repair",
        InSwapPool => "in_swap_pool",
        Lost => "lost",
        Stolen => "stolen",
        Returned => "returned",
        Recycled => "recycled",
    }
}

vocabulary! {
    /// Compliance with the EMM's policies as last reported.
    Compliance {
        Compliant => "compliant",
        Noncompliant => "noncompliant",
        InGracePeriod => "in_grace_period",
        Unknown => "unknown",
    }
}

vocabulary! {
    /// Why a vendor's record is not compliant, where the vendor says. Intune gives only its
    /// verdict; Jamf Pro's security section and Workspace ONE's compromised status give the
    /// grounds, which are what a person acts on.
    ComplianceReason {
        PasscodeNotCompliant => "passcode_not_compliant",
        NoPasscode => "no_passcode",
        Jailbroken => "jailbroken",
        Compromised => "compromised",
    }
}

/// One physical unit as the register knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    pub serial: SerialNumber,
    /// Absent on Wi-Fi-only tablets and computers.
    pub imei: Option<Imei>,
    /// The id the source system uses for this unit, if it came from one.
    pub vendor_device_id: Option<String>,
    pub manufacturer: String,
    pub model: String,
    pub os: OsFamily,
    pub os_version: String,
    pub ownership: Ownership,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    /// The organisation unit (förvaltning, bolag) the device belongs to.
    pub org_unit: Option<String>,
    pub enrolled_at: Option<DateTime<Utc>>,
    pub last_check_in: Option<DateTime<Utc>>,
    pub compliance: Compliance,
    pub jailbroken: bool,
    pub encrypted: bool,
    pub lifecycle: Lifecycle,
}

impl Device {
    /// A deployed device counts as stale when it has not checked in for more than
    /// `stale_after_days` before `now` (or never has): it may be lost, broken or lying in a
    /// drawer. Units in stock, in repair or retired are not expected to check in.
    /// `flotta-store`'s fleet summary counts the same rule in SQL.
    pub fn is_stale(&self, now: DateTime<Utc>, stale_after_days: i64) -> bool {
        if self.lifecycle != Lifecycle::Deployed {
            return false;
        }
        match self.last_check_in {
            None => true,
            Some(seen) => now.signed_duration_since(seen).num_days() > stale_after_days,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_value_round_trips_through_its_text() {
        for value in Lifecycle::ALL {
            assert_eq!(Lifecycle::from_text(value.as_str()), Some(*value));
        }
        for value in OsFamily::ALL {
            assert_eq!(OsFamily::from_text(value.as_str()), Some(*value));
        }
        for value in Ownership::ALL {
            assert_eq!(Ownership::from_text(value.as_str()), Some(*value));
        }
        for value in Compliance::ALL {
            assert_eq!(Compliance::from_text(value.as_str()), Some(*value));
        }
        for value in ComplianceReason::ALL {
            assert_eq!(ComplianceReason::from_text(value.as_str()), Some(*value));
        }
        assert_eq!(
            Lifecycle::from_text("Deployed"),
            None,
            "text is case-sensitive"
        );
    }

    #[test]
    fn serde_uses_the_same_text_as_storage() {
        // The UI contract (serde) and the database (as_str) must agree on every value.
        for value in Lifecycle::ALL {
            let json = serde_json::to_string(value).expect("serialises");
            assert_eq!(json, format!("\"{}\"", value.as_str()));
        }
        for value in Compliance::ALL {
            let json = serde_json::to_string(value).expect("serialises");
            assert_eq!(json, format!("\"{}\"", value.as_str()));
        }
    }
}
