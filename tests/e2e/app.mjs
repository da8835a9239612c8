// Starting and stopping the real Flotta app through tauri-driver, and reading what it shows.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { remote } from "webdriverio";

export const byTestId = (id) => `[data-testid="${id}"]`;

/** A fresh folder for one test's database. */
export function freshDatabasePath() {
  return join(mkdtempSync(join(tmpdir(), "flotta-e2e-")), "flotta.sqlite3");
}

/** Starts the app on the database at `databasePath` and returns the WebDriver session. */
export async function startApp(databasePath, { demoDevices = 50_000 } = {}) {
  const port = Number(process.env.FLOTTA_DRIVER_PORT);
  if (!process.env.FLOTTA_APP || !port) {
    throw new Error("FLOTTA_APP and FLOTTA_DRIVER_PORT must be set; run tests/e2e/run.sh");
  }
  return remote({
    hostname: "127.0.0.1",
    port,
    logLevel: process.env.FLOTTA_E2E_LOG ?? "error",
    // A request lost between the driver and WebKitWebDriver is retried after this long,
    // instead of after webdriverio's default of two minutes.
    connectionRetryTimeout: 30_000,
    waitforTimeout: 15_000,
    capabilities: {
      "tauri:options": {
        application: process.env.FLOTTA_APP,
        args: ["--db", databasePath, "--demo-devices", String(demoDevices)],
      },
    },
  });
}

/** Waits until the app has finished starting and shows its first inventory page. */
export async function waitUntilReady(app) {
  await app.$(byTestId("app-ready")).waitForExist({ timeout: 60_000 });
}

/**
 * Waits until the demo tenant's sync has filled the inventory — no sync shown in the header,
 * and the same non-zero total twice a second apart — and returns that total.
 */
export async function waitForDemoSync(app) {
  let last = -1;
  await app.waitUntil(
    async () => {
      const syncing = await app.$(byTestId("header-sync-indicator")).isExisting();
      const total = await inventoryTotal(app);
      const settled = !syncing && total > 0 && total === last;
      last = total;
      return settled;
    },
    { timeout: 120_000, interval: 1_000, timeoutMsg: `the demo sync did not fill the inventory (last total: ${last})` },
  );
  return last;
}

/** The number of devices the inventory says match the current view. */
export async function inventoryTotal(app) {
  const total = await app.$(byTestId("inventory-total"));
  await total.waitForExist({ timeout: 10_000 });
  return Number(await total.getAttribute("data-total"));
}

/** Waits until the inventory total satisfies `predicate` and returns it. */
export async function waitForTotal(app, predicate, message) {
  let last;
  await app.waitUntil(
    async () => {
      last = await inventoryTotal(app);
      return predicate(last);
    },
    { timeout: 15_000, timeoutMsg: `${message} (last total: ${last})` },
  );
  return last;
}

export async function screenshot(app, name) {
  await app.saveScreenshot(join(import.meta.dirname, "artifacts", `${name}.png`));
}

/**
 * Runs a WebDriver action again when the element it found was re-rendered under it ("stale
 * element"). Lists re-render when a sync finishes — the demo sync ends right as a test starts
 * clicking — so a click can find a row that React replaces a moment later.
 */
export async function whenStable(action, attempts = 5) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts || !/stale element/i.test(String(error?.message))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
