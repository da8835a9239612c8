//! `flotta-cli export`: the inventory, the purchases, the replacement forecast, a delivery's
//! checklist or a year's closed days as CSV for Swedish Excel, or as an
//! Excel workbook when the file name ends in `.xlsx`.

use flotta_core::{
    CertificationMatch, DeviceFilters, ErrorPayload, Flotta, InventoryView, PurchaseMatch,
    TableFormat, WarrantyStatus, app_key,
};

use crate::args::{CertificationArg, ExportWhat, PurchaseArg, WarrantyArg};

pub(crate) fn run(flotta: &Flotta, what: ExportWhat) -> Result<(), ErrorPayload> {
    let (rows, file) = match what {
        ExportWhat::Devices {
            file,
            purchase,
            warranty,
            supplier,
            certification,
            app,
        } => {
            let view = InventoryView {
                filters: DeviceFilters {
                    purchase: purchase.map(|purchase| match purchase {
                        PurchaseArg::Bought => PurchaseMatch::Bought,
                        PurchaseArg::NotBought => PurchaseMatch::NotBought,
                    }),
                    warranty: warranty.map(|warranty| match warranty {
                        WarrantyArg::Active => WarrantyStatus::Active,
                        WarrantyArg::Expiring => WarrantyStatus::Expiring,
                        WarrantyArg::Expired => WarrantyStatus::Expired,
                        WarrantyArg::Unknown => WarrantyStatus::Unknown,
                    }),
                    supplier,
                    certification: certification.map(|wanted| match wanted {
                        CertificationArg::Certified => CertificationMatch::Certified,
                        CertificationArg::NotCertified => CertificationMatch::NotCertified,
                    }),
                    app: app.as_deref().map(app_key),
                    ..DeviceFilters::default()
                },
                ..InventoryView::default()
            };
            (
                flotta.export_devices(&view, TableFormat::for_path(&file), &file)?,
                file,
            )
        }
        ExportWhat::Purchases { file, unseen } => (
            flotta.export_purchases(unseen, TableFormat::for_path(&file), &file)?,
            file,
        ),
        ExportWhat::Forecast { file } => (
            flotta.export_warranty_forecast(TableFormat::for_path(&file), &file)?,
            file,
        ),
        ExportWhat::Checklist { file, delivery } => (
            flotta.export_preconfig(delivery, TableFormat::for_path(&file), &file)?,
            file,
        ),
        ExportWhat::ClosedDays { year, file } => (
            flotta.export_calendar_year(year, TableFormat::for_path(&file), &file)?,
            file,
        ),
    };
    println!("{rows} rows written to {}", file.display());
    Ok(())
}
