//! The organisation units and device models the demo fleet is drawn from.

use chrono::NaiveDate;
use flotta_domain::OsFamily;

/// How a model's serial numbers look.
#[derive(Debug, Clone, Copy)]
pub(crate) enum SerialStyle {
    /// Ten characters from Apple's randomised alphabet (models from 2021 on).
    Apple,
    /// "R5" and nine characters, as on Samsung's labels.
    Samsung,
    Numeric(usize),
    Prefixed(&'static str, usize),
}

#[derive(Debug)]
pub(crate) struct Model {
    pub manufacturer: &'static str,
    pub name: &'static str,
    pub os: OsFamily,
    pub os_versions: &'static [&'static str],
    /// Type allocation code (the first eight IMEI digits); `None` for Wi-Fi-only units.
    pub tac: Option<&'static str>,
    pub tablet: bool,
    pub rugged: bool,
    pub released: NaiveDate,
    pub serial_style: SerialStyle,
}

/// Which kinds of device a unit buys, as relative weights.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Profile {
    /// Pupils' shared and personal iPads, teachers' phones.
    School,
    /// Mostly iPads for documentation, some phones.
    Preschool,
    /// Home-care staff: rugged and mid-range Android phones, some iPhones.
    Care,
    /// Office staff: iPhones and flagship Android phones.
    Office,
}

impl Profile {
    pub(crate) fn weight(self, model: &Model) -> u32 {
        let apple = matches!(model.os, OsFamily::Ios | OsFamily::Ipados);
        match (self, model.tablet, model.rugged, apple) {
            (Profile::School, true, _, true) => 14,
            (Profile::School, true, _, false) => 2,
            (Profile::School, false, false, true) => 3,
            (Profile::Preschool, true, _, true) => 10,
            (Profile::Preschool, false, false, true) => 3,
            (Profile::Care, false, true, _) => 8,
            (Profile::Care, false, false, false) => 5,
            (Profile::Care, false, false, true) => 3,
            (Profile::Care, true, _, _) => 1,
            (Profile::Office, false, false, true) => 8,
            (Profile::Office, false, false, false) => 3,
            (Profile::Office, true, _, _) => 1,
            _ => 0,
        }
    }
}

#[derive(Debug)]
pub(crate) struct OrgUnit {
    pub name: &'static str,
    pub weight: u32,
    pub profile: Profile,
}

const fn unit(name: &'static str, weight: u32, profile: Profile) -> OrgUnit {
    OrgUnit {
        name,
        weight,
        profile,
    }
}

pub(crate) const ORG_UNITS: &[OrgUnit] = &[
    unit("Grundskoleförvaltningen", 300, Profile::School),
    unit("Förskoleförvaltningen", 110, Profile::Preschool),
    unit("Utbildningsförvaltningen", 90, Profile::School),
    unit(
        "Äldre samt vård- och omsorgsförvaltningen",
        110,
        Profile::Care,
    ),
    unit("Förvaltningen för funktionsstöd", 50, Profile::Care),
    unit("Socialförvaltningen Centrum", 35, Profile::Care),
    unit("Socialförvaltningen Hisingen", 35, Profile::Care),
    unit("Socialförvaltningen Nordost", 35, Profile::Care),
    unit("Socialförvaltningen Sydväst", 35, Profile::Care),
    unit("Stadsledningskontoret", 25, Profile::Office),
    unit("Intraservice", 20, Profile::Office),
    unit("Stadsmiljöförvaltningen", 30, Profile::Office),
    unit("Stadsbyggnadskontoret", 20, Profile::Office),
    unit("Kulturförvaltningen", 20, Profile::Office),
    unit("Idrotts- och föreningsförvaltningen", 18, Profile::Office),
    unit("Miljöförvaltningen", 12, Profile::Office),
    unit("Fastighetskontoret", 15, Profile::Office),
    unit("Arbetsmarknad och vuxenutbildning", 20, Profile::Office),
];

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid catalogue date"),
    }
}

const IOS: &[&str] = &[
    "18.7.2", "26.0.1", "26.1", "26.2", "26.3.1", "26.4", "26.5", "26.6",
];
const IOS_RECENT: &[&str] = &["26.4", "26.5", "26.6", "26.6"];
const IPADOS: &[&str] = &["18.7.2", "26.1", "26.3.1", "26.5", "26.6"];
const ANDROID: &[&str] = &["14", "15", "15", "16", "16"];
const ANDROID_RECENT: &[&str] = &["15", "16", "16"];

const fn phone(
    manufacturer: &'static str,
    name: &'static str,
    os: OsFamily,
    os_versions: &'static [&'static str],
    tac: &'static str,
    released: NaiveDate,
    serial_style: SerialStyle,
) -> Model {
    Model {
        manufacturer,
        name,
        os,
        os_versions,
        tac: Some(tac),
        tablet: false,
        rugged: false,
        released,
        serial_style,
    }
}

const fn rugged(model: Model) -> Model {
    Model {
        rugged: true,
        ..model
    }
}

const fn tablet(
    manufacturer: &'static str,
    name: &'static str,
    os: OsFamily,
    os_versions: &'static [&'static str],
    tac: Option<&'static str>,
    released: NaiveDate,
    serial_style: SerialStyle,
) -> Model {
    Model {
        manufacturer,
        name,
        os,
        os_versions,
        tac,
        tablet: true,
        rugged: false,
        released,
        serial_style,
    }
}

use OsFamily::{Android, Ios, Ipados, Windows};
use SerialStyle::{Apple as AppleSerial, Numeric, Prefixed, Samsung as SamsungSerial};

pub(crate) const MODELS: &[Model] = &[
    phone(
        "Apple",
        "iPhone SE (3rd generation)",
        Ios,
        IOS,
        "35391811",
        date(2022, 3, 18),
        AppleSerial,
    ),
    phone(
        "Apple",
        "iPhone 13",
        Ios,
        IOS,
        "35467011",
        date(2021, 9, 24),
        AppleSerial,
    ),
    phone(
        "Apple",
        "iPhone 14",
        Ios,
        IOS,
        "35089071",
        date(2022, 9, 16),
        AppleSerial,
    ),
    phone(
        "Apple",
        "iPhone 15",
        Ios,
        IOS,
        "35212365",
        date(2023, 9, 22),
        AppleSerial,
    ),
    phone(
        "Apple",
        "iPhone 16",
        Ios,
        IOS,
        "35664131",
        date(2024, 9, 20),
        AppleSerial,
    ),
    phone(
        "Apple",
        "iPhone 16e",
        Ios,
        IOS_RECENT,
        "35131742",
        date(2025, 2, 28),
        AppleSerial,
    ),
    phone(
        "Apple",
        "iPhone 17",
        Ios,
        IOS_RECENT,
        "35088234",
        date(2025, 9, 19),
        AppleSerial,
    ),
    tablet(
        "Apple",
        "iPad (10th generation)",
        Ipados,
        IPADOS,
        None,
        date(2022, 10, 26),
        AppleSerial,
    ),
    tablet(
        "Apple",
        "iPad (A16)",
        Ipados,
        IPADOS,
        None,
        date(2025, 3, 12),
        AppleSerial,
    ),
    tablet(
        "Apple",
        "iPad Air 11-inch (M2)",
        Ipados,
        IPADOS,
        Some("35398216"),
        date(2024, 5, 15),
        AppleSerial,
    ),
    phone(
        "Samsung",
        "Galaxy A35 5G",
        Android,
        ANDROID,
        "35012795",
        date(2024, 3, 15),
        SamsungSerial,
    ),
    phone(
        "Samsung",
        "Galaxy A55 5G",
        Android,
        ANDROID,
        "35019396",
        date(2024, 3, 15),
        SamsungSerial,
    ),
    phone(
        "Samsung",
        "Galaxy A56 5G",
        Android,
        ANDROID_RECENT,
        "35069514",
        date(2025, 3, 19),
        SamsungSerial,
    ),
    phone(
        "Samsung",
        "Galaxy S24",
        Android,
        ANDROID,
        "35072846",
        date(2024, 1, 31),
        SamsungSerial,
    ),
    phone(
        "Samsung",
        "Galaxy S25",
        Android,
        ANDROID_RECENT,
        "35099337",
        date(2025, 2, 7),
        SamsungSerial,
    ),
    rugged(phone(
        "Samsung",
        "Galaxy XCover7",
        Android,
        ANDROID,
        "35108842",
        date(2024, 2, 1),
        SamsungSerial,
    )),
    rugged(phone(
        "Samsung",
        "Galaxy XCover6 Pro",
        Android,
        ANDROID,
        "35290627",
        date(2022, 7, 1),
        SamsungSerial,
    )),
    tablet(
        "Samsung",
        "Galaxy Tab A9+",
        Android,
        ANDROID,
        None,
        date(2023, 10, 18),
        SamsungSerial,
    ),
    tablet(
        "Samsung",
        "Galaxy Tab Active5",
        Android,
        ANDROID,
        Some("35179856"),
        date(2024, 1, 29),
        SamsungSerial,
    ),
    phone(
        "Google",
        "Pixel 8a",
        Android,
        ANDROID_RECENT,
        "35875713",
        date(2024, 5, 14),
        Prefixed("4", 11),
    ),
    phone(
        "Google",
        "Pixel 9",
        Android,
        ANDROID_RECENT,
        "35945216",
        date(2024, 8, 22),
        Prefixed("5", 11),
    ),
    rugged(phone(
        "Zebra",
        "TC58",
        Android,
        &["13", "14"],
        "35614609",
        date(2023, 3, 1),
        Numeric(14),
    )),
    tablet(
        "Microsoft",
        "Surface Go 4",
        Windows,
        &["11 23H2", "11 24H2", "11 24H2"],
        None,
        date(2023, 10, 1),
        Numeric(12),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unit_can_buy_something_and_every_tac_has_eight_digits() {
        for unit in ORG_UNITS {
            let total: u32 = MODELS.iter().map(|model| unit.profile.weight(model)).sum();
            assert!(total > 0, "{} buys no model", unit.name);
        }
        for model in MODELS {
            if let Some(tac) = model.tac {
                assert!(
                    tac.len() == 8 && tac.chars().all(|c| c.is_ascii_digit()),
                    "{}: {tac}",
                    model.name
                );
            }
        }
    }
}
