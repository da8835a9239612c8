//! A unit bought from a supplier, as a delivery file or invoice describes it, and the names of
//! its fields.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::device::Ownership;
use crate::identifiers::{Imei, SerialNumber};

vocabulary! {
    /// A field of a [`PurchaseLine`]; an import maps a file's columns onto these.
    PurchaseField {
        PurchaseDate => "purchase_date",
        Supplier => "supplier",
        OrderNumber => "order_number",
        InvoiceNumber => "invoice_number",
        Manufacturer => "manufacturer",
        Model => "model",
        Serial => "serial",
        Imei => "imei",
        UnitCost => "unit_cost",
        VatRate => "vat_rate",
        WarrantyMonths => "warranty_months",
        OrgUnit => "org_unit",
        Ownership => "ownership",
        PlannedLifetimeMonths => "planned_lifetime_months",
    }
}

impl PurchaseField {
    /// The field's name in English, as a column heading or a problem report shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::PurchaseDate => "Purchase date",
            Self::Supplier => "Supplier",
            Self::OrderNumber => "Order number",
            Self::InvoiceNumber => "Invoice number",
            Self::Manufacturer => "Manufacturer",
            Self::Model => "Model",
            Self::Serial => "Serial number",
            Self::Imei => "IMEI",
            Self::UnitCost => "Unit cost (excl. VAT)",
            Self::VatRate => "VAT rate",
            Self::WarrantyMonths => "Warranty (months)",
            Self::OrgUnit => "Organisation unit",
            Self::Ownership => "Ownership",
            Self::PlannedLifetimeMonths => "Planned lifetime (months)",
        }
    }
}

/// One bought unit. At least one of `serial` and `imei` is set: a purchase that names no
/// hardware identifier cannot be matched to a device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PurchaseLine {
    pub purchase_date: NaiveDate,
    pub supplier: String,
    pub order_number: Option<String>,
    pub invoice_number: Option<String>,
    pub manufacturer: String,
    pub model: String,
    #[serde(with = "serial_text")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub serial: Option<SerialNumber>,
    #[serde(with = "imei_text")]
    #[cfg_attr(feature = "specta", specta(type = Option<String>))]
    pub imei: Option<Imei>,
    /// The price of the unit in öre (1/100 SEK), excluding VAT; whole öre so sums are exact.
    /// A JavaScript number holds it exactly (up to 2^53 öre).
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub unit_cost_ore: i64,
    /// The VAT rate in hundredths of a percent: 25 % is 2500.
    pub vat_rate_basis_points: Option<u32>,
    pub warranty_months: Option<u32>,
    /// The organisation unit (förvaltning, bolag) the unit was bought for.
    pub org_unit: Option<String>,
    pub ownership: Ownership,
    /// How long the organisation means to use the unit before replacing it.
    pub planned_lifetime_months: Option<u32>,
}

/// A purchase as the register holds it, with the unit it names when a sync has reported one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Purchase {
    pub id: u32,
    pub line: PurchaseLine,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Who entered or imported it.
    pub created_by: String,
    /// From a supplier's delivery file rather than entered by hand.
    pub imported: bool,
    /// The unit in the register with its serial number (else its IMEI); `None` while no sync
    /// has reported it.
    pub device_id: Option<u32>,
    /// The last day the warranty covers ([`crate::warranty::warranty_end`]); `None` without a
    /// warranty period.
    pub warranty_end: Option<NaiveDate>,
}

impl PurchaseLine {
    /// The ownership of a bought unit when its purchase does not say otherwise: the
    /// organisation paid for it.
    pub const DEFAULT_OWNERSHIP: Ownership = Ownership::Corporate;
}

/// A purchase as a person types it into the form: identifiers as text, checked by
/// [`check_purchase_form`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PurchaseForm {
    pub purchase_date: NaiveDate,
    pub supplier: String,
    pub order_number: Option<String>,
    pub invoice_number: Option<String>,
    pub manufacturer: String,
    pub model: String,
    pub serial: Option<String>,
    pub imei: Option<String>,
    /// Öre, excluding VAT.
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub unit_cost_ore: i64,
    pub vat_rate_basis_points: Option<u32>,
    pub warranty_months: Option<u32>,
    pub org_unit: Option<String>,
    pub ownership: Ownership,
    pub planned_lifetime_months: Option<u32>,
}

/// What is wrong with a form, and in which field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {problem}", field.label())]
pub struct FormProblem {
    pub field: PurchaseField,
    pub problem: String,
}

/// The longest text a purchase field keeps.
pub const MAX_FIELD_CHARS: usize = 200;

/// The purchase line a form describes, or the first field that is wrong. Texts are trimmed
/// and empty ones are absent; at least one of serial number and IMEI names the unit.
pub fn check_purchase_form(form: &PurchaseForm) -> Result<PurchaseLine, FormProblem> {
    let problem = |field, problem: &str| FormProblem {
        field,
        problem: problem.to_owned(),
    };
    let optional = |field, text: &Option<String>| -> Result<Option<String>, FormProblem> {
        let text = text
            .as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty());
        match text {
            Some(text) if text.chars().count() > MAX_FIELD_CHARS => {
                Err(problem(field, "is too long"))
            }
            other => Ok(other.map(str::to_owned)),
        }
    };
    let required = |field, text: &String| {
        optional(field, &Some(text.clone()))?.ok_or_else(|| problem(field, "is needed"))
    };
    let serial = optional(PurchaseField::Serial, &form.serial)?
        .map(|text| SerialNumber::parse(&text))
        .transpose()
        .map_err(|error| problem(PurchaseField::Serial, &error.to_string()))?;
    let imei = optional(PurchaseField::Imei, &form.imei)?
        .map(|text| Imei::parse(&text))
        .transpose()
        .map_err(|error| problem(PurchaseField::Imei, &error.to_string()))?;
    if serial.is_none() && imei.is_none() {
        return Err(problem(
            PurchaseField::Serial,
            "a serial number or an IMEI is needed to know the unit",
        ));
    }
    if form.unit_cost_ore < 0 {
        return Err(problem(PurchaseField::UnitCost, "cannot be negative"));
    }
    if form.vat_rate_basis_points.is_some_and(|rate| rate > 10_000) {
        return Err(problem(PurchaseField::VatRate, "is more than 100 %"));
    }
    for (field, months) in [
        (PurchaseField::WarrantyMonths, form.warranty_months),
        (
            PurchaseField::PlannedLifetimeMonths,
            form.planned_lifetime_months,
        ),
    ] {
        if months.is_some_and(|months| months > 240) {
            return Err(problem(field, "is more than 240 months"));
        }
    }
    Ok(PurchaseLine {
        purchase_date: form.purchase_date,
        supplier: required(PurchaseField::Supplier, &form.supplier)?,
        order_number: optional(PurchaseField::OrderNumber, &form.order_number)?,
        invoice_number: optional(PurchaseField::InvoiceNumber, &form.invoice_number)?,
        manufacturer: required(PurchaseField::Manufacturer, &form.manufacturer)?,
        model: required(PurchaseField::Model, &form.model)?,
        serial,
        imei,
        unit_cost_ore: form.unit_cost_ore,
        vat_rate_basis_points: form.vat_rate_basis_points,
        warranty_months: form.warranty_months,
        org_unit: optional(PurchaseField::OrgUnit, &form.org_unit)?,
        ownership: form.ownership,
        planned_lifetime_months: form.planned_lifetime_months,
    })
}

/// Serial numbers travel as their text; reading it back validates it again.
mod serial_text {
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    use crate::identifiers::SerialNumber;

    pub fn serialize<S: Serializer>(
        value: &Option<SerialNumber>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value
            .as_ref()
            .map(SerialNumber::as_str)
            .serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<SerialNumber>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| SerialNumber::parse(&text).map_err(D::Error::custom))
            .transpose()
    }
}

/// IMEIs travel as their 15 digits; reading them back checks the check digit again.
mod imei_text {
    use serde::{Deserialize, Deserializer, Serialize, Serializer, de::Error};

    use crate::identifiers::Imei;

    pub fn serialize<S: Serializer>(
        value: &Option<Imei>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value.as_ref().map(Imei::as_str).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Imei>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| Imei::parse(&text).map_err(D::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> PurchaseLine {
        PurchaseLine {
            purchase_date: NaiveDate::from_ymd_opt(2026, 3, 1).expect("a real day"),
            supplier: "Atea Sverige AB".into(),
            order_number: Some("PO-4711".into()),
            invoice_number: None,
            manufacturer: "Apple".into(),
            model: "iPhone 16".into(),
            serial: SerialNumber::parse("f2lxk0abhg7f").ok(),
            imei: Imei::parse("490154203237518").ok(),
            unit_cost_ore: 899_900,
            vat_rate_basis_points: Some(2500),
            warranty_months: Some(24),
            org_unit: Some("Barn- och utbildningsförvaltningen".into()),
            ownership: PurchaseLine::DEFAULT_OWNERSHIP,
            planned_lifetime_months: Some(36),
        }
    }

    #[test]
    fn a_purchase_line_round_trips_through_json_with_identifiers_as_text() {
        let json = serde_json::to_value(line()).expect("serialises");
        assert_eq!(json["serial"], "F2LXK0ABHG7F");
        assert_eq!(json["imei"], "490154203237518");
        assert_eq!(json["purchase_date"], "2026-03-01");
        assert_eq!(json["ownership"], "corporate");
        let back: PurchaseLine = serde_json::from_value(json).expect("deserialises");
        assert_eq!(back, line());
    }

    #[test]
    fn reading_json_validates_the_identifiers_again() {
        let mut json = serde_json::to_value(line()).expect("serialises");
        json["imei"] = "490154203237519".into();
        let refused = serde_json::from_value::<PurchaseLine>(json);
        assert!(
            refused.is_err(),
            "an IMEI failing the Luhn check is refused"
        );
    }

    #[test]
    fn every_purchase_field_round_trips_and_has_a_label() {
        for field in PurchaseField::ALL {
            assert_eq!(PurchaseField::from_text(field.as_str()), Some(*field));
            assert!(!field.label().is_empty());
        }
    }
}

#[cfg(test)]
mod form_tests {
    use super::*;

    fn form() -> PurchaseForm {
        PurchaseForm {
            purchase_date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            supplier: " Atea Sverige AB ".into(),
            order_number: Some("  ".into()),
            invoice_number: None,
            manufacturer: "Apple".into(),
            model: "iPhone 16".into(),
            serial: Some(" f2lxq0abc1 ".into()),
            imei: None,
            unit_cost_ore: 949_000,
            vat_rate_basis_points: Some(2_500),
            warranty_months: Some(24),
            org_unit: Some("Äldreförvaltningen".into()),
            ownership: Ownership::Corporate,
            planned_lifetime_months: None,
        }
    }

    #[test]
    fn a_form_gives_a_trimmed_line_with_its_unit_normalised() {
        let line = check_purchase_form(&form()).unwrap();
        assert_eq!(line.supplier, "Atea Sverige AB");
        assert_eq!(line.order_number, None, "a blank field is absent");
        assert_eq!(
            line.serial.map(|s| s.as_str().to_owned()),
            Some("F2LXQ0ABC1".into())
        );
    }

    #[test]
    fn each_wrong_field_is_named() {
        let field = |change: fn(&mut PurchaseForm)| {
            let mut form = form();
            change(&mut form);
            check_purchase_form(&form).unwrap_err().field
        };
        assert_eq!(field(|f| f.serial = None), PurchaseField::Serial);
        assert_eq!(
            field(|f| f.imei = Some("490154203237519".into())),
            PurchaseField::Imei
        );
        assert_eq!(field(|f| f.supplier = " ".into()), PurchaseField::Supplier);
        assert_eq!(field(|f| f.model = String::new()), PurchaseField::Model);
        assert_eq!(field(|f| f.unit_cost_ore = -1), PurchaseField::UnitCost);
        assert_eq!(
            field(|f| f.vat_rate_basis_points = Some(10_001)),
            PurchaseField::VatRate
        );
        assert_eq!(
            field(|f| f.warranty_months = Some(241)),
            PurchaseField::WarrantyMonths
        );
        assert_eq!(
            field(|f| f.org_unit = Some("x".repeat(201))),
            PurchaseField::OrgUnit
        );
    }
}
