//! `flotta-cli export`: the inventory or the purchases as CSV for Swedish Excel.

use flotta_core::{DeviceFilters, ErrorPayload, Flotta, InventoryView, PurchaseMatch};

use crate::args::{ExportWhat, PurchaseArg};

pub(crate) fn run(flotta: &Flotta, what: ExportWhat) -> Result<(), ErrorPayload> {
    let (rows, file) = match what {
        ExportWhat::Devices { file, purchase } => {
            let view = InventoryView {
                filters: DeviceFilters {
                    purchase: purchase.map(|purchase| match purchase {
                        PurchaseArg::Bought => PurchaseMatch::Bought,
                        PurchaseArg::NotBought => PurchaseMatch::NotBought,
                    }),
                    ..DeviceFilters::default()
                },
                ..InventoryView::default()
            };
            (flotta.export_devices_csv(&view, &file)?, file)
        }
        ExportWhat::Purchases { file, unseen } => {
            (flotta.export_purchases_csv(unseen, &file)?, file)
        }
    };
    println!("{rows} rows written to {}", file.display());
    Ok(())
}
