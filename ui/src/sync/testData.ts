import type { SyncProgress, SyncRun } from "../bindings";

/** Builders for sync events and runs shared by the sync tests. */
export function run(change: Partial<SyncRun> = {}): SyncRun {
  return {
    id: 7,
    connection_id: 1,
    connection_name: "Demo tenant",
    mode: "full",
    status: "succeeded",
    started_at: "2026-11-20T08:15:00Z",
    finished_at: "2026-11-20T08:16:05Z",
    counts: { added: 12, updated: 40, unchanged: 49_940, missing: 3, returned: 0, warnings: 5 },
    pages: 50,
    records: 50_000,
    error_code: null,
    error: null,
    actor: "anna",
    ...change,
  };
}

export function progress(change: Partial<SyncProgress> = {}): SyncProgress {
  return {
    run_id: 7,
    connection_id: 1,
    connection_name: "Demo tenant",
    phase: "fetching",
    pages: 12,
    records: 12_400,
    total: 50_000,
    records_per_second: 3_100.4,
    seconds_left: 12.2,
    run: null,
    ...change,
  };
}
