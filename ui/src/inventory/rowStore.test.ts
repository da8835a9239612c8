import { describe, expect, it } from "vitest";
import type { DevicePage, DeviceQuery, DeviceRow } from "../bindings";
import type { CommandResult } from "../api/call";
import { RowStore } from "./rowStore";
import { DEFAULT_VIEW, setFilter, setSearch } from "./viewState";

type Pending = { query: DeviceQuery; resolve: (result: CommandResult<DevicePage>) => void; reject: (e: unknown) => void };

/** A backend whose answers the test releases by hand, in any order. */
function fakeBackend() {
  const pending: Pending[] = [];
  const fetchPage = (query: DeviceQuery) =>
    new Promise<CommandResult<DevicePage>>((resolve, reject) => pending.push({ query, resolve, reject }));
  return { pending, fetchPage };
}

function row(id: number, tag = ""): DeviceRow {
  return {
    id,
    serial: `S${tag}${id}`,
    imei: null,
    manufacturer: "Apple",
    model: "iPhone 15",
    os: "ios",
    os_version: "18.1",
    ownership: "corporate",
    user_name: null,
    org_unit: null,
    lifecycle: "deployed",
    compliance: "compliant",
    last_check_in: null,
    jailbroken: false,
    purchase_date: null,
    supplier: null,
    warranty_end: null,
    certification: { state: "not_started" },
  };
}

/** Answers a pending query with rows numbered by their position, from a fleet of `total`. */
function answer(p: Pending, total: number, tag = "") {
  const end = Math.min(p.query.offset + p.query.limit, total);
  const rows: DeviceRow[] = [];
  for (let i = p.query.offset; i < end; i++) rows.push(row(i, tag));
  p.resolve({ status: "ok", data: { total, offset: p.query.offset, rows } });
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("RowStore", () => {
  it("asks only for the first block until the total is known", () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 100 });
    store.request({ start: 0, end: 450 });
    expect(backend.pending.map((p) => [p.query.offset, p.query.limit])).toEqual([[0, 100]]);
    expect(backend.pending[0]?.query.view).toEqual(DEFAULT_VIEW);
    expect(store.getTotal()).toBeNull();
  });

  it("fetches the rest of the visible range once the total arrives, and nothing beyond it", async () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 100 });
    store.request({ start: 0, end: 250 });
    answer(backend.pending[0]!, 50_000);
    await flush();
    expect(store.getTotal()).toBe(50_000);
    expect(store.getRow(42)?.serial).toBe("S42");
    expect(backend.pending.map((p) => p.query.offset)).toEqual([0, 100, 200]);
  });

  it("does not fetch a block that is loading or loaded", async () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 100 });
    store.request({ start: 0, end: 10 });
    store.request({ start: 0, end: 20 });
    expect(backend.pending).toHaveLength(1);
    answer(backend.pending[0]!, 1_000);
    await flush();
    store.request({ start: 5, end: 60 });
    expect(backend.pending).toHaveLength(1);
    store.request({ start: 950, end: 990 });
    expect(backend.pending.map((p) => p.query.offset)).toEqual([0, 900]);
  });

  it("ignores an answer for a view that has since changed", async () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 100 });
    store.request({ start: 0, end: 10 });
    const searched = setSearch(DEFAULT_VIEW, "anna");
    store.setView(searched);
    expect(backend.pending.map((p) => p.query.view.search)).toEqual(["", "anna"]);

    // The new view answers first, then the slow answer for the old view arrives.
    answer(backend.pending[1]!, 3, "new");
    await flush();
    answer(backend.pending[0]!, 50_000, "old");
    await flush();

    expect(store.getTotal()).toBe(3);
    expect(store.getRow(0)?.serial).toBe("Snew0");
    expect(store.getRow(3)).toBeUndefined();
  });

  it("reloads the rows in view after the register changed, ignoring answers from before", async () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 100 });
    store.request({ start: 0, end: 10 });
    answer(backend.pending[0]!, 0, "empty");
    await flush();
    expect(store.getTotal()).toBe(0);

    store.request({ start: 0, end: 10 });
    const before = backend.pending.length;
    store.reload();
    expect(backend.pending.length).toBe(before + 1);
    expect(backend.pending.at(-1)?.query.view).toEqual(DEFAULT_VIEW);
    answer(backend.pending.at(-1)!, 50_000, "synced");
    await flush();
    expect(store.getTotal()).toBe(50_000);
    expect(store.getRow(0)?.serial).toBe("Ssynced0");
  });

  it("drops the cache when the view changes but keeps the old height as placeholders", async () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 100 });
    store.request({ start: 0, end: 10 });
    answer(backend.pending[0]!, 500);
    await flush();
    const generation = store.getGeneration();

    expect(store.setView(setFilter(DEFAULT_VIEW, "os", "android"))).toBe(true);
    expect(store.getGeneration()).toBe(generation + 1);
    expect(store.getRow(0)).toBeUndefined();
    expect(store.getTotal()).toBeNull();
    expect(store.getDisplayCount()).toBe(500);
    expect(store.cachedBlocks()).toEqual([]);
  });

  it("keeps the cache for a view with the same content", async () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 100 });
    store.request({ start: 0, end: 10 });
    answer(backend.pending[0]!, 500);
    await flush();
    expect(store.setView({ ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters } })).toBe(false);
    expect(store.getRow(0)).toBeDefined();
    expect(backend.pending).toHaveLength(1);
  });

  it("reports a failed block and fetches it again on retry", async () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 100 });
    store.request({ start: 0, end: 10 });
    backend.pending[0]!.resolve({ status: "error", error: { code: "database_unavailable", message: "locked", field: null } });
    await flush();
    expect(store.getError()?.code).toBe("database_unavailable");

    // A failed block is not refetched by scrolling, only by an explicit retry.
    store.request({ start: 0, end: 10 });
    expect(backend.pending).toHaveLength(1);
    store.retry();
    expect(backend.pending).toHaveLength(2);
    answer(backend.pending[1]!, 5);
    await flush();
    expect(store.getError()).toBeNull();
    expect(store.getTotal()).toBe(5);
  });

  it("turns a thrown fetch into an error instead of an unhandled rejection", async () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 100 });
    store.request({ start: 0, end: 10 });
    backend.pending[0]!.reject(new TypeError("IPC bridge missing"));
    await flush();
    expect(store.getError()).toEqual({ code: "internal", message: "TypeError: IPC bridge missing", field: null });
  });

  it("evicts blocks far from the screen beyond its capacity", async () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 10, maxBlocks: 3 });
    store.request({ start: 0, end: 5 });
    answer(backend.pending[0]!, 1_000);
    await flush();
    for (const start of [100, 200, 300]) {
      store.request({ start, end: start + 5 });
      answer(backend.pending[backend.pending.length - 1]!, 1_000);
      await flush();
    }
    expect(store.cachedBlocks()).toEqual([10, 20, 30]);
    expect(store.getRow(0)).toBeUndefined();
    expect(store.getRow(305)?.serial).toBe("S305");
  });

  it("notifies subscribers when rows arrive", async () => {
    const backend = fakeBackend();
    const store = new RowStore(DEFAULT_VIEW, backend.fetchPage, { blockSize: 100 });
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    const before = store.getVersion();
    store.request({ start: 0, end: 10 });
    answer(backend.pending[0]!, 5);
    await flush();
    expect(calls).toBeGreaterThan(0);
    expect(store.getVersion()).not.toBe(before);
    unsubscribe();
  });
});
