//! A coordinator's repairs (#15): a swap case from report to the repaired unit back in the
//! pool, with the pool's cover following; a mail-in case reported after the cut-off breaching
//! its due day; each refused order; closure days moving due times; the month's SLA report
//! read back from its CSV; what a scan finds. Time moves by opening the same register with
//! a later fixed clock, as the app would be opened on a later day.

use std::collections::BTreeMap;

use flotta_core::repair::{RepairEvent, SlaStanding, SlaType};
use flotta_core::{
    AuditFilter, Clock, Config, DeviceQuery, DeviceRow, ErrorCode, ErrorPayload, Flotta,
    InventoryView, Lifecycle, LifecycleMove, RepairCaseForm, RepairCaseQuery, RepairEventForm,
    Vendor,
};

use super::sync::{emulator, synced};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The register in `dir` as the app opened at `time` (UTC) sees it.
fn at(dir: &tempfile::TempDir, time: &str) -> Result<Flotta, Box<dyn std::error::Error>> {
    Ok(Flotta::open(Config {
        database_path: dir.path().join("flotta.sqlite3"),
        actor: "samordnare".into(),
        demo_devices: None,
        clock: Clock::Fixed(time.parse()?),
        retry: Default::default(),
    })?)
}

fn event(event: RepairEvent, time: &str) -> Result<RepairEventForm, Box<dyn std::error::Error>> {
    Ok(RepairEventForm {
        event,
        at: Some(time.parse()?),
        note: None,
        unit_id: None,
    })
}

fn refused(result: Result<impl std::fmt::Debug, flotta_core::Error>) -> ErrorPayload {
    ErrorPayload::from(result.expect_err("refused"))
}

/// The synced units grouped by model, the most common model first.
fn units_by_model(flotta: &Flotta) -> Result<Vec<Vec<DeviceRow>>, flotta_core::Error> {
    let page = flotta.query_devices(&DeviceQuery {
        view: InventoryView::default(),
        offset: 0,
        limit: 500,
    })?;
    let mut models: BTreeMap<(String, String), Vec<DeviceRow>> = BTreeMap::new();
    for row in page.rows {
        models
            .entry((row.manufacturer.clone(), row.model.clone()))
            .or_default()
            .push(row);
    }
    let mut models: Vec<_> = models.into_values().collect();
    models.sort_by_key(|units| std::cmp::Reverse(units.len()));
    Ok(models)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinators_swaps_and_mail_ins_on_swedish_working_days_issue_15() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::Intune).await?;
    let models = units_by_model(&flotta)?;
    let common = &models[0];
    assert!(common.len() >= 4, "a model with four units");
    let other = models.last().ok_or("another model")?;
    let (broken, pool, mailed) = (&common[0], &common[1..3], &common[3]);

    // Tuesday 1 December 2026, 10:30 in Stockholm: two units go into the swap pool.
    let tuesday = at(&dir, "2026-12-01T09:30:00Z")?;
    for unit in pool {
        tuesday.move_unit(
            unit.id,
            &LifecycleMove {
                to: Lifecycle::InSwapPool,
                reason: "swap pool".into(),
            },
        )?;
    }
    let cover = |flotta: &Flotta| -> Result<_, flotta_core::Error> {
        let overview = flotta.pool_overview()?;
        Ok(overview
            .models
            .into_iter()
            .find(|model| model.model == broken.model)
            .map(|model| {
                (
                    model.available,
                    model.sent,
                    model.at_workshop,
                    model.cover.weeks,
                )
            }))
    };
    assert_eq!(cover(&tuesday)?, Some((2, 0, 0, None)), "no swaps yet");

    // A fault reported at 10:30 with swap service: the replacement is due today.
    let case = tuesday.open_repair_case(&RepairCaseForm {
        device_id: broken.id,
        sla: SlaType::Swap,
        fault: "Skärmen är sprucken".into(),
        reported_by: "Anna Lund".into(),
        reported_at: None,
    })?;
    assert_eq!(case.unit.lifecycle, Lifecycle::InRepair);
    let next = case.next_due.ok_or("a promise is due")?;
    assert_eq!(
        (next.event, next.due_day.to_string()),
        (RepairEvent::ReplacementShipped, "2026-12-01".to_owned())
    );
    assert_eq!(
        (case.standing, case.margin_working_days),
        (SlaStanding::AtRisk, 0)
    );
    assert_eq!(
        case.next_events,
        [RepairEvent::ReplacementShipped, RepairEvent::Received]
    );

    // One open case per unit; events in their order.
    let twice = refused(tuesday.open_repair_case(&RepairCaseForm {
        device_id: broken.id,
        sla: SlaType::MailIn,
        fault: "Igen".into(),
        reported_by: "Anna Lund".into(),
        reported_at: None,
    }));
    assert_eq!(
        twice.field.as_deref(),
        Some("device_id"),
        "{}",
        twice.message
    );
    let early = refused(tuesday.record_repair_event(
        case.id,
        &event(RepairEvent::Repaired, "2026-12-01T08:30:00Z")?,
    ));
    assert_eq!(
        (early.code, early.field.as_deref()),
        (ErrorCode::InvalidInput, Some("event"))
    );
    assert!(early.message.contains("received"), "{}", early.message);
    let future = refused(tuesday.record_repair_event(
        case.id,
        &event(RepairEvent::ReplacementShipped, "2026-12-02T08:30:00Z")?,
    ));
    assert_eq!(future.field.as_deref(), Some("at"));

    // Shipped at once: a pool unit of the same model goes out.
    let shipped = tuesday.record_repair_event(
        case.id,
        &event(RepairEvent::ReplacementShipped, "2026-12-01T09:30:00Z")?,
    )?;
    let sent_unit = shipped.events[1].unit_id.ok_or("a unit went out")?;
    assert!(pool.iter().any(|unit| unit.id == sent_unit));
    assert_eq!(
        tuesday.device_detail(sent_unit)?.lifecycle,
        Lifecycle::Deployed
    );
    // One swap in eight weeks: 0.125 a week, the one unit left lasts eight weeks.
    assert_eq!(cover(&tuesday)?, Some((1, 1, 0, Some(8.0))));

    // The units of an open case move with its steps, not by hand.
    let by_hand = refused(tuesday.move_unit(
        sent_unit,
        &LifecycleMove {
            to: Lifecycle::InSwapPool,
            reason: "back".into(),
        },
    ));
    assert!(
        by_hand.message.contains("open repair case"),
        "{}",
        by_hand.message
    );

    // Wednesday: the user works again, the broken unit reaches the workshop. Saturday is
    // no working day for the workshop.
    let wednesday = at(&dir, "2026-12-02T15:00:00Z")?;
    for (kind, time) in [
        (RepairEvent::UserWorking, "2026-12-02T08:00:00Z"),
        (RepairEvent::Received, "2026-12-02T12:00:00Z"),
    ] {
        wednesday.record_repair_event(case.id, &event(kind, time)?)?;
    }
    assert_eq!(cover(&wednesday)?, Some((1, 0, 1, Some(8.0))));
    let monday = at(&dir, "2026-12-07T15:00:00Z")?;
    let saturday = refused(monday.record_repair_event(
        case.id,
        &event(RepairEvent::Repaired, "2026-12-05T10:00:00Z")?,
    ));
    assert_eq!(saturday.field.as_deref(), Some("at"));
    assert!(saturday.message.contains("weekend"), "{}", saturday.message);
    monday.record_repair_event(
        case.id,
        &event(RepairEvent::Repaired, "2026-12-07T09:00:00Z")?,
    )?;
    let done = monday.record_repair_event(
        case.id,
        &event(RepairEvent::ReturnedToPool, "2026-12-07T14:00:00Z")?,
    )?;
    assert!(done.closed_at.is_some(), "the swap is over");
    assert!(done.next_events.is_empty());
    assert_eq!(
        (done.standing, done.clock.milestones.len()),
        (SlaStanding::OnTime, 2)
    );
    assert_eq!(
        monday.device_detail(broken.id)?.lifecycle,
        Lifecycle::InSwapPool
    );
    assert_eq!(
        cover(&monday)?,
        Some((2, 0, 0, Some(16.0))),
        "back in the pool"
    );

    // A mail-in reported at 16:30 on Tuesday counts from Wednesday: due Wednesday 16th.
    let mail_in = monday.open_repair_case(&RepairCaseForm {
        device_id: mailed.id,
        sla: SlaType::MailIn,
        fault: "Laddar inte".into(),
        reported_by: "Bo Ek".into(),
        reported_at: Some("2026-12-01T15:30:00Z".parse()?),
    })?;
    assert_eq!(mail_in.clock.start_day.to_string(), "2026-12-02");
    let due =
        |case: &flotta_core::RepairCaseView| case.next_due.map(|next| next.due_day.to_string());
    assert_eq!(due(&mail_in).as_deref(), Some("2026-12-16"));
    // The organisation closes on Monday 14 December: the due day moves to the 17th.
    assert!(monday.add_closure_day("2026-12-14".parse()?, "Personaldag")?);
    assert_eq!(
        due(&monday.repair_case(mail_in.id)?).as_deref(),
        Some("2026-12-17")
    );
    assert!(monday.remove_closure_day("2026-12-14".parse()?)?);
    let friday_after = at(&dir, "2026-12-18T09:00:00Z")?;
    let late = friday_after.repair_case(mail_in.id)?;
    assert_eq!(
        (late.standing, late.margin_working_days),
        (SlaStanding::Breached, -2)
    );

    // Another model has no pool units: the swap says so.
    let lone = friday_after.open_repair_case(&RepairCaseForm {
        device_id: other[0].id,
        sla: SlaType::Swap,
        fault: "Startar inte".into(),
        reported_by: "Cia Berg".into(),
        reported_at: None,
    })?;
    let none = refused(friday_after.record_repair_event(
        lone.id,
        &event(RepairEvent::ReplacementShipped, "2026-12-18T09:00:00Z")?,
    ));
    assert_eq!(
        (none.code, none.field.as_deref()),
        (ErrorCode::NoPoolUnit, Some("unit_id"))
    );
    assert!(none.message.contains(&other[0].model), "{}", none.message);

    // The list: open cases first, the breached one on top.
    let list = friday_after.repair_cases(&RepairCaseQuery {
        open: Some(true),
        limit: 50,
        ..RepairCaseQuery::default()
    })?;
    assert_eq!(list.total, 2);
    assert_eq!(list.rows[0].id, mail_in.id);

    // A scan finds the unit and offers the next step.
    let scanned = friday_after.scan(&format!(" {} ", mailed.serial.to_lowercase()))?;
    assert_eq!(scanned.case.map(|case| case.id), Some(mail_in.id));
    assert_eq!(scanned.suggested, Some(RepairEvent::Received));
    let unknown = friday_after.scan("NOSUCHUNIT")?;
    assert!(unknown.unit.is_none());

    // December's report: the swap kept its promises, the mail-in broke its own.
    let report = friday_after.sla_report("2026-12", None)?;
    let row = |sla| report.by_type.iter().find(|row| row.sla == sla);
    let swap = row(SlaType::Swap).ok_or("swap figures")?;
    assert_eq!(
        (swap.cases, swap.within, swap.breached, swap.pending),
        (2, 1, 0, 1)
    );
    assert_eq!(
        swap.median_turnaround,
        Some(1.0),
        "working again the next day"
    );
    let mail = row(SlaType::MailIn).ok_or("mail-in figures")?;
    assert_eq!(
        (mail.cases, mail.breached, mail.within_share),
        (1, 1, Some(0.0))
    );
    assert_eq!(report.breached.len(), 1);
    assert_eq!(report.breached[0].late_working_days, 2);
    let path = dir.path().join("sla-2026-12.csv");
    friday_after.export_sla_report_csv("2026-12", None, &path)?;
    let csv = std::fs::read_to_string(&path)?;
    assert!(csv.starts_with('\u{feff}'));
    assert!(
        csv.contains("Utbytesservice;2;1;0;1;100,0;1,0;1,0"),
        "{csv}"
    );
    assert!(
        csv.contains(&format!("{};{}", mail_in.id, "Inskicksservice")),
        "{csv}"
    );

    // Every step is in the audit log.
    let audit = friday_after.audit_log(&AuditFilter {
        entity: Some("repair_case".into()),
        ..AuditFilter::default()
    })?;
    let steps = audit
        .iter()
        .filter(|entry| entry.entity_id.as_deref() == Some(&case.id.to_string()))
        .count();
    assert_eq!(steps, 7, "created, reported and five steps");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_loaner_goes_out_comes_back_and_is_overdue_in_between_issue_15() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::Intune).await?;
    let models = units_by_model(&flotta)?;
    // The loaner may be of any model: the pool holds one of another model only.
    let (broken, loaner) = (&models[0][0], &models[1][0]);
    let monday = at(&dir, "2026-11-30T08:00:00Z")?;
    monday.move_unit(
        loaner.id,
        &LifecycleMove {
            to: Lifecycle::InSwapPool,
            reason: "loaners".into(),
        },
    )?;
    let case = monday.open_repair_case(&RepairCaseForm {
        device_id: broken.id,
        sla: SlaType::MailInWithLoaner,
        fault: "Mikrofonen hörs inte".into(),
        reported_by: "Dan Ås".into(),
        reported_at: None,
    })?;
    let shipped = monday.record_repair_event(
        case.id,
        &event(RepairEvent::LoanerShipped, "2026-11-30T08:00:00Z")?,
    )?;
    assert_eq!(
        shipped.loaner.as_ref().map(|l| l.device_id),
        Some(loaner.id)
    );
    let later = at(&dir, "2026-12-03T12:00:00Z")?;
    let out = monday.pool_overview()?.loaners;
    assert_eq!(out.len(), 1);
    assert_eq!(
        (out[0].loaner_serial.as_str(), out[0].overdue),
        (loaner.serial.as_str(), false)
    );
    for (kind, time) in [
        (RepairEvent::UserWorking, "2026-11-30T15:00:00Z"),
        (RepairEvent::Received, "2026-12-01T09:00:00Z"),
        (RepairEvent::Repaired, "2026-12-02T09:00:00Z"),
        (RepairEvent::ReturnedToUser, "2026-12-03T09:00:00Z"),
    ] {
        later.record_repair_event(case.id, &event(kind, time)?)?;
    }
    let open = later.repair_case(case.id)?;
    assert!(open.closed_at.is_none(), "open until the loaner is back");
    assert_eq!(open.next_events, [RepairEvent::LoanerReturned]);
    assert_eq!(
        later.device_detail(broken.id)?.lifecycle,
        Lifecycle::Deployed
    );
    // Six working days after the user had their own unit back, the loaner is overdue.
    let overdue = at(&dir, "2026-12-11T12:00:00Z")?;
    assert!(overdue.pool_overview()?.loaners[0].overdue);
    // Scanning the loaner when it comes back offers to take it in.
    let scanned = overdue.scan(&loaner.serial)?;
    assert_eq!(
        (scanned.case.map(|c| c.id), scanned.suggested),
        (Some(case.id), Some(RepairEvent::LoanerReturned))
    );
    let closed = overdue.record_repair_event(
        case.id,
        &event(RepairEvent::LoanerReturned, "2026-12-11T12:00:00Z")?,
    )?;
    assert!(closed.closed_at.is_some());
    assert_eq!(
        overdue.device_detail(loaner.id)?.lifecycle,
        Lifecycle::InSwapPool
    );
    assert!(overdue.pool_overview()?.loaners.is_empty());
    Ok(())
}
