// Starting and stopping the real Flotta app through tauri-driver, and reading what it shows.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
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
  await app.$(byTestId("app-ready")).waitForExist({ timeout: 60_000, timeoutMsg: "the app did not become ready within 60 s" });
}

/**
 * Calls one of the app's own commands (the ones the UI calls) from inside its window, to ask
 * the backend what has happened rather than guessing from the clock.
 */
export async function invoke(app, command, args = {}) {
  return app.execute((name, payload) => window.__TAURI_INTERNALS__.invoke(name, payload), command, args);
}

/**
 * Waits until the demo tenant's sync has ended — the register's sync history has a run, none
 * is running, and no connection is syncing any more (the run is stored as succeeded once the
 * devices are in; Intune's installed apps are read after that, still as part of the sync) —
 * checks that it succeeded, then waits until the header shows no running sync and the
 * inventory shows every device the register holds. Returns that number.
 */
export async function waitForDemoSync(app) {
  let runs = [];
  let syncing = [];
  await app.waitUntil(
    async () => {
      runs = await invoke(app, "sync_history", { connectionId: null });
      syncing = (await invoke(app, "list_connections")).filter((c) => c.syncing).map((c) => c.settings.name);
      return runs.length > 0 && runs.every((run) => run.status !== "running") && syncing.length === 0;
    },
    {
      timeout: 120_000,
      interval: 250,
      timeoutMsg: () =>
        `the demo sync did not end within 120 s (runs: ${JSON.stringify(runs.map((run) => run.status))}, ` +
        `still syncing: ${JSON.stringify(syncing)})`,
    },
  );
  for (const run of runs) {
    if (run.status !== "succeeded") {
      throw new Error(`the demo sync ${run.status}: ${run.error_code ?? ""} ${run.error ?? ""}`);
    }
  }
  const { total: fleet } = await invoke(app, "fleet_summary");
  if (!(fleet > 0)) throw new Error(`the demo sync succeeded but the register holds ${fleet} devices`);
  let indicator;
  let shown;
  let stale;
  await app.waitUntil(
    async () => {
      try {
        indicator = await app.$(byTestId("header-sync-indicator")).isExisting();
        shown = await inventoryTotal(app);
      } catch (error) {
        // The header re-rendered while it was being searched: look again at the next tick.
        if (!/stale element/i.test(String(error?.message))) throw error;
        stale = error.message;
        return false;
      }
      return !indicator && shown === fleet;
    },
    {
      timeout: 30_000,
      interval: 250,
      timeoutMsg: () =>
        `after the demo sync the inventory did not show the register's ${fleet} devices with no sync in the ` +
        `header within 30 s (shown: ${shown}, header still showing a sync: ${indicator}` +
        `${stale ? `, last stale element: ${stale}` : ""})`,
    },
  );
  return fleet;
}

/**
 * Waits until the backend has saved the inventory view (the UI saves it after a debounce) and
 * the language, as `expected` says, and returns the saved settings.
 */
export async function waitForSavedSettings(app, expected, message) {
  let settings;
  await app.waitUntil(
    async () => {
      settings = await invoke(app, "get_settings");
      return expected(settings);
    },
    { timeout: 15_000, interval: 100, timeoutMsg: () => `${message} within 15 s (saved: ${JSON.stringify(settings)})` },
  );
  return settings;
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
    { timeout: 15_000, timeoutMsg: () => `${message} within 15 s (last total: ${last})` },
  );
  return last;
}

/**
 * Waits until nothing matches `selector`. Looks the elements up afresh each time (a list
 * lookup, which cannot meet a stale element), so an element React removes while it is being
 * looked at is simply gone, not an error.
 */
export async function waitForGone(app, selector, what, timeout = 10_000) {
  await app.waitUntil(async () => (await app.$$(selector)).length === 0, {
    timeout,
    timeoutMsg: `${what} within ${timeout / 1000} s`,
  });
}

export async function screenshot(app, name) {
  await app.saveScreenshot(join(import.meta.dirname, "artifacts", `${name}.png`));
}

/**
 * Ends a test's app session with a screenshot of how the test left it
 * (`artifacts/last-<test>.png`), for `afterEach`: a failed test must not leave its app
 * running, as the driver allows one session at a time.
 */
export async function endSession(app, context) {
  if (!app) return;
  await screenshot(app, `last-${context.name.slice(0, 40).replace(/\W+/g, "-")}`).catch(() => {});
  await app.deleteSession().catch(() => {});
}

/**
 * Runs a WebDriver action again when the element it found was re-rendered under it ("stale
 * element"). Lists re-render when a sync finishes — the demo sync ends right as a test starts
 * clicking — so a click can find a row that React replaces a moment later. The action must
 * find its element afresh each time (by selector); finding it waits until the re-rendered
 * element is there. Any other error fails at once; a stale element still after `timeout` ms
 * fails with `what` and the last error.
 */
export async function whenStable(action, what, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await action();
    } catch (error) {
      if (!/stale element/i.test(String(error?.message))) throw error;
      if (Date.now() >= deadline) {
        throw new Error(`${what}: the element was still being replaced after ${timeout} ms (${error.message})`);
      }
      console.warn(`e2e: ${what}: the element was re-rendered under the action; finding it again`);
    }
  }
}

/** Clicks what the selector finds, finding it again if the list re-rendered under it. */
export async function clickStable(app, selector) {
  await whenStable(() => app.$(selector).click(), `clicking ${selector}`);
}

/** Replaces a form field's text, firing the input events React listens to. */
export async function fillField(app, testId, text) {
  await whenStable(async () => {
    const field = await app.$(byTestId(testId));
    await field.click();
    await app.keys(["Control", "a"]);
    await app.keys("Backspace");
    await field.setValue(text);
  }, `filling ${testId}`);
}

/**
 * Answers the system's save dialog (GTK's, a window of the app's own that WebDriver cannot
 * reach) as a user does: types `path` into its name field and presses Enter until the dialog
 * has closed — GTK's name field may take the first Enter to accept its completion of the folder
 * typed. xdotool finds the dialog by its title (the app's Swedish "Save as"), at most 15 s;
 * without a window manager under Xvfb it is focused directly rather than activated.
 */
export async function saveInDialog(path, title = "Spara som") {
  const xdotool = (...args) => promisify(execFile)("xdotool", args, { timeout: 15_000 });
  const { stdout } = await xdotool("search", "--sync", "--onlyvisible", "--name", `^${title}$`);
  const dialog = stdout.trim().split("\n")[0];
  await xdotool("windowfocus", "--sync", dialog, "key", "--clearmodifiers", "ctrl+a", "type", "--delay", "20", path);
  const open = () => xdotool("search", "--onlyvisible", "--name", `^${title}$`).then(
    () => true,
    () => false,
  );
  const deadline = Date.now() + 15_000;
  while (await open()) {
    if (Date.now() > deadline) throw new Error(`the save dialog "${title}" did not close on Enter within 15 s`);
    // Focusing fails once the dialog is gone, so no Enter reaches the app's own window.
    await xdotool("windowfocus", "--sync", dialog, "key", "Return").catch(() => {});
  }
}
