//! The apps on the emulated fleet: a catalogue of apps a Swedish municipality's phones and
//! tablets carry, and a deterministic choice of ~40 of them (with versions) per device. The
//! three vendor APIs present the same installs in their own shapes: Graph as detected apps
//! with the devices of each, Jamf and Workspace ONE as a list per device.

use std::collections::BTreeMap;

use flotta_domain::OsFamily;

use crate::fleet::Enrolment;

pub(crate) struct CatalogueApp {
    pub(crate) name: &'static str,
    pub(crate) publisher: &'static str,
    /// Bundle id on iOS/iPadOS, package name on Android; empty where the app does not exist.
    pub(crate) apple: &'static str,
    pub(crate) android: &'static str,
    /// On how many devices in a thousand it is installed (1000 = the base package).
    pub(crate) per_mille: u32,
}

const fn app(
    name: &'static str,
    publisher: &'static str,
    apple: &'static str,
    android: &'static str,
    per_mille: u32,
) -> CatalogueApp {
    CatalogueApp {
        name,
        publisher,
        apple,
        android,
        per_mille,
    }
}

/// Index of TikTok in [`CATALOGUE`]: installed mostly in the school administrations.
pub(crate) const TIKTOK: usize = 0;

pub(crate) const CATALOGUE: &[CatalogueApp] = &[
    app(
        "TikTok",
        "TikTok Ltd.",
        "com.zhiliaoapp.musically",
        "com.zhiliaoapp.musically",
        0,
    ),
    app(
        "Microsoft Outlook",
        "Microsoft Corporation",
        "com.microsoft.Office.Outlook",
        "com.microsoft.office.outlook",
        1000,
    ),
    app(
        "Microsoft Teams",
        "Microsoft Corporation",
        "com.microsoft.skype.teams",
        "com.microsoft.teams",
        1000,
    ),
    app(
        "Microsoft Authenticator",
        "Microsoft Corporation",
        "com.microsoft.azureauthenticator",
        "com.azure.authenticator",
        1000,
    ),
    app(
        "Company Portal",
        "Microsoft Corporation",
        "com.microsoft.CompanyPortal",
        "com.microsoft.windowsintune.companyportal",
        1000,
    ),
    app(
        "Microsoft Edge",
        "Microsoft Corporation",
        "com.microsoft.msedge",
        "com.microsoft.emmx",
        1000,
    ),
    app(
        "Microsoft OneDrive",
        "Microsoft Corporation",
        "com.microsoft.skydrive",
        "com.microsoft.skydrive",
        1000,
    ),
    app(
        "Microsoft Word",
        "Microsoft Corporation",
        "com.microsoft.Office.Word",
        "com.microsoft.office.word",
        900,
    ),
    app(
        "Microsoft Excel",
        "Microsoft Corporation",
        "com.microsoft.Office.Excel",
        "com.microsoft.office.excel",
        850,
    ),
    app(
        "Microsoft PowerPoint",
        "Microsoft Corporation",
        "com.microsoft.Office.Powerpoint",
        "com.microsoft.office.powerpoint",
        700,
    ),
    app(
        "Microsoft OneNote",
        "Microsoft Corporation",
        "com.microsoft.onenote",
        "com.microsoft.office.onenote",
        600,
    ),
    app(
        "Microsoft To Do",
        "Microsoft Corporation",
        "com.microsoft.to-do",
        "com.microsoft.todos",
        400,
    ),
    app(
        "Microsoft SharePoint",
        "Microsoft Corporation",
        "com.microsoft.sharepoint",
        "com.microsoft.sharepoint",
        500,
    ),
    app(
        "Microsoft Planner",
        "Microsoft Corporation",
        "com.microsoft.plannermobile",
        "com.microsoft.planner",
        250,
    ),
    app(
        "Microsoft Defender",
        "Microsoft Corporation",
        "com.microsoft.scmx",
        "com.microsoft.scmx",
        1000,
    ),
    app(
        "BankID säkerhetsprogram",
        "Finansiell ID-Teknik BID AB",
        "com.bankid.bus",
        "com.bankid.bus",
        1000,
    ),
    app(
        "Freja",
        "Freja eID Group AB",
        "com.verisec.frejaeid",
        "com.verisec.freja",
        350,
    ),
    app("1177", "Inera AB", "se.inera.1177", "se.inera.mvh", 600),
    app(
        "Pascal",
        "Inera AB",
        "se.inera.pascal",
        "se.inera.pascal",
        120,
    ),
    app(
        "Cisco Webex",
        "Cisco Systems",
        "com.cisco.webex.meetings",
        "com.cisco.webex.meetings",
        300,
    ),
    app(
        "Zoom",
        "Zoom Video Communications",
        "us.zoom.videomeetings",
        "us.zoom.videomeetings",
        350,
    ),
    app(
        "Adobe Acrobat Reader",
        "Adobe Inc.",
        "com.adobe.Adobe-Reader",
        "com.adobe.reader",
        800,
    ),
    app(
        "Google Chrome",
        "Google LLC",
        "com.google.chrome.ios",
        "com.android.chrome",
        700,
    ),
    app(
        "Google Maps",
        "Google LLC",
        "com.google.Maps",
        "com.google.android.apps.maps",
        750,
    ),
    app(
        "Google Translate",
        "Google LLC",
        "com.google.Translate",
        "com.google.android.apps.translate",
        400,
    ),
    app(
        "SMHI Väder",
        "SMHI",
        "se.smhi.vader",
        "se.smhi.android",
        450,
    ),
    app(
        "Krisinformation",
        "MSB",
        "se.msb.krisinformation",
        "se.msb.krisinformation",
        300,
    ),
    app(
        "Trafikverket Trafikinfo",
        "Trafikverket",
        "se.trafikverket.trafikinfo",
        "se.trafikverket.trafikinfo",
        200,
    ),
    app("SL", "Region Stockholm", "se.sl.sl", "se.sl.android", 350),
    app(
        "Västtrafik To Go",
        "Västtrafik AB",
        "se.vasttrafik.togo",
        "se.vasttrafik.togo",
        250,
    ),
    app(
        "Skånetrafiken",
        "Skånetrafiken",
        "se.skanetrafiken.washington",
        "se.skanetrafiken.washington",
        200,
    ),
    app("SJ", "SJ AB", "se.sj.sjapp", "se.sj.android", 300),
    app(
        "Swish",
        "Getswish AB",
        "se.bankgirot.swish",
        "se.bankgirot.swish",
        500,
    ),
    app(
        "Postnord",
        "PostNord Group AB",
        "se.postnord.private",
        "se.postnord.private",
        300,
    ),
    app(
        "Tieto Lifecare",
        "Tietoevry",
        "com.tieto.lifecare",
        "com.tieto.lifecare",
        150,
    ),
    app(
        "Phoniro Care",
        "Phoniro Systems AB",
        "se.phoniro.care",
        "se.phoniro.care",
        140,
    ),
    app(
        "TES Planering",
        "Tunstall",
        "se.tes.mobile",
        "se.tes.mobile",
        140,
    ),
    app(
        "Alfa e-Vakt",
        "Alfa Kommun & Landsting",
        "se.alfa.evakt",
        "se.alfa.evakt",
        60,
    ),
    app(
        "Procapita Mobil",
        "CGI",
        "se.cgi.procapita",
        "se.cgi.procapita",
        90,
    ),
    app(
        "Treserva Mobil",
        "CGI",
        "se.cgi.treserva",
        "se.cgi.treserva",
        90,
    ),
    app("Unikum", "Unikum AB", "se.unikum.app", "se.unikum.app", 220),
    app("Vklass", "Vklass AB", "se.vklass.app", "se.vklass.app", 200),
    app(
        "Skolon",
        "Skolon AB",
        "com.skolon.app",
        "com.skolon.app",
        250,
    ),
    app(
        "Schoolsoft",
        "SchoolSoft AB",
        "se.schoolsoft.app",
        "se.schoolsoft.app",
        150,
    ),
    app("Tyra", "Tyra AB", "se.tyra.app", "se.tyra.app", 120),
    app(
        "Google Classroom",
        "Google LLC",
        "com.google.Classroom",
        "com.google.android.apps.classroom",
        180,
    ),
    app(
        "Kahoot!",
        "Kahoot! AS",
        "no.mobitroll.kahoot",
        "no.mobitroll.kahoot.android",
        160,
    ),
    app(
        "GeoGebra",
        "GeoGebra GmbH",
        "org.geogebra.GeoGebra",
        "org.geogebra.android",
        110,
    ),
    app(
        "Book Creator",
        "Tools for Schools",
        "com.redjumper.bookcreator",
        "com.redjumper.bookcreator",
        100,
    ),
    app(
        "Showbie",
        "Showbie Inc.",
        "com.showbie.Showbie",
        "com.showbie.android",
        90,
    ),
    app("Keynote", "Apple", "com.apple.Keynote", "", 300),
    app("Pages", "Apple", "com.apple.Pages", "", 300),
    app("Numbers", "Apple", "com.apple.Numbers", "", 250),
    app("iMovie", "Apple", "com.apple.iMovie", "", 200),
    app("GarageBand", "Apple", "com.apple.mobilegarageband", "", 150),
    app("Clips", "Apple", "com.apple.clips", "", 80),
    app(
        "Samsung Notes",
        "Samsung",
        "",
        "com.samsung.android.app.notes",
        600,
    ),
    app(
        "Samsung Members",
        "Samsung",
        "",
        "com.samsung.android.voc",
        500,
    ),
    app("Knox Manage", "Samsung", "", "com.samsung.android.mdm", 300),
    app(
        "Files by Google",
        "Google LLC",
        "",
        "com.google.android.apps.nbu.files",
        450,
    ),
    app(
        "Gmail",
        "Google LLC",
        "com.google.Gmail",
        "com.google.android.gm",
        300,
    ),
    app(
        "YouTube",
        "Google LLC",
        "com.google.ios.youtube",
        "com.google.android.youtube",
        550,
    ),
    app(
        "Spotify",
        "Spotify AB",
        "com.spotify.client",
        "com.spotify.music",
        420,
    ),
    app(
        "Sveriges Radio Play",
        "Sveriges Radio",
        "se.sr.sverigesradio",
        "se.sr.android",
        260,
    ),
    app(
        "SVT Play",
        "SVT",
        "se.svt.svtplay",
        "se.svt.android.svtplay",
        280,
    ),
    app(
        "Facebook",
        "Meta Platforms",
        "com.facebook.Facebook",
        "com.facebook.katana",
        240,
    ),
    app(
        "Messenger",
        "Meta Platforms",
        "com.facebook.Messenger",
        "com.facebook.orca",
        200,
    ),
    app(
        "Instagram",
        "Meta Platforms",
        "com.burbn.instagram",
        "com.instagram.android",
        210,
    ),
    app(
        "WhatsApp",
        "WhatsApp LLC",
        "net.whatsapp.WhatsApp",
        "com.whatsapp",
        330,
    ),
    app(
        "Signal",
        "Signal Messenger",
        "org.whispersystems.signal",
        "org.thoughtcrime.securesms",
        120,
    ),
    app(
        "LinkedIn",
        "LinkedIn Corporation",
        "com.linkedin.LinkedIn",
        "com.linkedin.android",
        180,
    ),
    app(
        "Snapchat",
        "Snap Inc.",
        "com.toyopagroup.picaboo",
        "com.snapchat.android",
        70,
    ),
    app(
        "Netflix",
        "Netflix, Inc.",
        "com.netflix.Netflix",
        "com.netflix.mediaclient",
        60,
    ),
    app(
        "Blocket",
        "Blocket AB",
        "se.blocket.blocketapp",
        "se.blocket.android",
        90,
    ),
    app(
        "Hitta.se",
        "Hitta.se",
        "se.hitta.hittase",
        "se.hitta.android",
        140,
    ),
    app(
        "Eniro",
        "Eniro Group",
        "se.eniro.eniro",
        "se.eniro.android",
        80,
    ),
    app(
        "Arbetsförmedlingen",
        "Arbetsförmedlingen",
        "se.arbetsformedlingen.app",
        "se.arbetsformedlingen.app",
        40,
    ),
    app(
        "Försäkringskassan",
        "Försäkringskassan",
        "se.forsakringskassan.app",
        "se.forsakringskassan.app",
        90,
    ),
    app(
        "Skatteverket",
        "Skatteverket",
        "se.skatteverket.app",
        "se.skatteverket.app",
        150,
    ),
    app(
        "Polisen",
        "Polismyndigheten",
        "se.polisen.app",
        "se.polisen.app",
        80,
    ),
    app(
        "Min Doktor",
        "Min Doktor AB",
        "se.mindoktor.app",
        "se.mindoktor.app",
        70,
    ),
    app(
        "Kry",
        "Kry International AB",
        "se.kry.app",
        "se.kry.app",
        90,
    ),
    app("Doro Connect", "Doro AB", "", "com.doro.connect", 30),
    app(
        "Cisco Jabber",
        "Cisco Systems",
        "com.cisco.jabberIM",
        "com.cisco.im",
        140,
    ),
    app(
        "Telia Växel",
        "Telia Company",
        "se.telia.vaxel",
        "se.telia.vaxel",
        380,
    ),
    app(
        "Tele2 Växel",
        "Tele2",
        "se.tele2.vaxel",
        "se.tele2.vaxel",
        180,
    ),
    app(
        "Trio Enterprise",
        "Trio",
        "se.trio.enterprise",
        "se.trio.enterprise",
        120,
    ),
    app(
        "Dropbox",
        "Dropbox, Inc.",
        "com.getdropbox.Dropbox",
        "com.dropbox.android",
        110,
    ),
    app(
        "Google Drive",
        "Google LLC",
        "com.google.Drive",
        "com.google.android.apps.docs",
        200,
    ),
    app(
        "Evernote",
        "Evernote Corporation",
        "com.evernote.iPhone.Evernote",
        "com.evernote",
        40,
    ),
    app("Scanner Pro", "Readdle", "com.readdle.Scanner", "", 90),
    app(
        "Microsoft Lens",
        "Microsoft Corporation",
        "com.microsoft.officelens",
        "com.microsoft.office.officelens",
        200,
    ),
    app(
        "Citrix Workspace",
        "Cloud Software Group",
        "com.citrix.ReceiveriPad",
        "com.citrix.Receiver",
        160,
    ),
    app(
        "Cisco AnyConnect",
        "Cisco Systems",
        "com.cisco.anyconnect.gui",
        "com.cisco.anyconnect.vpn.android.avf",
        250,
    ),
    app(
        "FortiClient VPN",
        "Fortinet",
        "com.fortinet.forticlient.client",
        "com.fortinet.forticlient_vpn",
        90,
    ),
    app(
        "Pulse Secure",
        "Ivanti",
        "net.pulsesecure.pulsesecure",
        "net.pulsesecure.pulsesecure",
        60,
    ),
    app(
        "Skype för företag",
        "Microsoft Corporation",
        "com.microsoft.lync2013.iphone",
        "com.microsoft.office.lync15",
        50,
    ),
    app(
        "Google Authenticator",
        "Google LLC",
        "com.google.Authenticator",
        "com.google.android.apps.authenticator2",
        110,
    ),
    app(
        "Yubico Authenticator",
        "Yubico",
        "com.yubico.authenticator",
        "com.yubico.yubioath",
        60,
    ),
];

/// How many versions of each app are in circulation at once.
const VERSIONS: u64 = 3;

/// One app of the catalogue at one version, as installed on a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Install {
    pub(crate) app: usize,
    /// 0 = the newest version; from `VERSIONS` on, versions no longer in circulation.
    pub(crate) version: u32,
}

impl Install {
    pub(crate) fn catalogue(&self) -> &'static CatalogueApp {
        &CATALOGUE[self.app]
    }

    /// Like "4.12.3"; deterministic per app and version, older versions lower.
    pub(crate) fn version_text(&self) -> String {
        let seed = mix(self.app as u64 * 7919 + 13);
        let major = 1 + seed % 20;
        let minor = (seed >> 8) % 40;
        let version = u64::from(self.version);
        if version < VERSIONS {
            let patch = (seed >> 16) % 10 + VERSIONS - version;
            format!("{major}.{minor}.{patch}")
        } else {
            // Out of circulation: a major version back.
            format!("{}.{}.0", major - 1, 100_000u64.saturating_sub(version))
        }
    }

    /// The bundle id or package name for the device's platform.
    pub(crate) fn identifier(&self, os: OsFamily) -> &'static str {
        let app = self.catalogue();
        if apple(os) { app.apple } else { app.android }
    }
}

fn apple(os: OsFamily) -> bool {
    matches!(os, OsFamily::Ios | OsFamily::Ipados | OsFamily::Macos)
}

/// The apps on one enrolment, in catalogue order. A device's apps change with its
/// `apps_epoch` (bumped when a test "touches" it): some apps get another version.
pub(crate) fn installs(enrolment: &Enrolment) -> Vec<Install> {
    let device = &enrolment.device;
    let serial = hash_text(device.serial.as_str());
    let school = device
        .org_unit
        .as_deref()
        .is_some_and(|unit| unit.contains("skol") || unit.contains("Utbildning"));
    let apple = apple(device.os);
    CATALOGUE
        .iter()
        .enumerate()
        .filter(|(_, app)| !(if apple { app.apple } else { app.android }).is_empty())
        .filter_map(|(index, app)| {
            let roll = mix(serial ^ (index as u64).wrapping_mul(0x9e37_79b9)) % 1000;
            let per_mille = match (index, school) {
                (TIKTOK, true) => 120,
                (TIKTOK, false) => 12,
                // The catalogue's shares are relative; scaled so a device has ~40 apps.
                _ => (app.per_mille * 3 / 2).min(1000),
            };
            (roll < u64::from(per_mille)).then(|| Install {
                app: index,
                version: match enrolment.apps_behind {
                    0 => {
                        (mix(serial ^ index as u64 ^ u64::from(enrolment.apps_epoch) << 32)
                            % VERSIONS) as u32
                    }
                    behind => VERSIONS as u32 - 1 + behind,
                },
            })
        })
        .collect()
}

/// Graph's view: every app/version and the enrolments (by position in the fleet) that have
/// it. As Intune does, a device that is not corporate-owned reports only the apps the
/// organisation manages (here Microsoft's), not the ones its user installed.
pub(crate) fn detected(enrolments: &[Enrolment]) -> BTreeMap<(Install, bool), Vec<u32>> {
    let mut index: BTreeMap<(Install, bool), Vec<u32>> = BTreeMap::new();
    for (position, enrolment) in enrolments.iter().enumerate() {
        let is_apple = apple(enrolment.device.os);
        for install in graph_installs(enrolment) {
            index
                .entry((install, is_apple))
                .or_default()
                .push(position as u32);
        }
    }
    index
}

/// The apps Graph reports for one enrolment (see [`detected`]).
pub(crate) fn graph_installs(enrolment: &Enrolment) -> Vec<Install> {
    let corporate = enrolment.device.ownership == flotta_domain::Ownership::Corporate;
    installs(enrolment)
        .into_iter()
        .filter(|install| corporate || install.catalogue().publisher == MANAGING_PUBLISHER)
        .collect()
}

/// The publisher whose apps the organisation deploys and manages on personal devices too.
const MANAGING_PUBLISHER: &str = "Microsoft Corporation";

fn hash_text(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// SplitMix64's finaliser: a cheap, well-spread hash of a number.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}
