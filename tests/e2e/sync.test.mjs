// A sync as a user runs it: the demo tenant fills the inventory, then the user adds a second
// connection (Workspace ONE, served by the same built-in emulator), tests it, syncs it, and
// sees the devices matched to the units already there and the run in the history.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import {
  byTestId,
  clickStable,
  endSession,
  fillField,
  freshDatabasePath,
  inventoryTotal,
  screenshot,
  startApp,
  waitForDemoSync,
  waitForGone,
  waitForTotal,
  waitUntilReady,
} from "./app.mjs";

let app;
afterEach(async (context) => {
  await endSession(app, context);
  app = undefined;
});

const deadline = { timeout: 240_000 };

const fill = (testId, text) => fillField(app, testId, text);

const click = (selector) => clickStable(app, selector);

const demoRow = `${byTestId("connection-row")}[data-name="Demo tenant (Intune)"]`;

/** Opens the connections view and reads where the built-in emulator listens. */
async function demoRoot() {
  await click(byTestId("nav-connections"));
  await app.$(byTestId("connections-view")).waitForDisplayed({ timeout: 10_000 });
  // Selectors rather than element handles: the list re-renders when syncs finish.
  await app.$(demoRow).waitForDisplayed({ timeout: 10_000 });
  await app.$(byTestId("sync-run-row")).waitForExist({ timeout: 10_000 });
  // The demo connection's settings say where the built-in emulator listens.
  await click(`${demoRow} ${byTestId("connection-edit")}`);
  await app.$(byTestId("connection-form")).waitForDisplayed({ timeout: 5_000 });
  const graphUrl = await app.$(byTestId("connection-field-base_url")).getValue();
  const root = graphUrl.replace(/\/graph$/, "");
  assert.match(root, /^http:\/\/127\.0\.0\.1:\d{4,5}$/, `the demo tenant runs on loopback (${graphUrl})`);
  await app.keys("Escape");
  await waitForGone(app, byTestId("connection-form"), "the connection form closes", 5_000);
  return root;
}

/** Opens "Add connection" and fills in a Workspace ONE connection to the emulator, all but the secret. */
async function openWorkspaceOneForm(root, name) {
  await click(byTestId("connection-add"));
  await app.$(byTestId("connection-form")).waitForDisplayed({ timeout: 5_000 });
  await app.$(byTestId("connection-field-vendor")).selectByAttribute("value", "workspace_one");
  await fill("connection-field-name", name);
  await fill("connection-field-base_url", `${root}/ws1`);
  await fill("connection-field-token_url", `${root}/ws1-auth/connect/token`);
  await fill("connection-field-tenant", "EXEMPELSTAD-API-KEY");
  await fill("connection-field-client_id", "flotta-demo");
  // The app under test has no Secret Service (run.sh starts it without a session bus): the
  // form says so and keeps the secret for this session, already ticked.
  await app.$(byTestId("keyring-unavailable")).waitForDisplayed({ timeout: 5_000 });
  assert.ok(await app.$(byTestId("connection-session-only")).isSelected(), "session only is the default");
}

test("a user adds a Workspace ONE connection, tests it, syncs it and sees it in the history", deadline, async () => {
  app = await startApp(freshDatabasePath(), { demoDevices: 1_500 });
  await waitUntilReady(app);
  const fleet = await waitForDemoSync(app);

  const root = await demoRoot();
  await screenshot(app, "sync-01-connections");
  await openWorkspaceOneForm(root, "Workspace ONE (gamla avtalet)");
  await fill("connection-field-secret", "not-the-secret");

  // A wrong secret is named as such.
  await click(byTestId("connection-test"));
  const result = await app.$(byTestId("connection-test-result"));
  await app.waitUntil(async () => (await result.getAttribute("data-status")) === "error", {
    timeout: 20_000,
    timeoutMsg: "the test with a wrong secret fails",
  });
  assert.equal(await result.getAttribute("data-code"), "sign_in_rejected");
  await screenshot(app, "sync-02-wrong-secret");

  await fill("connection-field-secret", "demo-secret");
  await click(byTestId("connection-test"));
  await app.waitUntil(async () => (await app.$(byTestId("connection-test-result")).getAttribute("data-status")) === "ok", {
    timeout: 20_000,
    timeoutMsg: "the test with the right secret succeeds",
  });
  await click(byTestId("connection-save"));
  await waitForGone(app, byTestId("connection-form"), "the connection form closes");

  const ws1Row = `${byTestId("connection-row")}[data-name="Workspace ONE (gamla avtalet)"]`;
  await app.$(ws1Row).waitForDisplayed({ timeout: 10_000 });
  assert.equal(
    await app.$(`${ws1Row} ${byTestId("connection-secret")}`).getAttribute("data-secret"),
    "session",
    "the secret is kept for this session only",
  );
  await click(`${ws1Row} ${byTestId("connection-full-sync")}`);
  const ws1Result = `${byTestId("sync-result")}[data-connection="Workspace ONE (gamla avtalet)"]`;
  await app.$(ws1Result).waitForExist({ timeout: 60_000, timeoutMsg: "the Workspace ONE sync ends" });
  assert.equal(await app.$(ws1Result).getAttribute("data-status"), "succeeded", "the Workspace ONE sync succeeds");
  await screenshot(app, "sync-03-synced");

  await app.waitUntil(async () => (await app.$$(byTestId("sync-run-row"))).length >= 2, {
    timeout: 10_000,
    timeoutMsg: "the history lists the demo sync and the new one",
  });
  const newest = (await app.$$(byTestId("sync-run-row")))[0];
  assert.equal(await newest.getAttribute("data-status"), "succeeded");
  assert.match(await newest.getText(), /Workspace ONE/);

  // Both EMMs report the same phones: matched by serial, not doubled. The one enrolment the
  // demo tenant's Graph listing sends without serial or IMEI is a unit known by its Intune
  // record; Workspace ONE knows the same phone by its serial, and without an identifier in
  // common the two cannot be joined, so exactly one unit is added.
  await click(byTestId("nav-inventory"));
  assert.equal(await inventoryTotal(app), fleet + 1, "the inventory has one row per unit");

  // That unit is flagged, and a filter finds the units without a hardware identifier.
  await click(byTestId("filter-without-hardware-id"));
  await waitForTotal(app, (total) => total >= 1 && total < fleet, "the filter finds the unidentified units");
  // The row has no serial, and its serial cell explains why (its tooltip).
  const row = await app.$(byTestId("device-row"));
  await row.waitForExist({ timeout: 10_000, timeoutMsg: "a row is shown within 10 s" });
  assert.equal(await row.getAttribute("data-serial"), "", "the unit has no serial");
  const why = await row.$("td:nth-child(2)").getAttribute("title");
  assert.match(why ?? "", /varken serienummer eller IMEI/, "the cell says why there is none");
  await click(byTestId("filter-without-hardware-id"));
  await waitForTotal(app, (total) => total === fleet + 1, "the filter is off again");

  // Workspace ONE reports every device's apps: the panel lists them and says who reported.
  await click(`${byTestId("device-row")} td:nth-child(2)`);
  await app.$(byTestId("device-detail")).waitForDisplayed({ timeout: 10_000 });

  // The unit is in both EMMs: its panel lists both records, and which one speaks for it.
  const sourceRow = byTestId("device-source-row");
  await app.waitUntil(async () => (await app.$$(sourceRow)).length === 2, {
    timeout: 10_000,
    timeoutMsg: "the panel lists the unit's two EMM records",
  });
  const sourceRows = await app.$$(sourceRow);
  const sources = [];
  for (const row of sourceRows) sources.push(await row.getAttribute("data-source"));
  assert.ok(sources.includes("Workspace ONE (gamla avtalet)"), `Workspace ONE is a source: ${sources}`);
  assert.equal(new Set(sources).size, 2, `two different connections: ${sources}`);
  let speaking = 0;
  for (const row of sourceRows) if ((await row.getAttribute("data-speaks")) === "true") speaking += 1;
  assert.equal(speaking, 1, "exactly one record speaks for the unit");
  const section = byTestId("device-apps");
  await app.waitUntil(async () => (await app.$(section).getAttribute("data-count")) !== null, {
    timeout: 10_000,
    timeoutMsg: "the device's apps load",
  });
  const count = Number(await app.$(section).getAttribute("data-count"));
  assert.ok(count > 15, `a phone has dozens of apps (${count})`);
  const ws1Reported = `${byTestId("device-apps-reported")}[data-source="Workspace ONE (gamla avtalet)"]`;
  assert.ok(await app.$(ws1Reported).isExisting(), "Workspace ONE is named as the reporter");
  assert.equal((await app.$$(byTestId("device-app-row"))).length, 10, "the first ten are shown");
  await click(byTestId("device-apps-show-all"));
  await app.waitUntil(async () => (await app.$$(byTestId("device-app-row"))).length === count, {
    timeout: 15_000,
    timeoutMsg: `show all did not list all ${count} apps within 15 s`,
  });
  // Teams is in the base package every unit gets.
  await fill("device-apps-filter", "teams");
  await app.waitUntil(
    async () => {
      const rows = await app.$$(byTestId("device-app-row"));
      if (rows.length === 0 || rows.length === count) return false;
      for (const row of rows) if (!/teams/i.test(await row.getText())) return false;
      return true;
    },
    { timeout: 15_000, timeoutMsg: "the filter did not narrow the apps to the matching ones within 15 s" },
  );
  await screenshot(app, "sync-04-device-apps");

  // The coordinator sends the unit to repair: the form asks why before it moves anything,
  // offers only the moves the rules allow, and the move lands in the unit's history.
  await click(byTestId("move-open"));
  await app.$(byTestId("move-dialog")).waitForDisplayed({ timeout: 5_000 });
  await app.waitUntil(async () => (await app.$$(`${byTestId("move-to")} option`)).length > 1, {
    timeout: 5_000,
    timeoutMsg: "the allowed moves load",
  });
  const offered = [];
  for (const option of await app.$$(`${byTestId("move-to")} option`)) offered.push(await option.getAttribute("value"));
  assert.ok(offered.includes("in_repair"), `a deployed unit can go to repair: ${offered}`);
  assert.ok(!offered.includes("deployed"), `not to where it already is: ${offered}`);
  await app.$(byTestId("move-to")).selectByAttribute("value", "in_repair");
  await click(byTestId("move-submit"));
  await app.$(`${byTestId("move-dialog")} ${byTestId("field-problem")}[role="alert"]`).waitForDisplayed({
    timeout: 5_000,
    timeoutMsg: "a move without a reason is refused in the form",
  });
  assert.equal(await app.$(byTestId("detail-lifecycle")).getText(), "Utlämnad", "nothing moved yet");
  await fill("move-reason", "Skärmen sprucken, skickad till verkstad");
  await click(byTestId("move-submit"));
  await waitForGone(app, byTestId("move-dialog"), "the move dialog closes after the move", 10_000);
  await app.waitUntil(async () => (await app.$(byTestId("detail-lifecycle")).getText()) === "På reparation", {
    timeout: 10_000,
    timeoutMsg: "the panel shows the unit in repair",
  });
  await app.waitUntil(
    async () => /Skärmen sprucken, skickad till verkstad/.test(await app.$(byTestId("device-change-reason")).getText()),
    { timeout: 10_000, timeoutMsg: "the history shows the move with its reason" },
  );
  await screenshot(app, "sync-05-moved-to-repair");
});

test("a long sync shows its progress, can be cancelled, and then has changed nothing", deadline, async () => {
  // The full demo tenant: reading 48,000 devices' apps one device at a time takes a while.
  app = await startApp(freshDatabasePath());
  await waitUntilReady(app);
  const fleet = await waitForDemoSync(app);

  const root = await demoRoot();
  const name = "Workspace ONE (avbryts)";
  await openWorkspaceOneForm(root, name);
  await fill("connection-field-secret", "demo-secret");
  await click(byTestId("connection-save"));
  await waitForGone(app, byTestId("connection-form"), "the connection form closes");

  const row = `${byTestId("connection-row")}[data-name="${name}"]`;
  await app.$(row).waitForDisplayed({ timeout: 10_000 });
  await click(`${row} ${byTestId("connection-full-sync")}`);
  // Progress with figures: devices read of the total the vendor stated.
  await app.waitUntil(
    async () => {
      for (const progress of await app.$$(byTestId("sync-progress"))) {
        if ((await progress.getAttribute("data-phase")) === "fetching" && /\d/.test(await progress.getText())) return true;
      }
      return false;
    },
    { timeout: 60_000, timeoutMsg: "the sync shows its progress" },
  );
  await screenshot(app, "sync-05-progress");
  await click(byTestId("sync-cancel"));

  const result = `${byTestId("sync-result")}[data-connection="${name}"]`;
  await app.$(result).waitForExist({ timeout: 30_000, timeoutMsg: "the cancelled sync ends" });
  assert.equal(await app.$(result).getAttribute("data-status"), "cancelled");
  await screenshot(app, "sync-06-cancelled");
  // The history reloads on the sync's end event, after the result is shown: wait for it.
  let newestStatus = null;
  await app.waitUntil(
    async () => {
      const [newest] = await app.$$(byTestId("sync-run-row"));
      newestStatus = newest ? await newest.getAttribute("data-status") : null;
      return newestStatus === "cancelled";
    },
    { timeout: 10_000, timeoutMsg: () => `the history keeps the cancelled run (newest: ${newestStatus})` },
  );

  // Nothing of the cancelled sync reached the register: the unit Workspace ONE alone knows
  // (the one Graph sends without identifiers) is not there.
  await click(byTestId("nav-inventory"));
  assert.equal(await inventoryTotal(app), fleet, "the inventory is as before the cancelled sync");
});
