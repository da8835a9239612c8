//! `flotta-cli apps search` and `apps devices`: the app question for a scheduled check — each
//! matching app, on how many units it is installed per group and how many units no
//! connection let us see — and the app's units with when each was first seen.

use flotta_core::{AppCount, AppGrouping, ErrorCode, ErrorPayload, Flotta, TableFormat, app_key};

use crate::args::{AppsAction, GroupingArg};

pub(crate) fn run(flotta: &Flotta, action: AppsAction) -> Result<(), ErrorPayload> {
    match action {
        AppsAction::Search { text, by, csv } => search(flotta, &text, by, csv),
        AppsAction::Devices { name, file } => {
            let rows =
                flotta.export_app_devices(&app_key(&name), TableFormat::for_path(&file), &file)?;
            println!("{rows} units with {name} written to {}", file.display());
            Ok(())
        }
    }
}

fn search(
    flotta: &Flotta,
    text: &str,
    by: GroupingArg,
    csv: Option<std::path::PathBuf>,
) -> Result<(), ErrorPayload> {
    let by = match by {
        GroupingArg::Unit => AppGrouping::OrgUnit,
        GroupingArg::Os => AppGrouping::Os,
        GroupingArg::Ownership => AppGrouping::Ownership,
        GroupingArg::Connection => AppGrouping::Connection,
    };
    let search = flotta.search_apps(text)?;
    if search.matches.is_empty() {
        return Err(ErrorPayload {
            code: ErrorCode::NotFound,
            message: format!(
                "no app's name, bundle id, package name or publisher contains \"{text}\""
            ),
            field: None,
        });
    }
    let mut spreads = Vec::with_capacity(search.matches.len());
    for found in search.matches {
        let spread = flotta.app_spread(&found.key)?;
        let about: Vec<String> = [&found.identifiers, &found.publishers]
            .into_iter()
            .filter(|texts| !texts.is_empty())
            .map(|texts| texts.join(", "))
            .collect();
        let about = if about.is_empty() {
            String::new()
        } else {
            format!(" ({})", about.join("; "))
        };
        println!("{}{about}: {}", found.name, headline(&spread.total));
        for count in by.rows(&spread) {
            let group = if count.group.is_empty() {
                "(no organisation unit)"
            } else {
                &count.group
            };
            println!(
                "\t{group}\t{} installed\t{} visible\t{} not visible",
                count.installed, count.visible, count.not_visible
            );
        }
        spreads.push((found, spread));
    }
    if search.more > 0 {
        println!(
            "{} more apps match; a longer search narrows them",
            search.more
        );
    }
    if let Some(file) = csv {
        let rows = flotta.export_app_spreads(&spreads, by, &file)?;
        eprintln!("wrote {rows} rows to {}", file.display());
    }
    Ok(())
}

fn headline(total: &AppCount) -> String {
    format!(
        "installed on {} of {} units whose apps we can see; {} units not visible",
        total.installed, total.visible, total.not_visible
    )
}
