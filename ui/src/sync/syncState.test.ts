import { describe, expect, it } from "vitest";
import type { SyncProgress } from "../bindings";
import {
  INITIAL_SYNC_STATE,
  connectionSyncView,
  runningSyncs,
  syncReducer,
  type SyncAction,
  type SyncState,
} from "./syncState";
import { progress, run } from "./testData";

function apply(...actions: SyncAction[]): SyncState {
  return actions.reduce(syncReducer, INITIAL_SYNC_STATE);
}

const event = (change: Partial<SyncProgress> = {}): SyncAction => ({ type: "progress", progress: progress(change) });
const finished = (id = 7, status: "succeeded" | "cancelled" = "succeeded"): SyncAction =>
  event({ run_id: id, phase: "finished", run: run({ id, status }) });

describe("syncReducer", () => {
  it("keeps the latest progress of a running sync per connection", () => {
    const state = apply(event({ records: 100 }), event({ records: 200 }), event({ connection_id: 2, run_id: 9 }));
    expect(state.byConnection.get(1)).toMatchObject({ kind: "running", runId: 7, progress: { records: 200 } });
    expect(state.byConnection.get(2)).toMatchObject({ kind: "running", runId: 9 });
  });

  it("turns the finished event into a result and counts it once", () => {
    const state = apply(event(), finished(), finished());
    expect(state.byConnection.get(1)).toMatchObject({ kind: "finished", runId: 7, run: { status: "succeeded" } });
    expect(state.registerChanges).toBe(1);
  });

  it("counts stored devices as a change when the run goes on to read their apps, once", () => {
    const state = apply(
      event({ phase: "applying" }),
      event({ phase: "reading_apps", records: 10, total: 600 }),
      event({ phase: "reading_apps", records: 300, total: 600 }),
    );
    expect(state.registerChanges).toBe(1);
    expect(apply(event({ phase: "applying" }), event({ phase: "reading_apps" }), finished()).registerChanges).toBe(2);
  });

  it("counts a person's change of the register, leaving the syncs as they are", () => {
    const before = apply(event());
    const after = syncReducer(before, { type: "edited" });
    expect(after.registerChanges).toBe(before.registerChanges + 1);
    expect(after.byConnection).toBe(before.byConnection);
  });

  it("ignores progress that arrives after its run has finished", () => {
    const state = apply(event(), finished(), event({ records: 49_000 }));
    expect(state.byConnection.get(1)?.kind).toBe("finished");
  });

  it("ignores events of an older run once a newer one is known", () => {
    const state = apply(event({ run_id: 8 }), event({ run_id: 7, records: 5 }));
    expect(state.byConnection.get(1)).toMatchObject({ runId: 8, progress: { records: 12_400 } });
  });

  it("replaces a shown result when the next sync of the connection starts", () => {
    const state = apply(finished(7), event({ run_id: 8, phase: "signing_in" }));
    expect(state.byConnection.get(1)).toMatchObject({ kind: "running", runId: 8 });
  });

  it("shows a started sync before its first event, but never over events already seen", () => {
    const started: SyncAction = { type: "started", connectionId: 1, connectionName: "Demo tenant", runId: 7 };
    expect(apply(started).byConnection.get(1)).toMatchObject({ kind: "running", progress: null });
    // The events overtook the command's answer: the answer must not reset the progress.
    expect(apply(event(), started).byConnection.get(1)).toMatchObject({ progress: { records: 12_400 } });
    expect(apply(event(), finished(), started).byConnection.get(1)?.kind).toBe("finished");
  });

  it("dismisses finished results only", () => {
    const dismiss: SyncAction = { type: "dismiss", connectionId: 1 };
    expect(apply(event(), dismiss).byConnection.has(1)).toBe(true);
    expect(apply(event(), finished(), dismiss).byConnection.has(1)).toBe(false);
  });
});

describe("runningSyncs", () => {
  it("lists running syncs by connection name, without finished ones", () => {
    const state = apply(
      event({ connection_id: 1, connection_name: "Workspace ONE" }),
      event({ connection_id: 2, run_id: 3, connection_name: "Intune" }),
      finished(7),
    );
    expect(runningSyncs(state).map((entry) => entry.connectionName)).toEqual(["Intune"]);
  });
});

describe("connectionSyncView", () => {
  const idle = { id: 1, syncing: false, last_run: run() };

  it("shows nothing for a connection without a sync", () => {
    expect(connectionSyncView(idle, INITIAL_SYNC_STATE)).toEqual({ kind: "none" });
  });

  it("trusts the list for a sync whose events have not arrived", () => {
    const syncing = { id: 1, syncing: true, last_run: run({ id: 9, status: "running", finished_at: null }) };
    expect(connectionSyncView(syncing, INITIAL_SYNC_STATE)).toEqual({ kind: "running", runId: 9, progress: null });
    // A result from an earlier run must not hide the one running now.
    expect(connectionSyncView(syncing, apply(finished(7))).kind).toBe("running");
  });

  it("trusts the finished event over a list loaded before it", () => {
    const stale = { id: 1, syncing: true, last_run: run({ id: 7, status: "running", finished_at: null }) };
    expect(connectionSyncView(stale, apply(event(), finished(7)))).toMatchObject({ kind: "finished", runId: 7 });
  });

  it("shows live progress from events", () => {
    expect(connectionSyncView(idle, apply(event()))).toMatchObject({ kind: "running", progress: { pages: 12 } });
  });
});
