//! The emulated tenant's devices: the demo generator's fleet plus the vendor-side facts
//! (enrolment ids, removal) and the changes tests make between syncs.

use chrono::{DateTime, Duration, Utc};
use flotta_demo::FleetSpec;
use flotta_domain::{Device, Imei, Lifecycle};

/// One enrolment as the EMM knows it. A device wiped and re-enrolled appears twice, with the
/// same serial and a new `vendor_id`, until the EMM forgets the old record.
#[derive(Debug, Clone)]
pub struct Enrolment {
    /// Graph/Workspace ONE style GUID.
    pub vendor_id: String,
    /// Jamf and Workspace ONE number their records.
    pub number: u32,
    pub device: Device,
    /// Last time anything about this record changed, for incremental queries.
    pub changed_at: DateTime<Utc>,
    /// Bumped when the device's apps change (some get another version).
    pub apps_epoch: u32,
    /// How many versions behind the oldest in circulation every app of the device is, on a
    /// device whose user never updates; 0 for most.
    pub apps_behind: u32,
}

#[derive(Debug)]
pub struct Fleet {
    enrolments: Vec<Enrolment>,
    /// The Macs, which only Jamf manages here (one per 25 phones and tablets).
    computers: Vec<Enrolment>,
    next_number: u32,
    rng: fastrand::Rng,
}

impl Fleet {
    /// Every unit the demo generator makes that an EMM would still manage (not recycled,
    /// returned or stolen).
    pub fn generate(devices: usize, seed: u64, now: DateTime<Utc>) -> Self {
        let mut rng = fastrand::Rng::with_seed(seed ^ 0x0e11_0a7e);
        let enrolments: Vec<Enrolment> = flotta_demo::generate(FleetSpec { devices, seed, now })
            .into_iter()
            .filter(|device| !matches!(device.lifecycle, Lifecycle::Recycled | Lifecycle::Returned))
            .enumerate()
            .map(|(index, device)| Enrolment {
                vendor_id: guid(&mut rng),
                number: index as u32 + 1,
                changed_at: device.last_check_in.unwrap_or(now),
                apps_epoch: 0,
                apps_behind: 0,
                device,
            })
            .collect();
        let computers = macs(&enrolments, &mut rng, now);
        let next_number = enrolments.len() as u32 + 1;
        Self {
            enrolments,
            computers,
            next_number,
            rng,
        }
    }

    /// The Macs Jamf Pro manages.
    pub fn computers(&self) -> &[Enrolment] {
        &self.computers
    }

    /// Changes `count` Macs as a day of use would (an OS update, app updates, a check-in at
    /// `now`). Returns their serials.
    pub fn touch_computers(&mut self, count: usize, now: DateTime<Utc>) -> Vec<String> {
        let step = (self.computers.len() / count.max(1)).max(1);
        let mut touched = Vec::with_capacity(count);
        for enrolment in self.computers.iter_mut().step_by(step).take(count) {
            enrolment.device.os_version = bump_version(&enrolment.device.os_version);
            enrolment.device.last_check_in = Some(now);
            enrolment.changed_at = now;
            enrolment.apps_epoch += 1;
            touched.push(enrolment.device.serial.as_str().to_owned());
        }
        touched
    }

    pub fn enrolments(&self) -> &[Enrolment] {
        &self.enrolments
    }

    /// The latest enrolment, to change as the vendor's console would.
    pub fn last_mut(&mut self) -> Option<&mut Enrolment> {
        self.enrolments.last_mut()
    }

    /// The enrolment Jamf and Workspace ONE number `number`.
    pub fn by_number(&self, number: u32) -> Option<&Enrolment> {
        // Numbers grow as devices enrol, so the list is sorted unless a test put removed
        // enrolments back at the end.
        match self.enrolments.binary_search_by_key(&number, |e| e.number) {
            Ok(position) => self.enrolments.get(position),
            Err(_) => self.enrolments.iter().find(|e| e.number == number),
        }
    }

    pub fn len(&self) -> usize {
        self.enrolments.len()
    }

    pub fn is_empty(&self) -> bool {
        self.enrolments.is_empty()
    }

    /// `count` enrolments spread evenly over the fleet, numbered from 0.
    fn spread_over(&mut self, count: usize) -> impl Iterator<Item = (usize, &mut Enrolment)> {
        let step = (self.enrolments.len() / count.max(1)).max(1);
        self.enrolments
            .iter_mut()
            .step_by(step)
            .take(count)
            .enumerate()
    }

    /// Changes `count` devices (spread over the fleet) as a day of use would: a newer OS
    /// version, app updates, a check-in at `now`, and every tenth one a new user. Returns
    /// their serials.
    pub fn touch(&mut self, count: usize, now: DateTime<Utc>) -> Vec<String> {
        let mut touched = Vec::with_capacity(count);
        for (n, enrolment) in self.spread_over(count) {
            let device = &mut enrolment.device;
            device.os_version = bump_version(&device.os_version);
            device.last_check_in = Some(now);
            if n % 10 == 0 {
                device.user_name = Some(format!("Ny Användare {n}"));
                device.user_email = Some(format!("ny.anvandare{n}@exempelstad.se"));
            }
            enrolment.changed_at = now;
            enrolment.apps_epoch += 1;
            touched.push(device.serial.as_str().to_owned());
        }
        touched
    }

    /// Leaves `count` devices (spread over the fleet) on ever older app versions, each one
    /// version further behind than the one before, as devices whose users never update
    /// are: every app is then listed under more than `count` versions. Returns their serials.
    pub fn hold_back(&mut self, count: usize, now: DateTime<Utc>) -> Vec<String> {
        let mut held = Vec::with_capacity(count);
        for (n, enrolment) in self.spread_over(count) {
            enrolment.apps_behind = u32::try_from(n + 1).unwrap_or(u32::MAX);
            enrolment.changed_at = now;
            held.push(enrolment.device.serial.as_str().to_owned());
        }
        held
    }

    /// Forgets the last `count` enrolments, as an EMM does when devices are retired.
    pub fn remove_last(&mut self, count: usize) -> Vec<String> {
        let keep = self.enrolments.len().saturating_sub(count);
        self.enrolments
            .split_off(keep)
            .into_iter()
            .map(|e| e.device.serial.as_str().to_owned())
            .collect()
    }

    /// Puts back enrolments removed earlier (or any others), at the end.
    pub fn restore(&mut self, enrolments: Vec<Enrolment>) {
        self.enrolments.extend(enrolments);
    }

    /// Removes and returns the enrolments of these serials.
    pub fn take(&mut self, serials: &[String]) -> Vec<Enrolment> {
        let (taken, kept) = std::mem::take(&mut self.enrolments)
            .into_iter()
            .partition(|e| serials.iter().any(|s| s == e.device.serial.as_str()));
        self.enrolments = kept;
        taken
    }

    /// Wipes and re-enrols the first `count` devices: each gets a second record with the same
    /// serial and IMEI under a new vendor id, while the old record lingers.
    pub fn reenrol_first(&mut self, count: usize, now: DateTime<Utc>) -> Vec<String> {
        let copies: Vec<Enrolment> = self.enrolments.iter().take(count).cloned().collect();
        let mut serials = Vec::with_capacity(copies.len());
        for mut copy in copies {
            copy.vendor_id = guid(&mut self.rng);
            copy.number = self.next_number;
            self.next_number += 1;
            copy.device.enrolled_at = Some(now);
            copy.device.last_check_in = Some(now);
            copy.changed_at = now;
            serials.push(copy.device.serial.as_str().to_owned());
            self.enrolments.push(copy);
        }
        serials
    }

    /// Enrols `count` brand-new devices (generated with another seed).
    pub fn add(&mut self, count: usize, now: DateTime<Utc>) -> Vec<String> {
        let seed = self.rng.u64(..);
        let fresh = flotta_demo::generate(FleetSpec {
            devices: count,
            seed,
            now,
        });
        // The generator numbers IMEIs by position, so a second batch would repeat the first
        // one's; a real new phone has its own.
        let mut taken: std::collections::HashSet<String> = self
            .enrolments
            .iter()
            .filter_map(|e| e.device.imei.as_ref().map(|i| i.as_str().to_owned()))
            .collect();
        let mut serials = Vec::with_capacity(count);
        for mut device in fresh {
            if let Some(imei) = &device.imei {
                let tac = imei.as_str()[..8].to_owned();
                while device
                    .imei
                    .as_ref()
                    .is_none_or(|i| taken.contains(i.as_str()))
                {
                    device.imei =
                        Imei::from_body(&format!("{tac}{:06}", self.rng.u32(..1_000_000)));
                }
            }
            if let Some(imei) = &device.imei {
                taken.insert(imei.as_str().to_owned());
            }
            device.lifecycle = Lifecycle::Deployed;
            device.last_check_in = Some(now - Duration::minutes(5));
            serials.push(device.serial.as_str().to_owned());
            self.enrolments.push(Enrolment {
                vendor_id: guid(&mut self.rng),
                number: self.next_number,
                device,
                changed_at: now,
                apps_epoch: 0,
                apps_behind: 0,
            });
            self.next_number += 1;
        }
        serials
    }
}

const MAC_MODELS: &[(&str, &str)] = &[
    ("MacBook Air (13-inch, M3, 2024)", "Mac15,12"),
    ("MacBook Air (15-inch, M4, 2025)", "Mac16,13"),
    ("MacBook Pro (14-inch, M4, 2024)", "Mac16,1"),
    ("iMac (24-inch, M4, 2024)", "Mac16,3"),
    ("Mac mini (M4, 2024)", "Mac16,10"),
];

/// The model identifier Jamf reports next to a Mac's marketing name.
pub(crate) fn mac_model_identifier(model: &str) -> &'static str {
    MAC_MODELS
        .iter()
        .find(|(name, _)| *name == model)
        .map_or("Mac16,1", |(_, identifier)| identifier)
}

/// Macs for the people of the fleet: one per 25 phones and tablets, in the same units.
fn macs(phones: &[Enrolment], rng: &mut fastrand::Rng, now: DateTime<Utc>) -> Vec<Enrolment> {
    phones
        .iter()
        .step_by(25)
        .enumerate()
        .filter_map(|(index, phone)| {
            let (model, _) = MAC_MODELS[index % MAC_MODELS.len()];
            // Apple's 10-character random serials; the index keeps them unique.
            let serial = format!("M{:04}{:05X}", index, rng.u32(..0x10_0000));
            let checked_in = now - Duration::minutes(i64::from(rng.u32(5..20_000)));
            let device = flotta_domain::Device {
                serial: flotta_domain::SerialNumber::parse(&serial).ok()?,
                imei: None,
                vendor_device_id: None,
                manufacturer: "Apple".into(),
                model: model.into(),
                os: flotta_domain::OsFamily::Macos,
                os_version: ["15.7.1", "26.0.1", "26.1"][index % 3].into(),
                ownership: flotta_domain::Ownership::Corporate,
                user_name: phone.device.user_name.clone(),
                user_email: phone.device.user_email.clone(),
                org_unit: phone.device.org_unit.clone(),
                enrolled_at: phone.device.enrolled_at,
                last_check_in: Some(checked_in),
                compliance: flotta_domain::Compliance::Unknown,
                jailbroken: false,
                encrypted: index % 11 != 0,
                lifecycle: Lifecycle::Deployed,
            };
            Some(Enrolment {
                vendor_id: guid(rng),
                number: index as u32 + 1,
                device,
                changed_at: checked_in,
                apps_epoch: 0,
                apps_behind: 0,
            })
        })
        .collect()
}

fn guid(rng: &mut fastrand::Rng) -> String {
    let a = rng.u128(..);
    let hex = format!("{a:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn bump_version(version: &str) -> String {
    let mut parts: Vec<String> = version.split('.').map(str::to_owned).collect();
    if let Some(last) = parts.last_mut()
        && let Ok(number) = last.parse::<u32>()
    {
        *last = (number + 1).to_string();
        return parts.join(".");
    }
    format!("{version}.1")
}
