//! `flotta-cli sync`: one sync of one connection, with progress on stderr.

use flotta_core::{ErrorPayload, Flotta, SyncMode, SyncPhase};

use crate::connections::find;

pub(crate) fn run(
    flotta: &Flotta,
    connection: &str,
    mode: Option<SyncMode>,
) -> Result<(), ErrorPayload> {
    let found = find(flotta, connection)?;
    if let Some(secret) = crate::given_secret(false)? {
        flotta.use_secret_for_session(found.id, &secret)?;
    }
    if let Some(code) = crate::given_tenant_code() {
        flotta.use_tenant_code_for_session(found.id, &code)?;
    }
    let runtime = crate::connections::runtime()?;
    let run = runtime.block_on(flotta.sync_connection(found.id, mode, &|progress| {
        if progress.phase == SyncPhase::Fetching && progress.pages > 0 {
            eprintln!(
                "{}: {} pages, {} records",
                progress.connection_name, progress.pages, progress.records
            );
        }
    }))?;
    println!(
        "{}: {:?} sync {:?}: {} records, {} added, {} updated, {} unchanged, {} missing, {} returned, {} warnings",
        run.connection_name,
        run.mode,
        run.status,
        run.records,
        run.counts.added,
        run.counts.updated,
        run.counts.unchanged,
        run.counts.missing,
        run.counts.returned,
        run.counts.warnings
    );
    Ok(())
}
