//! The command line's grammar, declared with clap: what each command takes, its help text,
//! and the usage errors (exit code 2) for anything else.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use flotta_core::{AuthMethod, SyncMode, Vendor};

#[derive(Debug, Parser)]
#[command(
    name = "flotta-cli",
    version,
    about = "Flotta without the GUI: connections, syncs and imports"
)]
pub(crate) struct Cli {
    /// The register (SQLite file) to work on.
    #[arg(long, env = "FLOTTA_DB")]
    pub(crate) db: PathBuf,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Lists, adds, changes, tests or removes EMM connections.
    Connections {
        #[command(subcommand)]
        action: Option<ConnectionAction>,
    },
    /// Syncs one connection now.
    Sync {
        /// The connection's id or name.
        connection: String,
        #[command(flatten)]
        mode: ModeArgs,
    },
    /// Bought units by warranty status, and the replacement forecast for the next eight
    /// quarters (units and what they cost), per organisation unit and per model.
    Warranty {
        /// First set the organisation's notice period: a warranty ending within this many
        /// days counts as expiring (1–730; 90 until set).
        #[arg(long, value_name = "N")]
        notice_days: Option<u32>,
    },
    /// Searches the audit log (who changed what, when, before and after), newest first.
    Audit {
        /// Only changes by this person (as the log names them).
        #[arg(long)]
        actor: Option<String>,
        /// Only changes of this kind of record: device, connection, purchases, purchase,
        /// model, certification_template, preconfig_template, setting.
        #[arg(long)]
        entity: Option<String>,
        /// Only changes of the record with this id.
        #[arg(long)]
        id: Option<String>,
        /// Only changes whose action or values contain this text (a field name, a value).
        #[arg(long)]
        text: Option<String>,
        /// From this day (YYYY-MM-DD, UTC), inclusive.
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Up to this day (YYYY-MM-DD, UTC), inclusive.
        #[arg(long)]
        until: Option<chrono::NaiveDate>,
        /// Write the entries to this CSV file (for Swedish Excel) instead of listing them.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Writes a table as CSV for Swedish Excel (`;`, UTF-8 with BOM, decimal comma).
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Previews an import and, with --commit, imports it.
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Prints a year's closed days (Sweden's public holidays, the de-facto closed eves and
    /// the organisation's own closure days) with their names; adds or removes a closure day.
    Calendar {
        /// The year to print (1990–2100).
        year: Option<i32>,
        #[command(subcommand)]
        action: Option<CalendarAction>,
    },
    /// Writes a report.
    Report {
        #[command(subcommand)]
        what: ReportWhat,
    },
    /// The app question across every connection: on how many units an app is installed, and
    /// where, beside the units whose apps no connection reported.
    Apps {
        #[command(subcommand)]
        action: AppsAction,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum AppsAction {
    /// Finds apps by name, bundle id, package name or publisher (at least two characters,
    /// case folded, taken literally) and prints each one's spread. Exits 1 when nothing matches.
    Search {
        /// The text to find.
        text: String,
        /// How each app's spread is broken down.
        #[arg(long, value_enum, default_value = "unit")]
        by: GroupingArg,
        /// Also write the spreads to this file: CSV for Swedish Excel, or a workbook when
        /// the name ends in `.xlsx`.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Writes the units with an app, newest installs first, with the sync that first
    /// reported it on each ("who installed it after the ban?"): CSV, or a workbook when the
    /// name ends in `.xlsx`.
    Devices {
        /// The app's name, as `apps search` lists it.
        name: String,
        /// The file to write.
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum GroupingArg {
    Unit,
    Os,
    Ownership,
    Connection,
}

#[derive(Debug, Subcommand)]
pub(crate) enum CalendarAction {
    /// Adds one of the organisation's closure days; open repair cases' due times follow.
    Close {
        /// The day (YYYY-MM-DD).
        day: chrono::NaiveDate,
        /// Its name ("Klämdag", "Personaldag").
        name: String,
    },
    /// Removes one of the organisation's closure days.
    Open {
        /// The day (YYYY-MM-DD).
        day: chrono::NaiveDate,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum ReportWhat {
    /// The repair SLA report of a month: cases per SLA type, the share within the SLA,
    /// turnaround in working days, the breached cases and the swap pool's cover.
    Sla {
        /// The month (YYYY-MM, Swedish time).
        #[arg(long)]
        month: String,
        /// Only cases of units in this organisation unit.
        #[arg(long)]
        unit: Option<String>,
        /// The CSV file to write (for Swedish Excel).
        #[arg(long, value_name = "FILE", required_unless_present = "pdf")]
        csv: Option<PathBuf>,
        /// The PDF file to write (A4).
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
    /// The fleet summary: devices by OS, model, unit and ownership, warranties ending per
    /// quarter, the models' certification, stale, jailbroken and non-compliant counts, and
    /// the month's repair SLA figures with the swap pool's cover.
    Fleet {
        /// The month whose repairs the report shows (YYYY-MM, Swedish time).
        #[arg(long)]
        month: String,
        /// The report's language.
        #[arg(long, value_enum, default_value = "sv")]
        lang: LangArg,
        /// The CSV file to write (for Swedish Excel).
        #[arg(long, value_name = "FILE", required_unless_present = "pdf")]
        csv: Option<PathBuf>,
        /// The PDF file to write (A4).
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
    /// The monthly incident report: cases per category, solved in first line, inside and
    /// outside the support agreement per category and line, resolution times in working
    /// hours, cases per week, and the case list.
    Incidents {
        /// The month (YYYY-MM, Swedish time).
        #[arg(long)]
        month: String,
        /// Only cases of this organisation unit.
        #[arg(long)]
        unit: Option<String>,
        /// The support agreement (by name); the default one when not given.
        #[arg(long)]
        agreement: Option<String>,
        /// The report's language.
        #[arg(long, value_enum, default_value = "sv")]
        lang: LangArg,
        /// The CSV file to write (for Swedish Excel).
        #[arg(long, value_name = "FILE", required_unless_present = "pdf")]
        csv: Option<PathBuf>,
        /// The PDF file to write (A4).
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum LangArg {
    Sv,
    En,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ExportWhat {
    /// The inventory's units (all, or by whether they were bought).
    Devices {
        /// The file to write.
        file: PathBuf,
        /// Only units with a purchase, or only those without one (enrolled, never bought).
        #[arg(long, value_enum)]
        purchase: Option<PurchaseArg>,
        /// Only units whose warranty stands so today (the notice period is the register's
        /// setting, `flotta-cli warranty --notice-days N`).
        #[arg(long, value_enum)]
        warranty: Option<WarrantyArg>,
        /// Only units bought from this supplier (as the purchases name it).
        #[arg(long)]
        supplier: Option<String>,
        /// Only units of certified models, or only those of models not certified.
        #[arg(long, value_enum)]
        certification: Option<CertificationArg>,
        /// Only units on which some connection reports this app (its name, as
        /// `flotta-cli apps search` lists it).
        #[arg(long, value_name = "NAME")]
        app: Option<String>,
    },
    /// The purchases.
    Purchases {
        /// The file to write.
        file: PathBuf,
        /// Only the units no EMM has reported (bought, never seen).
        #[arg(long)]
        unseen: bool,
    },
    /// The replacement forecast for the next eight quarters, per organisation unit and model.
    Forecast {
        /// The file to write.
        file: PathBuf,
    },
    /// A delivery's pre-configuration checklist: every unit, who ticked each step and when.
    Checklist {
        /// The file to write.
        file: PathBuf,
        /// The delivery's id (the newest when not given).
        #[arg(long)]
        delivery: Option<u32>,
    },
    /// A year's closed days (holidays, de-facto closed eves, the organisation's own).
    ClosedDays {
        /// The year (1990–2100).
        year: i32,
        /// The file to write.
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum PurchaseArg {
    Bought,
    NotBought,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum WarrantyArg {
    Active,
    Expiring,
    Expired,
    Unknown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum CertificationArg {
    Certified,
    NotCertified,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ImportWhat {
    /// A supplier's delivery file (CSV: `;` or `,`, UTF-8 or Windows-1252). Prints what the
    /// import would do; exits 1 when rows are refused or a required column is missing.
    Purchases {
        /// The delivery file.
        file: PathBuf,
        /// The supplier, when the file has no supplier column (also whose remembered column
        /// mapping to use).
        #[arg(long)]
        supplier: Option<String>,
        /// Import the acceptable lines (refused rows and units bought already are left out).
        #[arg(long)]
        commit: bool,
    },
    /// A helpdesk's case export (CSV), for the monthly incident report. Prints what the
    /// import would do; exits 1 when rows are refused or a required column is missing.
    Incidents {
        /// The export file.
        file: PathBuf,
        /// The support agreement the cases fall under (by name); the default one when not
        /// given.
        #[arg(long)]
        agreement: Option<String>,
        /// Import the acceptable cases (refused rows and cases imported before are left out).
        #[arg(long)]
        commit: bool,
    },
}

#[derive(Debug, Args)]
#[group(multiple = false)]
pub(crate) struct ModeArgs {
    /// A full listing, which also finds devices the EMM no longer lists.
    #[arg(long)]
    full: bool,
    /// Only what changed since the last sync.
    #[arg(long)]
    incremental: bool,
}

impl From<ModeArgs> for Option<SyncMode> {
    fn from(mode: ModeArgs) -> Self {
        match (mode.full, mode.incremental) {
            (true, _) => Some(SyncMode::Full),
            (_, true) => Some(SyncMode::Incremental),
            _ => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum ConnectionAction {
    /// Lists the connections (the default).
    List,
    /// Adds a connection. The secret comes from standard input (--secret-stdin) or
    /// FLOTTA_CONNECTION_SECRET, never from a flag.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        vendor: VendorArg,
        #[command(flatten)]
        settings: SettingsArgs,
        #[command(flatten)]
        secret: SecretArgs,
    },
    /// Changes a connection; only the settings given change. Changing where it connects
    /// (vendor, base or token URL) needs the secret again.
    Edit {
        /// The connection's id or name.
        connection: String,
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        settings: SettingsArgs,
        #[command(flatten)]
        secret: SecretArgs,
    },
    /// Signs in and reads the first page, as the app's "Test connection" does.
    Test {
        /// The connection's id or name.
        connection: String,
        /// Test with the secret from standard input instead of the stored one.
        #[arg(long)]
        secret_stdin: bool,
    },
    /// Stops syncing a connection and forgets its secret; its devices stay in the register.
    Remove {
        /// The connection's id or name.
        connection: String,
        /// Confirms the removal.
        #[arg(long)]
        yes: bool,
    },
}

/// The settings a connection's flags can set; each left out keeps its current (or default)
/// value.
#[derive(Debug, Args)]
pub(crate) struct SettingsArgs {
    /// The API's base URL (https://, or http:// on this computer only).
    #[arg(long)]
    pub(crate) base_url: Option<String>,
    /// Where tokens come from, when not from the base URL.
    #[arg(long)]
    pub(crate) token_url: Option<String>,
    /// The Entra tenant id (Intune). Workspace ONE's aw-tenant-code is an API key kept with
    /// the secret: give it in FLOTTA_TENANT_CODE rather than here.
    #[arg(long)]
    pub(crate) tenant: Option<String>,
    /// The OAuth client id, or the user name for basic auth.
    #[arg(long)]
    pub(crate) client_id: Option<String>,
    #[arg(long, value_enum)]
    pub(crate) auth: Option<AuthArg>,
    /// Requests in flight at once (1–16).
    #[arg(long)]
    pub(crate) concurrency: Option<u32>,
    /// Devices asked for per page (1–1000).
    #[arg(long)]
    pub(crate) page_size: Option<u32>,
    /// Sync in the background this often while the app runs.
    #[arg(long, value_name = "MINUTES", conflicts_with = "manual")]
    pub(crate) sync_every: Option<u32>,
    /// Sync only when asked (no background schedule in the app).
    #[arg(long)]
    pub(crate) manual: bool,
    /// Replace incremental syncs with a full one this often.
    #[arg(long, value_name = "HOURS")]
    pub(crate) full_sync_every: Option<u32>,
    /// Whether syncs read each device's installed apps.
    #[arg(long, value_name = "on|off", value_parser = on_off)]
    pub(crate) apps: Option<bool>,
}

#[derive(Debug, Args)]
pub(crate) struct SecretArgs {
    /// Read the client secret or password from standard input.
    #[arg(long)]
    pub(crate) secret_stdin: bool,
    /// Do not store the secret in the OS keyring: each sync gets it from
    /// FLOTTA_CONNECTION_SECRET (for servers without a keyring service).
    #[arg(long)]
    pub(crate) without_keyring: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum VendorArg {
    Intune,
    JamfPro,
    WorkspaceOne,
}

impl From<VendorArg> for Vendor {
    fn from(vendor: VendorArg) -> Self {
        match vendor {
            VendorArg::Intune => Vendor::Intune,
            VendorArg::JamfPro => Vendor::JamfPro,
            VendorArg::WorkspaceOne => Vendor::WorkspaceOne,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum AuthArg {
    ClientCredentials,
    Basic,
}

impl From<AuthArg> for AuthMethod {
    fn from(auth: AuthArg) -> Self {
        match auth {
            AuthArg::ClientCredentials => AuthMethod::ClientCredentials,
            AuthArg::Basic => AuthMethod::Basic,
        }
    }
}

fn on_off(text: &str) -> Result<bool, String> {
    match text {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err("expected on or off".into()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_grammar_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
