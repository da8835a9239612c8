//! `flotta-cli import purchases` and `import incidents`: the app's import preview on stdout,
//! and the import itself with `--commit`.

use std::path::Path;

use flotta_core::{
    ErrorCode, ErrorPayload, Flotta, ImportOptions, IncidentImportOptions, IncidentImportPreview,
    MappingSource, PurchaseImportPreview,
};

use crate::args::ImportWhat;

pub(crate) fn run(flotta: &Flotta, what: ImportWhat) -> Result<(), ErrorPayload> {
    match what {
        ImportWhat::Purchases {
            file,
            supplier,
            commit,
        } => purchases(flotta, &file, supplier, commit),
        ImportWhat::Incidents {
            file,
            agreement,
            commit,
        } => incidents(flotta, &file, agreement.as_deref(), commit),
    }
}

/// The file's bytes and its name as the preview names it.
fn read(file: &Path) -> Result<(Vec<u8>, String), ErrorPayload> {
    let bytes = std::fs::read(file).map_err(|error| {
        ErrorPayload::new(
            ErrorCode::ImportUnreadable,
            format!("cannot read {}: {error}", file.display()),
        )
    })?;
    let name = file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string());
    Ok((bytes, name))
}

fn mapping_source(source: MappingSource) -> &'static str {
    match source {
        MappingSource::Given => "given",
        MappingSource::Remembered => "remembered from the last import",
        MappingSource::Guessed => "guessed from the headers",
    }
}

fn incidents(
    flotta: &Flotta,
    file: &Path,
    agreement: Option<&str>,
    commit: bool,
) -> Result<(), ErrorPayload> {
    let (bytes, name) = read(file)?;
    let agreement_id = match agreement {
        Some(wanted) => Some(
            flotta
                .support_agreements()?
                .into_iter()
                .find(|known| known.name.eq_ignore_ascii_case(wanted.trim()))
                .map(|known| known.id)
                .ok_or_else(|| {
                    ErrorPayload::new(
                        ErrorCode::InvalidInput,
                        format!("there is no support agreement {wanted:?}"),
                    )
                })?,
        ),
        None => None,
    };
    let options = IncidentImportOptions {
        mapping: None,
        agreement_id,
    };
    let preview = flotta.preview_incident_import(&name, &bytes, &options)?;
    print_incident_preview(&preview);
    if commit && preview.missing.is_empty() {
        let result = flotta.import_incidents(&name, &bytes, &options)?;
        println!(
            "imported: {} added, {} imported before, {} rows refused, {} categories added",
            result.added, result.already_imported, result.refused_rows, result.new_categories
        );
    } else if !commit {
        println!("nothing was imported (add --commit to import the cases to add)");
    }
    if !preview.missing.is_empty() || !preview.refused.is_empty() {
        return Err(ErrorPayload::new(
            ErrorCode::InvalidInput,
            format!(
                "{name}: {} rows refused, {} required columns missing",
                preview.refused.len(),
                preview.missing.len()
            ),
        ));
    }
    Ok(())
}

fn print_incident_preview(preview: &IncidentImportPreview) {
    println!(
        "{}: {}, {:?} separated; columns {}:",
        preview.file_name,
        preview.encoding.label(),
        preview.delimiter,
        mapping_source(preview.mapping_source)
    );
    for column in &preview.mapping {
        match column.field {
            Some(field) => println!("  {:?} → {}", column.header, field.as_str()),
            None => println!("  {:?} (not imported)", column.header),
        }
    }
    for missing in &preview.missing {
        println!("missing: no column holds the {}", missing.as_str());
    }
    println!(
        "{} rows: {} to add, {} imported before, {} refused",
        preview.rows,
        preview.to_add,
        preview.already_imported,
        preview.refused.len()
    );
    for problem in &preview.refused {
        println!(
            "refused: line {}, {}: {}",
            problem.line,
            problem.field.as_str(),
            problem.problem
        );
    }
    for category in &preview.new_categories {
        println!("a new category: {category}");
    }
    if !preview.devices_not_found.is_empty() {
        println!(
            "no unit has (kept without a device): {}",
            preview.devices_not_found.join(", ")
        );
    }
}

fn purchases(
    flotta: &Flotta,
    file: &Path,
    supplier: Option<String>,
    commit: bool,
) -> Result<(), ErrorPayload> {
    let (bytes, name) = read(file)?;
    let options = ImportOptions {
        supplier,
        mapping: None,
    };
    let preview = flotta.preview_purchase_import(&name, &bytes, &options)?;
    print_preview(&preview);
    if commit && preview.missing.is_empty() {
        let result = flotta.import_purchases(&name, &bytes, &options)?;
        println!(
            "imported: {} added, {} already bought, {} rows refused",
            result.added, result.already_bought, result.refused_rows
        );
    } else if !commit {
        println!("nothing was imported (add --commit to import the lines to add)");
    }
    if !preview.missing.is_empty() || preview.refused_rows > 0 {
        return Err(ErrorPayload::new(
            ErrorCode::InvalidInput,
            format!(
                "{}: {} rows refused, {} required columns missing",
                name,
                preview.refused_rows,
                preview.missing.len()
            ),
        ));
    }
    Ok(())
}

fn print_preview(preview: &PurchaseImportPreview) {
    let source = match preview.mapping_source {
        MappingSource::Remembered => "remembered for the supplier",
        other => mapping_source(other),
    };
    println!(
        "{}: {}, {:?} separated; columns {source}:",
        preview.file_name,
        preview.encoding.label(),
        preview.delimiter
    );
    for column in &preview.mapping {
        match column.field {
            Some(field) => println!("  {:?} → {}", column.header, field.label()),
            None => println!("  {:?} (not imported)", column.header),
        }
    }
    for missing in &preview.missing {
        println!("missing: {missing}");
    }
    println!(
        "{} rows: {} to add, {} already bought, {} refused",
        preview.rows,
        preview.to_add,
        preview.already_bought.len(),
        preview.refused_rows
    );
    if let Some(before) = &preview.imported_before {
        println!(
            "this file was imported before: {} by {} ({} added)",
            before.at.format("%Y-%m-%d %H:%M UTC"),
            before.actor,
            before.added
        );
    }
    for problem in &preview.refused {
        println!("refused: {}", problem.message);
    }
    for cell in &preview.formula_cells {
        println!(
            "kept as text, not a formula: line {}, column {:?}: {:?}",
            cell.line, cell.column, cell.value
        );
    }
    for model in &preview.unknown_models {
        println!(
            "a model the register does not know (new, or misspelt?): {} {}, {} units",
            model.manufacturer, model.model, model.units
        );
    }
}
