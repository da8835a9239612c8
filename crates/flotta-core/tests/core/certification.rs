//! Certifying a model level by level: a level opens only when the one before has passed, a
//! failed step holds the model until a retest passes, and every result is audited (#14).

use flotta_core::{CertificationStatus, ErrorCode, ErrorPayload, StepOutcome, StepReport, Vendor};

use super::sync::{emulator, synced};

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_model_is_certified_level_by_level_issue_14() -> TestResult {
    let emulator = emulator().await;
    let dir = tempfile::tempdir()?;
    let (flotta, _) = synced(&dir, &emulator, Vendor::Intune).await?;
    let models = flotta.models()?;
    let model = models
        .iter()
        .max_by_key(|m| m.units)
        .ok_or("the fleet has models")?
        .clone();
    assert!(model.units > 0);
    assert_eq!(model.status, CertificationStatus::NotStarted);

    let certification = flotta.model_certification(&model.manufacturer, &model.model)?;
    let step = |code: &str| {
        certification
            .steps
            .iter()
            .find(|s| s.step.code == code)
            .map(|s| s.step.id)
            .ok_or(format!("step {code}"))
    };
    let report = |code: &str, outcome| -> Result<StepReport, String> {
        Ok(StepReport {
            step_id: step(code)?,
            outcome,
            tester: "Kim Lind (leverantören)".into(),
            note: Some("Testat i labbet".into()),
        })
    };
    let record = |code: &str, outcome| -> Result<CertificationStatus, Box<dyn std::error::Error>> {
        Ok(flotta
            .record_certification_step(&model.manufacturer, &model.model, &report(code, outcome)?)?
            .status)
    };

    let early = flotta
        .record_certification_step(
            &model.manufacturer,
            &model.model,
            &report("2a", StepOutcome::Pass)?,
        )
        .map_err(ErrorPayload::from)
        .expect_err("level 2 is not open");
    assert_eq!(early.code, ErrorCode::LevelNotOpen, "{early}");

    record("1a", StepOutcome::Pass)?;
    record("1b", StepOutcome::Pass)?;
    assert_eq!(
        record("1c", StepOutcome::NotApplicable)?,
        CertificationStatus::InProgress { level: 2 }
    );
    assert_eq!(
        record("2a", StepOutcome::Fail)?,
        CertificationStatus::Stopped { level: 2 }
    );
    assert!(
        record("3a", StepOutcome::Pass).is_err(),
        "a failed step holds the model at its level"
    );
    record("2a", StepOutcome::Pass)?;
    record("2b", StepOutcome::Pass)?;
    record("3a", StepOutcome::Pass)?;
    record("3b", StepOutcome::Pass)?;
    let done = record("3c", StepOutcome::Pass)?;
    assert!(
        matches!(done, CertificationStatus::Certified { .. }),
        "{done:?}"
    );

    let listed = flotta
        .models()?
        .into_iter()
        .find(|m| m.model == model.model && m.manufacturer == model.manufacturer)
        .ok_or("listed")?;
    assert_eq!(listed.status, done);
    let steps = flotta.model_certification(&model.manufacturer, &model.model)?;
    let retested = steps
        .steps
        .iter()
        .find(|s| s.step.code == "2a")
        .ok_or("2a")?;
    assert_eq!(
        retested.latest.as_ref().map(|r| r.outcome),
        Some(StepOutcome::Pass)
    );
    assert_eq!(retested.history.len(), 1, "the failed test is kept");

    // The organisation's own step joins the template.
    let own = flotta.add_certification_step(3, "Test av larmappen")?;
    assert_eq!(own.code, "3d");
    let status = |flotta: &flotta_core::Flotta| -> Result<CertificationStatus, flotta_core::Error> {
        Ok(flotta
            .model_certification(&model.manufacturer, &model.model)?
            .status)
    };
    assert_eq!(
        status(&flotta)?,
        done,
        "a step added after the certificate leaves it as it is"
    );
    let own_step = flotta
        .model_certification(&model.manufacturer, &model.model)?
        .steps
        .into_iter()
        .find(|s| s.step.id == own.id)
        .ok_or("3d")?;
    assert!(own_step.open, "and may be tested");
    let audit = flotta.audit_log(&flotta_core::AuditFilter {
        entity: Some("model".into()),
        ..Default::default()
    })?;
    assert_eq!(audit.len(), 9, "every recorded result, the failed one too");
    flotta.record_certification_step(
        &model.manufacturer,
        &model.model,
        &StepReport {
            step_id: own.id,
            outcome: StepOutcome::Pass,
            tester: "Kim Lind".into(),
            note: None,
        },
    )?;
    assert!(matches!(
        status(&flotta)?,
        CertificationStatus::Certified { .. }
    ));
    Ok(())
}
