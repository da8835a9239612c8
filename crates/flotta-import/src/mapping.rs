//! Which column of a file holds which field of a purchase: guessed from Swedish and English
//! header names, adjusted by the person importing, and remembered per supplier.

use std::fmt;

use flotta_domain::PurchaseField;
use serde::{Deserialize, Serialize};

use crate::fold;
use crate::purchases::PurchaseDefaults;

/// The file's columns in order, each with the field it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Mapping {
    pub columns: Vec<MappedColumn>,
}

/// One column of a file: its header, kept so a remembered mapping can be laid onto a file
/// whose columns moved, and its field, `None` for a column that is not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MappedColumn {
    pub header: String,
    pub field: Option<PurchaseField>,
}

/// A required field that no column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "missing", content = "field", rename_all = "snake_case")]
pub enum MissingColumn {
    Field(PurchaseField),
    /// Neither a serial number nor an IMEI column: a purchase must name its unit.
    SerialOrImei,
}

impl fmt::Display for MissingColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Field(field) => write!(f, "no column holds the {}", field.label()),
            Self::SerialOrImei => f.write_str("no column holds the serial number or the IMEI"),
        }
    }
}

/// The fields every purchase line needs a column for (the supplier may come from the caller
/// instead; the serial number or IMEI are checked together).
const REQUIRED: [PurchaseField; 5] = [
    PurchaseField::PurchaseDate,
    PurchaseField::Supplier,
    PurchaseField::Manufacturer,
    PurchaseField::Model,
    PurchaseField::UnitCost,
];

impl Mapping {
    /// The field column `index` holds, if it is imported.
    pub fn field_at(&self, index: usize) -> Option<PurchaseField> {
        self.columns.get(index).and_then(|column| column.field)
    }

    /// The first column holding `field`; a later column mapped to the same field is not read.
    pub fn column_of(&self, field: PurchaseField) -> Option<usize> {
        self.columns
            .iter()
            .position(|column| column.field == Some(field))
    }

    /// The required fields no column holds, in the order of a purchase line. The supplier
    /// counts as present when `defaults` names one.
    pub fn missing_required(&self, defaults: &PurchaseDefaults) -> Vec<MissingColumn> {
        let mut missing: Vec<MissingColumn> = REQUIRED
            .into_iter()
            .filter(|&field| self.column_of(field).is_none())
            .filter(|&field| !(field == PurchaseField::Supplier && defaults.supplier().is_some()))
            .map(MissingColumn::Field)
            .collect();
        if self.column_of(PurchaseField::Serial).is_none()
            && self.column_of(PurchaseField::Imei).is_none()
        {
            missing.push(MissingColumn::SerialOrImei);
        }
        missing
    }

    /// This (remembered) mapping laid onto a file with `headers`: a column whose header this
    /// mapping knows (compared as [`guess_mapping`] compares them) keeps its field, wherever it
    /// now stands; any other column gets the guess for its header, unless that field is taken.
    pub fn apply_to(&self, headers: &[String]) -> Mapping {
        let remembered: Vec<(String, Option<PurchaseField>)> = self
            .columns
            .iter()
            .map(|column| (column.header.clone(), column.field))
            .collect();
        let fields = lay_onto(&remembered, headers, guess);
        Mapping {
            columns: headers
                .iter()
                .zip(fields)
                .map(|(header, field)| MappedColumn {
                    header: header.clone(),
                    field,
                })
                .collect(),
        }
    }
}

/// A remembered mapping (headers and their fields) laid onto a file with `headers`: a column
/// whose header it knows (compared folded) keeps its field, wherever it now stands; any other
/// column gets `guess` for its header, unless that field is taken.
pub(crate) fn lay_onto<F: Copy + PartialEq>(
    remembered: &[(String, Option<F>)],
    headers: &[String],
    guess: impl Fn(&str) -> Option<(F, Strength)>,
) -> Vec<Option<F>> {
    let remembered: Vec<(String, Option<F>)> = remembered
        .iter()
        .map(|(header, field)| (fold::folded(header), *field))
        .collect();
    let known: Vec<Option<Option<F>>> = headers
        .iter()
        .map(|header| {
            let folded = fold::folded(header);
            remembered
                .iter()
                .find(|(known, _)| *known == folded)
                .map(|(_, field)| *field)
        })
        .collect();
    let mut taken: Vec<F> = known.iter().flatten().flatten().copied().collect();
    let mut fields = Vec::with_capacity(headers.len());
    for (header, known) in headers.iter().zip(known) {
        let field = match known {
            Some(field) => field,
            None => guess(header)
                .map(|(field, _)| field)
                .filter(|field| !taken.contains(field)),
        };
        if let Some(field) = field {
            taken.push(field);
        }
        fields.push(field);
    }
    fields
}

/// Each column's field from `guess` of its header, each field to one column at most: a clear
/// name wins over a vague one wherever it stands; between equals the first column wins.
pub(crate) fn pick_fields<F: Copy + PartialEq>(
    headers: &[String],
    guess: impl Fn(&str) -> Option<(F, Strength)>,
) -> Vec<Option<F>> {
    let guesses: Vec<Option<(F, Strength)>> = headers.iter().map(|header| guess(header)).collect();
    let mut fields: Vec<Option<F>> = vec![None; headers.len()];
    for strength in [Strength::Clear, Strength::Vague] {
        for (index, found) in guesses.iter().enumerate() {
            let Some((field, found_strength)) = *found else {
                continue;
            };
            if found_strength == strength && !fields.contains(&Some(field)) {
                fields[index] = Some(field);
            }
        }
    }
    fields
}

/// The field a folded header names in `names`, and how clearly.
pub(crate) fn named_in<F: Copy>(
    names: &[(&str, F, Strength)],
    folded: &str,
) -> Option<(F, Strength)> {
    names
        .iter()
        .find(|(name, _, _)| *name == folded)
        .map(|&(_, field, strength)| (field, strength))
}

/// Guesses each column's field from its header, in Swedish or English, regardless of case,
/// spacing, punctuation and diacritics (`À-pris exkl. moms`, `Unit price (excl. VAT)`).
///
/// Each field goes to one column at most. A clear name (`Serienummer`) wins over a vaguer one
/// (`Datum`, `Produkt`, `Kostnadsställe`) wherever it stands; between equals the first column
/// wins. A price that includes VAT is never taken for the unit cost.
pub fn guess_mapping(headers: &[String]) -> Mapping {
    let fields = pick_fields(headers, guess);
    Mapping {
        columns: headers
            .iter()
            .zip(fields)
            .map(|(header, field)| MappedColumn {
                header: header.clone(),
                field,
            })
            .collect(),
    }
}

/// How sure a guess is: a vague name gives way to a clear one elsewhere in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strength {
    Clear,
    Vague,
}

/// Header names, folded (see [`fold::folded`]), and the field each names.
const NAMES: &[(&str, PurchaseField, Strength)] = {
    use PurchaseField as F;
    use Strength::{Clear, Vague};
    &[
        ("inkopsdatum", F::PurchaseDate, Clear),
        ("leveransdatum", F::PurchaseDate, Clear),
        ("levdatum", F::PurchaseDate, Clear),
        ("kopdatum", F::PurchaseDate, Clear),
        ("orderdatum", F::PurchaseDate, Clear),
        ("bestallningsdatum", F::PurchaseDate, Clear),
        ("purchasedate", F::PurchaseDate, Clear),
        ("orderdate", F::PurchaseDate, Clear),
        ("deliverydate", F::PurchaseDate, Clear),
        ("shipdate", F::PurchaseDate, Clear),
        ("shippingdate", F::PurchaseDate, Clear),
        ("datum", F::PurchaseDate, Vague),
        ("date", F::PurchaseDate, Vague),
        ("fakturadatum", F::PurchaseDate, Vague),
        ("invoicedate", F::PurchaseDate, Vague),
        ("leverantor", F::Supplier, Clear),
        ("leverantorsnamn", F::Supplier, Clear),
        ("aterforsaljare", F::Supplier, Clear),
        ("supplier", F::Supplier, Clear),
        ("suppliername", F::Supplier, Clear),
        ("reseller", F::Supplier, Clear),
        ("vendor", F::Supplier, Vague),
        ("ordernummer", F::OrderNumber, Clear),
        ("ordernr", F::OrderNumber, Clear),
        ("bestallningsnummer", F::OrderNumber, Clear),
        ("bestallningsnr", F::OrderNumber, Clear),
        ("inkopsordernummer", F::OrderNumber, Clear),
        ("ordernumber", F::OrderNumber, Clear),
        ("orderno", F::OrderNumber, Clear),
        ("orderid", F::OrderNumber, Clear),
        ("po", F::OrderNumber, Clear),
        ("pono", F::OrderNumber, Clear),
        ("ponumber", F::OrderNumber, Clear),
        ("purchaseorder", F::OrderNumber, Clear),
        ("purchaseordernumber", F::OrderNumber, Clear),
        ("order", F::OrderNumber, Vague),
        ("bestallning", F::OrderNumber, Vague),
        ("fakturanummer", F::InvoiceNumber, Clear),
        ("fakturanr", F::InvoiceNumber, Clear),
        ("invoicenumber", F::InvoiceNumber, Clear),
        ("invoiceno", F::InvoiceNumber, Clear),
        ("invoiceid", F::InvoiceNumber, Clear),
        ("faktura", F::InvoiceNumber, Vague),
        ("invoice", F::InvoiceNumber, Vague),
        ("tillverkare", F::Manufacturer, Clear),
        ("marke", F::Manufacturer, Clear),
        ("varumarke", F::Manufacturer, Clear),
        ("fabrikat", F::Manufacturer, Clear),
        ("manufacturer", F::Manufacturer, Clear),
        ("brand", F::Manufacturer, Clear),
        ("make", F::Manufacturer, Clear),
        ("modell", F::Model, Clear),
        ("modellnamn", F::Model, Clear),
        ("modellbeteckning", F::Model, Clear),
        ("model", F::Model, Clear),
        ("modelname", F::Model, Clear),
        ("produkt", F::Model, Vague),
        ("produktnamn", F::Model, Vague),
        ("benamning", F::Model, Vague),
        ("product", F::Model, Vague),
        ("productname", F::Model, Vague),
        ("serienummer", F::Serial, Clear),
        ("serienr", F::Serial, Clear),
        ("serial", F::Serial, Clear),
        ("serialnumber", F::Serial, Clear),
        ("serialno", F::Serial, Clear),
        ("serialnr", F::Serial, Clear),
        ("sn", F::Serial, Clear),
        ("imei", F::Imei, Clear),
        ("imeinummer", F::Imei, Clear),
        ("imeinr", F::Imei, Clear),
        ("imeinumber", F::Imei, Clear),
        ("imei1", F::Imei, Clear),
        ("pris", F::UnitCost, Clear),
        ("styckpris", F::UnitCost, Clear),
        ("apris", F::UnitCost, Clear),
        ("nettopris", F::UnitCost, Clear),
        ("inkopspris", F::UnitCost, Clear),
        ("kostnad", F::UnitCost, Clear),
        ("price", F::UnitCost, Clear),
        ("unitprice", F::UnitCost, Clear),
        ("netprice", F::UnitCost, Clear),
        ("purchaseprice", F::UnitCost, Clear),
        ("cost", F::UnitCost, Clear),
        ("unitcost", F::UnitCost, Clear),
        ("moms", F::VatRate, Clear),
        ("momssats", F::VatRate, Clear),
        ("vat", F::VatRate, Clear),
        ("vatrate", F::VatRate, Clear),
        ("forvaltning", F::OrgUnit, Clear),
        ("organisation", F::OrgUnit, Clear),
        ("organisationsenhet", F::OrgUnit, Clear),
        ("organization", F::OrgUnit, Clear),
        ("organisationunit", F::OrgUnit, Clear),
        ("organizationunit", F::OrgUnit, Clear),
        ("orgunit", F::OrgUnit, Clear),
        ("avdelning", F::OrgUnit, Clear),
        ("department", F::OrgUnit, Clear),
        ("verksamhet", F::OrgUnit, Clear),
        // "Enhet" is also a unit of measure ("st") in order lines.
        ("enhet", F::OrgUnit, Vague),
        ("kostnadsstalle", F::OrgUnit, Vague),
        ("costcentre", F::OrgUnit, Vague),
        ("costcenter", F::OrgUnit, Vague),
        ("agande", F::Ownership, Clear),
        ("agandeform", F::Ownership, Clear),
        ("ownership", F::Ownership, Clear),
    ]
};

/// Words that say a price includes VAT: such a column is never the unit cost.
const INCLUDING_VAT: [&str; 5] = ["inkl", "incl", "inklusive", "including", "inclusive"];

/// Words that qualify a price or a rate without changing what the column holds.
const QUALIFIERS: [&str; 10] = [
    "exkl",
    "excl",
    "exklusive",
    "exclusive",
    "ex",
    "sek",
    "kr",
    "procent",
    "percent",
    "rate",
];

/// Words that turn a warranty or lifetime column into a date column.
const DATE_WORDS: [&str; 8] = [
    "datum",
    "date",
    "slut",
    "slutdatum",
    "end",
    "enddate",
    "utgar",
    "expires",
];

/// The field a header names and how clearly, or `None` when it names none.
fn guess(header: &str) -> Option<(PurchaseField, Strength)> {
    let words = fold::words(header);
    if words
        .iter()
        .any(|word| INCLUDING_VAT.contains(&word.as_str()))
    {
        return None;
    }
    let names_date = words.iter().any(|word| DATE_WORDS.contains(&word.as_str()));
    let joined = words.concat();
    if let Some(found) = named(&joined) {
        return Some(found);
    }
    if !names_date {
        if joined.starts_with("garanti") || joined.starts_with("warranty") {
            return Some((PurchaseField::WarrantyMonths, Strength::Clear));
        }
        if [
            "livslangd",
            "planeradlivslangd",
            "lifetime",
            "plannedlifetime",
        ]
        .iter()
        .any(|start| joined.starts_with(start))
        {
            return Some((PurchaseField::PlannedLifetimeMonths, Strength::Clear));
        }
    }
    // "Pris exkl. moms (SEK)", "Unit price excl. VAT", "Moms %": the name without qualifiers.
    // VAT words are qualifiers of a price, so they are dropped only when something remains.
    let essential: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|word| !QUALIFIERS.contains(word))
        .collect();
    let without_vat: String = essential
        .iter()
        .copied()
        .filter(|word| !matches!(*word, "moms" | "vat"))
        .collect();
    if !without_vat.is_empty() {
        named(&without_vat)
    } else if words
        .iter()
        .any(|word| matches!(word.as_str(), "sek" | "kr"))
    {
        // "Moms (kr)": an amount of VAT, not its rate.
        None
    } else {
        named(&essential.concat())
    }
}

fn named(folded: &str) -> Option<(PurchaseField, Strength)> {
    named_in(NAMES, folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PurchaseField as F;

    fn fields(headers: &[&str]) -> Vec<Option<PurchaseField>> {
        let headers: Vec<String> = headers.iter().map(|&h| h.to_owned()).collect();
        guess_mapping(&headers)
            .columns
            .into_iter()
            .map(|column| column.field)
            .collect()
    }

    fn one(header: &str) -> Option<PurchaseField> {
        fields(&[header])[0]
    }

    #[test]
    fn swedish_headers() {
        assert_eq!(
            fields(&[
                "Inköpsdatum",
                "Leverantör",
                "Ordernummer",
                "Fakturanummer",
                "Tillverkare",
                "Modell",
                "Serienummer",
                "IMEI",
                "À-pris exkl. moms",
                "Moms",
                "Garanti (mån)",
                "Förvaltning",
                "Ägande",
                "Livslängd (mån)",
            ]),
            every_field_in_order()
        );
    }

    /// Each field once, in the order the headers above name them.
    fn every_field_in_order() -> Vec<Option<F>> {
        F::ALL.iter().copied().map(Some).collect()
    }

    #[test]
    fn english_headers() {
        assert_eq!(
            fields(&[
                "Purchase date",
                "Supplier",
                "PO",
                "Invoice number",
                "Brand",
                "Model",
                "S/N",
                "IMEI",
                "Unit price (excl. VAT)",
                "VAT",
                "Warranty months",
                "Department",
                "Ownership",
                "Planned lifetime",
            ]),
            every_field_in_order()
        );
    }

    #[test]
    fn spelling_variants() {
        assert_eq!(one("  LEVERANTÖR "), Some(F::Supplier));
        assert_eq!(one("leverantor"), Some(F::Supplier));
        assert_eq!(one("Märke"), Some(F::Manufacturer));
        assert_eq!(one("Styckpris"), Some(F::UnitCost));
        assert_eq!(one("A-pris"), Some(F::UnitCost));
        assert_eq!(one("Pris (SEK)"), Some(F::UnitCost));
        assert_eq!(one("Cost"), Some(F::UnitCost));
        assert_eq!(one("Serial No."), Some(F::Serial));
        assert_eq!(one("IMEI-nummer"), Some(F::Imei));
        assert_eq!(one("Moms %"), Some(F::VatRate));
        assert_eq!(one("VAT rate"), Some(F::VatRate));
        assert_eq!(one("Garantitid"), Some(F::WarrantyMonths));
        assert_eq!(one("Leveransdatum"), Some(F::PurchaseDate));
        assert_eq!(one("Order date"), Some(F::PurchaseDate));
    }

    #[test]
    fn columns_that_are_not_what_they_seem_are_left_out() {
        assert_eq!(one("Pris inkl. moms"), None, "a price including VAT");
        assert_eq!(one("Price incl. VAT"), None);
        assert_eq!(one("Momsbelopp"), None, "an amount of VAT, not a rate");
        assert_eq!(one("Moms kr"), None);
        assert_eq!(
            one("Garanti slutdatum"),
            None,
            "a date, not a number of months"
        );
        assert_eq!(one("Warranty end date"), None);
        assert_eq!(one("Antal"), None);
        assert_eq!(one("Totalt"), None);
        assert_eq!(one("IMEI 2"), None);
        assert_eq!(one(""), None);
    }

    #[test]
    fn a_clear_name_wins_over_a_vague_one_and_each_field_is_taken_once() {
        assert_eq!(
            fields(&[
                "Datum",
                "Kostnadsställe",
                "Leveransdatum",
                "Förvaltning",
                "Serial",
                "S/N"
            ]),
            [
                None,
                None,
                Some(F::PurchaseDate),
                Some(F::OrgUnit),
                Some(F::Serial),
                None
            ]
        );
        assert_eq!(
            fields(&["Datum", "Kostnadsställe"]),
            [Some(F::PurchaseDate), Some(F::OrgUnit)]
        );
    }

    #[test]
    fn missing_required_fields_take_a_supplier_from_the_caller() {
        let headers: Vec<String> = ["Datum", "Modell", "Pris"]
            .iter()
            .map(|&h| h.to_owned())
            .collect();
        let mapping = guess_mapping(&headers);
        assert_eq!(
            mapping.missing_required(&PurchaseDefaults::default()),
            [
                MissingColumn::Field(F::Supplier),
                MissingColumn::Field(F::Manufacturer),
                MissingColumn::SerialOrImei,
            ]
        );
        let with_supplier = PurchaseDefaults {
            supplier: Some("Inet AB".into()),
            ..PurchaseDefaults::default()
        };
        assert_eq!(
            mapping.missing_required(&with_supplier),
            [
                MissingColumn::Field(F::Manufacturer),
                MissingColumn::SerialOrImei
            ]
        );
        assert_eq!(
            MissingColumn::SerialOrImei.to_string(),
            "no column holds the serial number or the IMEI"
        );
    }

    #[test]
    fn a_remembered_mapping_follows_its_headers_to_new_places() -> Result<(), serde_json::Error> {
        let remembered = Mapping {
            columns: vec![
                MappedColumn {
                    header: "Lev.datum".into(),
                    field: Some(F::PurchaseDate),
                },
                MappedColumn {
                    header: "Art".into(),
                    field: Some(F::Model),
                },
                MappedColumn {
                    header: "Modell".into(),
                    field: None,
                },
            ],
        };
        // Stored as JSON in the database and read back.
        let json = serde_json::to_string(&remembered)?;
        let remembered: Mapping = serde_json::from_str(&json)?;
        let headers: Vec<String> = ["Modell", "Serienummer", "ART", "lev datum"]
            .iter()
            .map(|&h| h.to_owned())
            .collect();
        let applied = remembered.apply_to(&headers);
        let fields: Vec<Option<PurchaseField>> =
            applied.columns.iter().map(|column| column.field).collect();
        assert_eq!(
            fields,
            [None, Some(F::Serial), Some(F::Model), Some(F::PurchaseDate)],
            "the remembered choices stand; a new column is guessed"
        );
        assert_eq!(applied.field_at(2), Some(F::Model));
        assert_eq!(applied.column_of(F::PurchaseDate), Some(3));
        assert_eq!(applied.field_at(9), None);
        Ok(())
    }
}
