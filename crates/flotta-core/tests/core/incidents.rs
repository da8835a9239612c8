//! A helpdesk's November (#16): cases logged, answered, escalated, paused and completed under
//! an agreement whose window changed mid-month, and the month's report against figures worked
//! out by hand from the agreement's terms.

use flotta_core::incident::{
    AvailabilityWindow, IncidentChannel, IncidentEvent, IncidentStanding, PauseReason, SupportLine,
    Target,
};
use flotta_core::repair::SlaType;
use flotta_core::{
    AgreementForm, CategoryRemoval, Clock, Config, ErrorCode, ErrorPayload, Flotta,
    IncidentEventForm, IncidentForm, IncidentQuery, IncidentView,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const THEFT: u32 = 5;

/// The register as the app opened on Tuesday 1 December 2026, 10:00 in Stockholm.
fn december(dir: &tempfile::TempDir) -> Result<Flotta, Box<dyn std::error::Error>> {
    Ok(Flotta::open(Config {
        database_path: dir.path().join("flotta.sqlite3"),
        actor: "helpdesk".into(),
        demo_devices: Some(50),
        clock: Clock::Fixed("2026-12-01T09:00:00Z".parse()?),
        retry: Default::default(),
    })?)
}

fn log(
    flotta: &Flotta,
    received: &str,
    category_id: u32,
    description: &str,
) -> Result<IncidentView, Box<dyn std::error::Error>> {
    Ok(flotta.log_incident(&IncidentForm {
        received_at: Some(received.parse()?),
        channel: IncidentChannel::Phone,
        reporter: "Åsa Öberg".into(),
        device_id: None,
        category_id,
        agreement_id: None,
        description: description.into(),
    })?)
}

fn step(
    flotta: &Flotta,
    case: &IncidentView,
    event: IncidentEvent,
    at: &str,
) -> Result<IncidentView, Box<dyn std::error::Error>> {
    Ok(flotta.record_incident_event(
        case.id,
        &IncidentEventForm {
            event,
            at: Some(at.parse()?),
            line: (event == IncidentEvent::Escalated).then_some(SupportLine::Second),
            reason: (event == IncidentEvent::Paused).then_some(PauseReason::AwaitingReporter),
            note: None,
            resolution: (event == IncidentEvent::Completed).then(|| "Löst i telefon".into()),
        },
    )?)
}

#[test]
fn a_helpdesks_november_judged_by_its_agreement_issue_16() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = december(&dir)?;
    let standard = flotta
        .support_agreements()?
        .into_iter()
        .find(|agreement| agreement.name == "Standard")
        .ok_or("the agreement every register starts with")?;
    let first_terms = standard.terms.first().ok_or("its terms")?.clone();
    assert_eq!(first_terms.window, AvailabilityWindow::WEEKDAYS_08_17);

    // Theft and loss must be solved within two hours; from Monday 16 November the supplier
    // is open 07–22.
    let mut targets = first_terms.targets.clone();
    targets.push(Target {
        category_id: Some(THEFT),
        line: None,
        response_minutes: Some(60),
        resolution_minutes: Some(120),
    });
    let form = AgreementForm {
        id: Some(standard.id),
        name: String::new(),
        window: first_terms.window,
        pausing: first_terms.pausing.clone(),
        targets: targets.clone(),
        valid_from: Some(first_terms.valid_from),
    };
    flotta.save_support_agreement(&form)?;
    let changed = flotta.save_support_agreement(&AgreementForm {
        window: AvailabilityWindow::WEEKDAYS_07_22,
        valid_from: Some("2026-11-15T23:00:00Z".parse()?),
        ..form
    })?;
    assert_eq!(changed.terms.len(), 2);

    // 1: Monday 2 November 09:00, answered at once, solved in two hours in first line.
    let one = log(&flotta, "2026-11-02T08:00:00Z", 4, "Mejlen synkar inte")?;
    step(
        &flotta,
        &one,
        IncidentEvent::Responded,
        "2026-11-02T08:20:00Z",
    )?;
    let one = step(
        &flotta,
        &one,
        IncidentEvent::Completed,
        "2026-11-02T10:00:00Z",
    )?;
    assert_eq!(one.clock.resolution_minutes, 120);
    assert_eq!(one.clock.standing, IncidentStanding::Inside);

    // 2: Tuesday 16:00, escalated after hours, solved Wednesday 16:00: 1 h + 8 h, exactly
    // the day's target, which is still inside.
    let two = log(&flotta, "2026-11-03T15:00:00Z", 1, "Skärmen är svart")?;
    step(
        &flotta,
        &two,
        IncidentEvent::Responded,
        "2026-11-03T15:30:00Z",
    )?;
    let escalated = step(
        &flotta,
        &two,
        IncidentEvent::Escalated,
        "2026-11-03T16:30:00Z",
    )?;
    assert_eq!(escalated.line, SupportLine::Second);
    let two = step(
        &flotta,
        &two,
        IncidentEvent::Completed,
        "2026-11-04T15:00:00Z",
    )?;
    assert_eq!(two.clock.resolution_minutes, 540);
    assert_eq!(two.clock.resolution.map(|r| r.margin_minutes), Some(0));
    assert_eq!(two.clock.standing, IncidentStanding::Inside);

    // 3: a stolen phone, three hours against two: outside by one.
    let three = log(
        &flotta,
        "2026-11-05T09:00:00Z",
        THEFT,
        "Telefonen stulen på bussen",
    )?;
    step(
        &flotta,
        &three,
        IncidentEvent::Responded,
        "2026-11-05T09:10:00Z",
    )?;
    let three = step(
        &flotta,
        &three,
        IncidentEvent::Completed,
        "2026-11-05T12:00:00Z",
    )?;
    assert_eq!(three.clock.resolution.map(|r| r.margin_minutes), Some(-60));
    assert_eq!(three.clock.standing, IncidentStanding::Outside);

    // 4: Friday 15:00, waiting for the reporter from 15:30 over the weekend to Monday 10:00.
    let four = log(&flotta, "2026-11-06T14:00:00Z", 2, "Appen kraschar")?;
    step(
        &flotta,
        &four,
        IncidentEvent::Responded,
        "2026-11-06T14:05:00Z",
    )?;
    let paused = step(
        &flotta,
        &four,
        IncidentEvent::Paused,
        "2026-11-06T14:30:00Z",
    )?;
    assert!(paused.paused_since.is_some());
    step(
        &flotta,
        &four,
        IncidentEvent::Resumed,
        "2026-11-09T09:00:00Z",
    )?;
    let four = step(
        &flotta,
        &four,
        IncidentEvent::Completed,
        "2026-11-09T12:00:00Z",
    )?;
    assert_eq!(four.clock.resolution_minutes, 30 + 180);
    assert_eq!(four.clock.paused_minutes, 90 + 120);
    assert_eq!(four.clock.paused_wall_minutes, 3 * 24 * 60 - 330);

    // 5: under the new terms from 07:30 to 21:00: 13.5 h, outside (the old window would
    // have counted 8 h, inside).
    let five = log(&flotta, "2026-11-16T06:30:00Z", 4, "Intune-profilen saknas")?;
    step(
        &flotta,
        &five,
        IncidentEvent::Responded,
        "2026-11-16T07:00:00Z",
    )?;
    let five = step(
        &flotta,
        &five,
        IncidentEvent::Completed,
        "2026-11-16T20:00:00Z",
    )?;
    assert_eq!(five.clock.response_minutes, 30);
    assert_eq!(five.clock.resolution_minutes, 810);

    // 6: still open and unanswered on 1 December.
    let six = log(&flotta, "2026-11-25T10:00:00Z", 3, "Hur byter jag PIN?")?;
    assert_eq!(six.clock.response_minutes, 11 * 60 + 3 * 15 * 60 + 3 * 60);
    assert_eq!(six.clock.standing, IncidentStanding::Outside);

    // 7: an e-mail on Sunday counts from Monday 07:00.
    let seven = flotta.log_incident(&IncidentForm {
        channel: IncidentChannel::Email,
        ..form_of("2026-11-29T12:00:00Z", 7, "Nytt abonnemang")?
    })?;
    step(
        &flotta,
        &seven,
        IncidentEvent::Responded,
        "2026-11-30T06:30:00Z",
    )?;
    let seven = step(
        &flotta,
        &seven,
        IncidentEvent::Completed,
        "2026-11-30T07:30:00Z",
    )?;
    assert_eq!(seven.clock.response_minutes, 30);
    assert_eq!(seven.clock.resolution_minutes, 90);

    // 8: Tuesday 1 December 00:30 in Stockholm belongs to December.
    log(&flotta, "2026-11-30T23:30:00Z", 1, "December")?;
    // 9: Sunday 1 November 00:30 in Stockholm belongs to November; completion answers it.
    let nine = log(
        &flotta,
        "2026-10-31T23:30:00Z",
        8,
        "Övrigt: ett 🦆-ärende\u{7}",
    )?;
    assert_eq!(nine.description, "Övrigt: ett 🦆-ärende");
    let nine = step(
        &flotta,
        &nine,
        IncidentEvent::Completed,
        "2026-11-02T07:30:00Z",
    )?;
    assert_eq!(nine.clock.response_minutes, 30);

    // "Other" is in use: removing it retires it, and no new case may use it.
    assert_eq!(
        flotta.remove_incident_category(8)?,
        CategoryRemoval::Retired
    );
    let refused = ErrorPayload::from(
        &log(&flotta, "2026-11-30T10:00:00Z", 8, "x")
            .err()
            .and_then(|error| error.downcast::<flotta_core::Error>().ok())
            .map(|error| *error)
            .ok_or("a retired category is refused")?,
    );
    assert_eq!(refused.field.as_deref(), Some("category_id"));

    let report = flotta.incident_report("2026-11", None, None)?;
    assert_eq!(
        report.head.terms.len(),
        2,
        "the agreement changed mid-month"
    );
    let ids: Vec<u32> = report.cases.iter().map(|case| case.id).collect();
    assert_eq!(
        ids,
        [
            nine.id, one.id, two.id, three.id, four.id, five.id, six.id, seven.id
        ]
    );
    let total = report.total;
    assert_eq!((total.cases, total.completed, total.first_line), (8, 7, 6));
    assert_eq!((total.inside, total.outside, total.running), (5, 3, 0));
    let count = |sv: &str| {
        report
            .by_category
            .iter()
            .find(|row| row.category.name_sv == sv)
            .map(|row| (row.tally.cases, row.tally.inside, row.tally.outside))
    };
    assert_eq!(count("EMM/MDM och synk"), Some((2, 1, 1)));
    assert_eq!(count("Stöld/förlust"), Some((1, 0, 1)));
    assert_eq!(count("Beställning (retur, återvinning)"), Some((0, 0, 0)));
    assert_eq!(
        count("Övrigt"),
        Some((1, 1, 0)),
        "a retired category keeps its cases"
    );
    let lines: Vec<(SupportLine, u32)> = report
        .by_line
        .iter()
        .map(|row| (row.line, row.tally.cases))
        .collect();
    assert_eq!(
        lines,
        [
            (SupportLine::First, 7),
            (SupportLine::Second, 1),
            (SupportLine::Third, 0)
        ]
    );
    let weeks: Vec<(u32, u32)> = report.by_week.iter().map(|w| (w.week, w.cases)).collect();
    assert_eq!(
        weeks,
        [(44, 1), (45, 4), (46, 0), (47, 1), (48, 2), (49, 0)]
    );
    // Resolutions 30, 90, 120, 180, 210, 540, 810 minutes.
    assert_eq!(report.median_resolution_hours, Some(3.0));
    assert_eq!(report.p90_resolution_hours, Some(13.5));

    // A unit no case belongs to has an empty month; an unknown agreement is named.
    let empty = flotta.incident_report("2026-11", Some("Ingen sådan enhet"), None)?;
    assert_eq!(empty.total.cases, 0);
    let unknown = ErrorPayload::from(
        &flotta
            .incident_report("2026-11", None, Some("Guld"))
            .expect_err("no such agreement"),
    );
    assert!(unknown.message.contains("Standard"), "{}", unknown.message);
    Ok(())
}

fn form_of(
    received: &str,
    category_id: u32,
    description: &str,
) -> Result<IncidentForm, Box<dyn std::error::Error>> {
    Ok(IncidentForm {
        received_at: Some(received.parse()?),
        channel: IncidentChannel::Phone,
        reporter: "Åsa Öberg".into(),
        device_id: None,
        category_id,
        agreement_id: None,
        description: description.into(),
    })
}

#[test]
fn refused_steps_and_a_repair_from_a_case() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = december(&dir)?;
    let device = flotta
        .query_devices(&flotta_core::DeviceQuery {
            view: flotta_core::InventoryView::default(),
            offset: 0,
            limit: 1,
        })?
        .rows
        .first()
        .ok_or("a demo device")?
        .id;
    let case = flotta.log_incident(&IncidentForm {
        device_id: Some(device),
        ..form_of("2026-11-30T08:00:00Z", 1, "Laddar inte")?
    })?;
    assert!(case.device.is_some());
    assert_eq!(
        case.next_events,
        [
            IncidentEvent::Responded,
            IncidentEvent::Escalated,
            IncidentEvent::Paused,
            IncidentEvent::Completed
        ]
    );

    let refuse = |form: IncidentEventForm| {
        ErrorPayload::from(
            &flotta
                .record_incident_event(case.id, &form)
                .expect_err("refused"),
        )
    };
    let completed_early = refuse(IncidentEventForm {
        event: IncidentEvent::Completed,
        at: Some("2026-11-30T07:00:00Z".parse()?),
        line: None,
        reason: None,
        note: None,
        resolution: Some("Ny kabel".into()),
    });
    assert_eq!(completed_early.code, ErrorCode::InvalidInput);
    assert_eq!(completed_early.field.as_deref(), Some("at"));
    let no_resolution = refuse(IncidentEventForm {
        event: IncidentEvent::Completed,
        at: None,
        line: None,
        reason: None,
        note: None,
        resolution: Some(" \u{1b} ".into()),
    });
    assert_eq!(no_resolution.field.as_deref(), Some("resolution"));
    let future = refuse(IncidentEventForm {
        event: IncidentEvent::Responded,
        at: Some("2026-12-24T07:00:00Z".parse()?),
        line: None,
        reason: None,
        note: None,
        resolution: None,
    });
    assert_eq!(future.field.as_deref(), Some("at"));

    let linked = flotta.open_repair_for_incident(case.id, SlaType::Swap)?;
    let repair = linked.repair_case_id.ok_or("the case links its repair")?;
    let repair = flotta.repair_case(repair)?;
    assert_eq!(repair.unit.device_id, device);
    assert_eq!(repair.fault, "Laddar inte");
    assert!(
        flotta
            .open_repair_for_incident(case.id, SlaType::Swap)
            .is_err()
    );

    let open = flotta.incidents(&IncidentQuery {
        open: Some(true),
        device_id: Some(device),
        limit: 50,
        ..IncidentQuery::default()
    })?;
    assert_eq!(open.total, 1);
    let audit = flotta.audit_log(&flotta_core::AuditFilter {
        entity: Some("incident".into()),
        ..flotta_core::AuditFilter::default()
    })?;
    assert!(
        audit
            .iter()
            .any(|entry| entry.entity == "incident" && entry.action == "link_repair"),
        "linking is in the audit log"
    );
    Ok(())
}

#[test]
fn a_helpdesk_export_imported_once_with_its_refused_rows_named() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = december(&dir)?;
    let serial = flotta
        .query_devices(&flotta_core::DeviceQuery {
            view: flotta_core::InventoryView::default(),
            offset: 0,
            limit: 1,
        })?
        .rows
        .first()
        .ok_or("a demo device")?
        .serial
        .clone();
    let file = format!(
        "Ärendenr;Registrerad;Första svar;Avslutad;Kategori;Nivå;Kanal;Anmälare;Serienummer;Förvaltning;Beskrivning;Lösning\r\n\
         INC-1;2026-11-02 09:00;2026-11-02 09:20;2026-11-02 11:00;Felanmälan;1;Telefon;Åsa;{serial};Skolförvaltningen;Skärmen är svart;Ny skärm\r\n\
         INC-2;2026-11-03 16:00;;2026-11-04 16:00;Nätverk;2;E-post;Per;OKÄNT123;Kulturförvaltningen;Wifi;Ny profil\r\n\
         INC-3;2026-11-05 10:00;;2026-11-04 10:00;Felanmälan;1;;;;;Fel ordning;\r\n\
         INC-4;2026-11-25 10:00;;;Hur gör jag?;1;Portal;Eva;;;Öppet ärende;\r\n"
    );
    let options = flotta_core::IncidentImportOptions::default();
    let preview = flotta.preview_incident_import("export.csv", file.as_bytes(), &options)?;
    assert!(preview.missing.is_empty(), "{:?}", preview.mapping);
    assert_eq!(
        (preview.rows, preview.to_add, preview.already_imported),
        (4, 3, 0)
    );
    assert_eq!(preview.refused.len(), 1);
    assert_eq!(preview.refused[0].line, 4);
    assert_eq!(preview.new_categories, ["Nätverk"]);
    assert_eq!(preview.devices_found, 1);
    assert_eq!(preview.devices_not_found, ["OKÄNT123"]);
    assert_eq!(
        flotta
            .incidents(&IncidentQuery {
                limit: 10,
                ..IncidentQuery::default()
            })?
            .total,
        0,
        "a preview writes nothing"
    );

    let imported = flotta.import_incidents("export.csv", file.as_bytes(), &options)?;
    assert_eq!(
        (
            imported.added,
            imported.refused_rows,
            imported.new_categories
        ),
        (3, 1, 1)
    );
    let again = flotta.import_incidents("export.csv", file.as_bytes(), &options)?;
    assert_eq!(
        (again.added, again.already_imported),
        (0, 3),
        "re-importing adds nothing"
    );

    let report = flotta.incident_report("2026-11", None, None)?;
    assert_eq!(report.total.cases, 3);
    let two = report
        .cases
        .iter()
        .find(|case| case.description == "Wifi")
        .ok_or("INC-2")?;
    // Escalated to second line, from Tuesday 16:00 to Wednesday 16:00 inside 08–17: 1 h + 8 h.
    assert_eq!(two.line, SupportLine::Second);
    assert_eq!(two.clock.resolution_minutes, 540);
    assert_eq!(two.org_unit.as_deref(), Some("Kulturförvaltningen"));
    let one = report
        .cases
        .iter()
        .find(|case| case.description == "Skärmen är svart")
        .ok_or("INC-1")?;
    assert_eq!(one.serial.as_deref(), Some(serial.as_str()));
    assert_eq!(one.clock.response_minutes, 20);
    let unit = flotta.incident_report("2026-11", Some("Skolförvaltningen"), None)?;
    assert_eq!(unit.total.cases, 1);
    Ok(())
}

#[test]
fn the_case_list_exports_as_a_workbook_with_swedish_times() -> TestResult {
    let dir = tempfile::tempdir()?;
    let flotta = december(&dir)?;
    let case = log(&flotta, "2026-11-30T08:00:00Z", 1, "=SUM(A1) Laddar inte")?;
    step(
        &flotta,
        &case,
        IncidentEvent::Completed,
        "2026-11-30T09:30:00Z",
    )?;
    log(&flotta, "2026-11-30T10:00:00Z", 2, "Öppet")?;
    let path = dir.path().join("arenden.xlsx");
    let query = IncidentQuery {
        open: Some(false),
        ..IncidentQuery::default()
    };
    assert_eq!(
        flotta.export_incidents(&query, flotta_core::TableFormat::Xlsx, &path)?,
        1,
        "only the completed case, as the list's filter says"
    );
    let bytes = std::fs::read(&path)?;
    assert!(bytes.starts_with(b"PK"), "a zip, as every .xlsx");
    let csv = dir.path().join("arenden.csv");
    flotta.export_incidents(&query, flotta_core::TableFormat::Csv, &csv)?;
    let text = std::fs::read_to_string(&csv)?;
    assert!(
        text.contains(";2026-11-30 09:00;2026-11-30 10:30;phone;Åsa Öberg;"),
        "{text}"
    );
    assert!(text.contains(";'=SUM(A1) Laddar inte;"), "{text}");
    Ok(())
}
