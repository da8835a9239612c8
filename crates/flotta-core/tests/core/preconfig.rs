//! Pre-configuring a delivery: each unit's checklist, ticked per unit or for the whole
//! delivery, the enrolment step done by the unit's first check-in, "ready to deploy" only when
//! every step is done, the template edited, and every tick in the audit log (#14).

use flotta_core::{
    AuditFilter, ErrorCode, ErrorPayload, Flotta, ImportOptions, Lifecycle, PreconfigUnit,
    StepDone, TickScope, Vendor,
};

use super::sync::{emulator, synced};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn unit<'a>(units: &'a [PreconfigUnit], serial: &str) -> Result<&'a PreconfigUnit, String> {
    units
        .iter()
        .find(|unit| unit.serial.as_deref() == Some(serial))
        .ok_or(format!("unit {serial} on the checklist"))
}

fn import(flotta: &Flotta, name: &str, serials: &[&str]) -> Result<(), flotta_core::Error> {
    let mut csv = String::from("Inköpsdatum;Leverantör;Tillverkare;Modell;Serienummer;Pris\n");
    for serial in serials {
        csv.push_str(&format!(
            "2026-11-02;Telia Företag;Apple;iPhone 16;{serial};8 990\n"
        ));
    }
    flotta.import_purchases(name, csv.as_bytes(), &ImportOptions::default())?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delivery_is_ticked_until_its_units_are_ready_to_deploy_issue_14() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::Intune).await?;
    let enrolled: String =
        emulator.with_fleet(|fleet| fleet.enrolments()[0].device.serial.as_str().to_owned());
    assert!(
        flotta.preconfig(None)?.delivery.is_none(),
        "no delivery before the first import"
    );
    import(&flotta, "telia-1.csv", &["OLDER00001"])?;
    import(
        &flotta,
        "telia-2.csv",
        &[&enrolled, "DRAWER1001", "DRAWER1002"],
    )?;

    let view = flotta.preconfig(None)?;
    assert_eq!(view.deliveries.len(), 2);
    assert_eq!(
        view.delivery,
        Some(view.deliveries[0].id),
        "the newest first"
    );
    assert_eq!(view.deliveries[0].file_name, "telia-2.csv");
    assert_eq!((view.total, view.units.len(), view.ready), (3, 3, 0));
    let delivery = view.delivery.ok_or("a delivery")?;
    let enrolment = view
        .steps
        .iter()
        .position(|step| step.done_by_enrolment)
        .ok_or("the template has the enrolment step")?;
    let synced = unit(&view.units, &enrolled)?;
    assert!(matches!(synced.steps[enrolment], StepDone::Enrolled { .. }));
    assert_eq!(
        synced.lifecycle,
        Lifecycle::Deployed,
        "deployed on first check-in"
    );
    let drawer = unit(&view.units, "DRAWER1001")?;
    assert_eq!(drawer.steps[enrolment], StepDone::Open);
    assert_eq!(drawer.lifecycle, Lifecycle::InStock);
    assert!(
        view.units.iter().all(|unit| !matches!(
            unit.certification,
            flotta_core::CertificationStatus::Certified { .. }
        )),
        "no model is certified yet, so each unit carries the flag"
    );

    // Every step but the enrolment ticked for the whole delivery at once.
    for step in view.steps.iter().filter(|step| !step.done_by_enrolment) {
        let changed = flotta.tick_preconfig(TickScope::Delivery(delivery), step.id, true)?;
        assert_eq!(changed, 3, "{}", step.title);
    }
    let battery = view.steps[0].id;
    assert_eq!(
        flotta.tick_preconfig(TickScope::Delivery(delivery), battery, true)?,
        0,
        "ticking again changes nothing"
    );
    let view = flotta.preconfig(Some(delivery))?;
    assert_eq!(view.ready, 1, "only the enrolled unit has every step done");
    assert!(unit(&view.units, &enrolled)?.ready);
    let older = flotta.preconfig(Some(view.deliveries[1].id))?;
    assert_eq!(
        older.units[0].steps[0],
        StepDone::Open,
        "another delivery is untouched"
    );

    // The enrolment step of a unit in the drawer, ticked by hand (zero-touch registered).
    let drawer = unit(&view.units, "DRAWER1001")?.purchase_id;
    let enrolment_id = view.steps[enrolment].id;
    assert_eq!(
        flotta.tick_preconfig(TickScope::Unit(drawer), enrolment_id, true)?,
        1
    );
    // For the whole delivery it is ticked only where no check-in did it: the other drawer unit.
    assert_eq!(
        flotta.tick_preconfig(TickScope::Delivery(delivery), enrolment_id, true)?,
        1
    );
    let view = flotta.preconfig(Some(delivery))?;
    let ready = unit(&view.units, "DRAWER1001")?;
    assert!(ready.ready);
    assert!(matches!(&ready.steps[enrolment], StepDone::Ticked { actor, .. } if actor == "tester"));
    assert_eq!(view.ready, 3);

    flotta.tick_preconfig(TickScope::Unit(drawer), battery, false)?;
    assert!(!unit(&flotta.preconfig(Some(delivery))?.units, "DRAWER1001")?.ready);
    flotta.tick_preconfig(TickScope::Unit(drawer), battery, true)?;

    // A step the organisation adds is open for every unit until ticked; retired, it no
    // longer counts, and can no longer be ticked.
    let label = flotta.add_preconfig_step("  Inventarieetikett  ")?;
    assert_eq!(label.title, "Inventarieetikett");
    let view = flotta.preconfig(Some(delivery))?;
    assert_eq!(view.ready, 0);
    assert_eq!(view.steps.last().map(|step| step.id), Some(label.id));
    flotta.retire_preconfig_step(label.id)?;
    assert_eq!(flotta.preconfig(Some(delivery))?.ready, 3);
    let refused = flotta
        .tick_preconfig(TickScope::Unit(drawer), label.id, true)
        .map_err(ErrorPayload::from)
        .expect_err("a retired step is not on the checklist");
    assert_eq!(refused.code, ErrorCode::InvalidInput);
    let empty = flotta
        .add_preconfig_step("   ")
        .map_err(ErrorPayload::from)
        .expect_err("a step needs a title");
    assert!(empty.message.contains("title"), "{}", empty.message);
    assert!(flotta.preconfig(Some(9_999)).is_err(), "no such delivery");

    // Who ticked what, unit by unit.
    let ticks = flotta.audit_log(&AuditFilter {
        entity: Some("purchase".into()),
        entity_id: Some("DRAWER1001".into()),
        ..AuditFilter::default()
    })?;
    assert_eq!(
        ticks.len(),
        5 + 1 + 2,
        "five for the delivery, one by hand, off and on"
    );
    assert!(
        ticks
            .iter()
            .all(|entry| entry.action == "preconfig" && entry.actor == "tester")
    );
    let template = flotta.audit_log(&AuditFilter {
        entity: Some("preconfig_template".into()),
        ..AuditFilter::default()
    })?;
    assert_eq!(template.len(), 2, "added and retired");
    Ok(())
}
