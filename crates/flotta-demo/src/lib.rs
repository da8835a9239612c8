//! A deterministic generator of a realistic Swedish municipal device fleet.
//!
//! The same [`FleetSpec`] always gives the same devices, so the demo, tests and benchmarks
//! can name a serial number and find it again. The fleet is modelled on a city
//! administration of about 50,000 devices: school administrations hold most iPads, care
//! administrations many rugged Android phones, a few percent are privately owned (BYOD),
//! stale, jailbroken, lost or recycled.
//!
//! Architecture invariant: no IO and no clock; "now" comes in through the spec.

mod catalogue;
mod people;

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use flotta_domain::{Compliance, Device, Imei, Lifecycle, Ownership, SerialNumber};

use catalogue::{MODELS, Model, ORG_UNITS, SerialStyle};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FleetSpec {
    pub devices: usize,
    pub seed: u64,
    /// The moment the fleet is seen from: check-ins and enrolments lie before it.
    pub now: DateTime<Utc>,
}

/// The seed of the built-in demo fleet.
pub const DEMO_SEED: u64 = 2017_0102;

/// The e-mail domain of the fictional municipality the demo fleet belongs to.
pub const DEMO_MAIL_DOMAIN: &str = "exempelstad.se";

/// Generates `spec.devices` devices. Serial numbers and IMEIs are unique and valid.
pub fn generate(spec: FleetSpec) -> Vec<Device> {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let mut serials = HashSet::with_capacity(spec.devices);
    let unit_weights: u32 = ORG_UNITS.iter().map(|unit| unit.weight).sum();
    (0..spec.devices)
        .map(|index| {
            let unit = pick_weighted(&mut rng, ORG_UNITS, unit_weights, |unit| unit.weight);
            let model_weights: u32 = MODELS.iter().map(|model| unit.profile.weight(model)).sum();
            let model = pick_weighted(&mut rng, MODELS, model_weights, |model| {
                unit.profile.weight(model)
            });
            let serial = loop {
                let candidate = serial_for(&mut rng, model.serial_style);
                if serials.insert(candidate.clone()) {
                    break candidate;
                }
            };
            device(&mut rng, &spec, index, unit.name, model, serial)
        })
        .collect()
}

fn device(
    rng: &mut fastrand::Rng,
    spec: &FleetSpec,
    index: usize,
    unit: &str,
    model: &Model,
    serial: String,
) -> Device {
    let lifecycle = pick_weighted(
        rng,
        &[
            (Lifecycle::Deployed, 880),
            (Lifecycle::InStock, 40),
            (Lifecycle::InRepair, 15),
            (Lifecycle::InSwapPool, 15),
            (Lifecycle::Lost, 7),
            (Lifecycle::Stolen, 3),
            (Lifecycle::Returned, 20),
            (Lifecycle::Recycled, 20),
        ],
        1000,
        |(_, weight)| *weight,
    )
    .0;
    let ownership = match rng.u32(0..1000) {
        0..40 if lifecycle == Lifecycle::Deployed => Ownership::Personal,
        40..50 => Ownership::Unknown,
        _ => Ownership::Corporate,
    };
    let shared = model.tablet && unit.starts_with("Grundskole") && rng.u32(0..100) < 40;
    let person = (lifecycle != Lifecycle::InStock && !shared).then(|| people::person(rng));
    let released_days_ago = (spec.now.date_naive() - model.released).num_days().max(30);
    let enrolled_at = (lifecycle != Lifecycle::InStock)
        .then(|| spec.now - Duration::days(rng.i64(7..released_days_ago)) - minutes(rng));
    let last_check_in = enrolled_at.map(|enrolled| {
        let days_since = (spec.now - enrolled).num_days().max(1);
        let days_ago = match lifecycle {
            Lifecycle::Lost | Lifecycle::Stolen | Lifecycle::Returned | Lifecycle::Recycled => {
                rng.i64(20..days_since.max(21))
            }
            _ if rng.u32(0..100) < 3 => rng.i64(31..200).min(days_since),
            _ => rng.i64(0..3).min(days_since),
        };
        spec.now - Duration::days(days_ago) - minutes(rng)
    });
    let jailbroken =
        ownership == Ownership::Personal && rng.u32(0..100) < 5 || rng.u32(0..1000) < 2;
    let compliance = if jailbroken {
        Compliance::Noncompliant
    } else if enrolled_at.is_none() {
        Compliance::Unknown
    } else {
        pick_weighted(
            rng,
            &[
                (Compliance::Compliant, 910),
                (Compliance::Noncompliant, 50),
                (Compliance::InGracePeriod, 20),
                (Compliance::Unknown, 20),
            ],
            1000,
            |(_, weight)| *weight,
        )
        .0
    };
    let imei = model.tac.map(|tac| {
        // Multiplying by a number coprime to 10^6 spreads the per-unit part without repeats.
        let unit_part = (index as u64 * 7919 + 13) % 1_000_000;
        Imei::from_body(&format!("{tac}{unit_part:06}"))
            .unwrap_or_else(|| unreachable!("the catalogue's TACs are 8 digits"))
    });
    let os_version = model.os_versions[rng.usize(0..model.os_versions.len())].to_owned();
    Device {
        serial: SerialNumber::parse(&serial)
            .unwrap_or_else(|error| unreachable!("generated serial {serial}: {error}")),
        imei,
        vendor_device_id: enrolled_at.map(|_| guid(rng)),
        manufacturer: model.manufacturer.to_owned(),
        model: model.name.to_owned(),
        os: model.os,
        os_version,
        ownership,
        user_name: person.as_ref().map(|p| p.name.clone()),
        user_email: person.map(|p| p.email),
        org_unit: Some(unit.to_owned()),
        enrolled_at,
        last_check_in,
        compliance,
        jailbroken,
        encrypted: is_apple(model.os) || rng.u32(0..100) < 97,
        lifecycle,
    }
}

fn minutes(rng: &mut fastrand::Rng) -> Duration {
    Duration::minutes(rng.i64(0..24 * 60))
}

fn pick_weighted<'a, T>(
    rng: &mut fastrand::Rng,
    items: &'a [T],
    total: u32,
    weight: impl Fn(&T) -> u32,
) -> &'a T {
    let mut ticket = rng.u32(0..total.max(1));
    for item in items {
        let w = weight(item);
        if ticket < w {
            return item;
        }
        ticket -= w;
    }
    &items[items.len() - 1]
}

fn serial_for(rng: &mut fastrand::Rng, style: SerialStyle) -> String {
    // Apple's randomised serials avoid letters that read like digits.
    const APPLE: &[u8] = b"0123456789CDFGHJKLMNPQRTVWXY";
    const ALNUM: &[u8] = b"0123456789ABCDEFGHJKLMNPRSTVWXYZ";
    let mut pick = |alphabet: &[u8], count: usize| -> String {
        (0..count)
            .map(|_| alphabet[rng.usize(0..alphabet.len())] as char)
            .collect()
    };
    match style {
        SerialStyle::Apple => pick(APPLE, 10),
        SerialStyle::Samsung => format!("R5{}", pick(ALNUM, 9)),
        SerialStyle::Numeric(length) => pick(b"0123456789", length),
        SerialStyle::Prefixed(prefix, length) => format!("{prefix}{}", pick(ALNUM, length)),
    }
}

fn guid(rng: &mut fastrand::Rng) -> String {
    let hex = |rng: &mut fastrand::Rng, digits: usize| -> String {
        (0..digits)
            .map(|_| char::from_digit(rng.u32(0..16), 16).unwrap_or('0'))
            .collect()
    };
    format!(
        "{}-{}-{}-{}-{}",
        hex(rng, 8),
        hex(rng, 4),
        hex(rng, 4),
        hex(rng, 4),
        hex(rng, 12)
    )
}

fn is_apple(os: flotta_domain::OsFamily) -> bool {
    use flotta_domain::OsFamily::{Ios, Ipados, Macos};
    matches!(os, Ios | Ipados | Macos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn spec(devices: usize) -> FleetSpec {
        FleetSpec {
            devices,
            seed: DEMO_SEED,
            now: Utc
                .with_ymd_and_hms(2026, 11, 25, 9, 0, 0)
                .single()
                .expect("valid"),
        }
    }

    #[test]
    fn the_same_spec_gives_the_same_fleet() {
        assert_eq!(generate(spec(500)), generate(spec(500)));
    }

    #[test]
    fn identifiers_are_unique_and_valid() {
        let fleet = generate(spec(50_000));
        let serials: HashSet<_> = fleet.iter().map(|d| d.serial.clone()).collect();
        assert_eq!(serials.len(), fleet.len(), "serial numbers repeat");
        let imeis: Vec<_> = fleet.iter().filter_map(|d| d.imei.clone()).collect();
        let unique_imeis: HashSet<_> = imeis.iter().collect();
        assert_eq!(unique_imeis.len(), imeis.len(), "IMEIs repeat");
        for imei in &imeis {
            assert!(
                Imei::parse(imei.as_str()).is_ok(),
                "{imei} fails validation"
            );
        }
    }

    #[test]
    fn the_fleet_looks_like_a_municipality() {
        let fleet = generate(spec(50_000));
        let share = |predicate: &dyn Fn(&Device) -> bool| {
            fleet.iter().filter(|d| predicate(d)).count() as f64 / fleet.len() as f64
        };
        let personal = share(&|d| d.ownership == Ownership::Personal);
        assert!((0.02..0.06).contains(&personal), "BYOD share {personal}");
        let jailbroken = share(&|d| d.jailbroken);
        assert!(
            (0.001..0.01).contains(&jailbroken),
            "jailbroken share {jailbroken}"
        );
        let now = spec(1).now;
        let stale = share(&|d| d.is_stale(now, 30));
        assert!((0.01..0.06).contains(&stale), "stale share {stale}");
        let schools = share(&|d| d.org_unit.as_deref() == Some("Grundskoleförvaltningen"));
        assert!(schools > 0.2, "school share {schools}");
        let without_imei = share(&|d| d.imei.is_none());
        assert!(
            (0.05..0.5).contains(&without_imei),
            "Wi-Fi-only share {without_imei}"
        );
        assert!(
            fleet
                .iter()
                .all(|d| d.last_check_in.is_none_or(|seen| seen <= now)),
            "a check-in lies in the future"
        );
    }
}
