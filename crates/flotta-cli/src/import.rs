//! `flotta-cli import purchases`: the app's import preview on stdout, and the import itself
//! with `--commit`.

use flotta_core::{
    ErrorCode, ErrorPayload, Flotta, ImportOptions, MappingSource, PurchaseImportPreview,
};

use crate::args::ImportWhat;

pub(crate) fn run(flotta: &Flotta, what: ImportWhat) -> Result<(), ErrorPayload> {
    let ImportWhat::Purchases {
        file,
        supplier,
        commit,
    } = what;
    let bytes = std::fs::read(&file).map_err(|error| {
        ErrorPayload::new(
            ErrorCode::ImportUnreadable,
            format!("cannot read {}: {error}", file.display()),
        )
    })?;
    let name = file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string());
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
        MappingSource::Given => "given",
        MappingSource::Remembered => "remembered for the supplier",
        MappingSource::Guessed => "guessed from the headers",
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
