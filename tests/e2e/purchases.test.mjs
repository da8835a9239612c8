// An asset manager's delivery file as a user meets it: a supplier's CSV (Windows-1252, `;`,
// decimal comma, one impossible date) previewed with its bad row named, confirmed, and the
// bought units found matched to the synced ones — and the one never enrolled found apart.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, test } from "node:test";

import {
  byTestId,
  clickStable,
  endSession,
  fillField,
  freshDatabasePath,
  invoke,
  screenshot,
  startApp,
  waitForDemoSync,
  waitForGone,
  waitForTotal,
  waitUntilReady,
  whenStable,
} from "./app.mjs";

let app;
afterEach(async (context) => {
  await endSession(app, context);
  app = undefined;
});

const deadline = { timeout: 240_000 };

const click = (selector) => clickStable(app, selector);

const fill = (testId, text) => fillField(app, testId, text);

/** The count a preview or result element carries. */
async function count(testId) {
  return Number(await app.$(byTestId(testId)).getAttribute("data-count"));
}

test("a delivery file with a bad row is previewed, imported and matched to the synced units", deadline, async () => {
  app = await startApp(freshDatabasePath(), { demoDevices: 2_000 });
  await waitUntilReady(app);
  const fleet = await waitForDemoSync(app);

  // Three units the EMM reports, read off the inventory as a user reads their labels.
  const serials = [];
  for (const row of await app.$$(byTestId("device-row"))) {
    const serial = await row.getAttribute("data-serial");
    if (serial) serials.push(serial);
    if (serials.length === 4) break;
  }
  assert.equal(serials.length, 4, "the inventory shows serials");
  // The fourth is bought on an invoice without a delivery file, entered by hand below.
  const invoiced = serials.pop();

  // The supplier's file as Excel on Swedish Windows saves it: Windows-1252 (å, ä, ö as single
  // bytes — latin1 writes them the same), `;`, decimal comma, CRLF.
  // Delivered a month ago, with 24 months' warranty: active whenever the test runs.
  const delivered = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const lines = [
    "Inköpsdatum;Leverantör;Ordernummer;Tillverkare;Modell;Serienummer;IMEI;À-pris exkl. moms;Garanti (mån);Förvaltning",
    ...serials.map((serial) => `${delivered};Atea Sverige AB;PO-77;Apple;iPhone 16;${serial};;9 490,00;24;Förskoleförvaltningen`),
    `${delivered};Atea Sverige AB;PO-77;Apple;iPad (A16);LADA0000001;;5 990,00;24;Äldreförvaltningen`,
    "2026-02-30;Atea Sverige AB;PO-77;Apple;iPad (A16);LADA0000002;;5 990,00;24;Äldreförvaltningen",
  ];
  const file = join(mkdtempSync(join(tmpdir(), "flotta-e2e-")), "atea-leverans.csv");
  writeFileSync(file, Buffer.from(lines.join("\r\n") + "\r\n", "latin1"));

  await click(byTestId("nav-purchases"));
  await app.$(byTestId("purchases-view")).waitForDisplayed({ timeout: 10_000 });
  await click(byTestId("purchases-import"));
  await app.$(byTestId("import-dialog")).waitForDisplayed({ timeout: 5_000 });
  await app.$(byTestId("import-file")).setValue(file);

  // The preview names the bad row and its line, and nothing is written yet.
  await app.$(byTestId("import-preview")).waitForDisplayed({ timeout: 15_000 });
  assert.equal(await count("import-to-add"), 4);
  assert.equal(await count("import-refused-count"), 1);
  const problem = await app.$(`${byTestId("import-problem")}[data-line="6"]`);
  assert.ok(await problem.isExisting(), "the impossible date is refused on line 6");
  assert.equal(await problem.getAttribute("data-kind"), "impossible_date");
  assert.match(await app.$(byTestId("import-format")).getText(), /Windows-1252/);
  await screenshot(app, "purchases-01-preview");

  await click(byTestId("import-commit"));
  await app.$(byTestId("import-result")).waitForDisplayed({ timeout: 15_000 });
  assert.equal(await count("import-result-added"), 4);
  await click(byTestId("import-done"));
  await waitForGone(app, byTestId("import-dialog"), "the import dialog closes");

  await app.waitUntil(async () => (await app.$$(byTestId("purchase-row"))).length === 4, {
    timeout: 10_000,
    timeoutMsg: "the four bought units are listed",
  });
  // Bought, never seen in any EMM: the one still in the drawer.
  // The segmented control's label is what a user clicks (its radio button is hidden).
  await whenStable(async () => (await app.$(byTestId("purchases-unseen")).parentElement()).click(), "the unseen list");
  await app.waitUntil(
    async () => {
      const rows = await app.$$(byTestId("purchase-row"));
      return rows.length === 1 && (await rows[0].getAttribute("data-serial")) === "LADA0000001";
    },
    { timeout: 10_000, timeoutMsg: "only the unit no EMM reports is listed as unseen" },
  );
  await screenshot(app, "purchases-02-unseen");

  // The inventory finds the three bought units, and a unit's panel shows its purchase.
  await click(byTestId("nav-inventory"));
  await app.$(byTestId("filter-purchase")).selectByAttribute("value", "bought");
  await waitForTotal(app, (total) => total === 3, "the purchase filter finds the three bought units");
  await click(`${byTestId("device-row")} td:nth-child(2)`);
  await app.$(byTestId("device-purchase")).waitForDisplayed({ timeout: 10_000 });
  assert.match(await app.$(byTestId("device-purchase-supplier")).getText(), /Atea Sverige AB/);
  await app.keys("Escape");
  await app.$(byTestId("filter-purchase")).selectByAttribute("value", "not_bought");
  await waitForTotal(app, (total) => total === fleet - 3, "the rest are enrolled, never bought");
  await screenshot(app, "purchases-03-inventory");

  // The warranties: four active, none falling due in the next eight quarters.
  await click(byTestId("nav-warranties"));
  await app.$(byTestId("warranty-view")).waitForDisplayed({ timeout: 10_000 });
  await app.waitUntil(async () => (await app.$(byTestId("warranty-kpi-active")).getAttribute("data-value")) === "4", {
    timeout: 10_000,
    timeoutMsg: "the four imported units have active warranties",
  });
  assert.equal((await app.$$(byTestId("forecast-row"))).length, 8, "eight quarters ahead");

  // A unit on an invoice, entered by hand, is matched to its synced unit at once.
  await click(byTestId("nav-purchases"));
  await click(byTestId("purchases-add"));
  await app.$(byTestId("purchase-form-dialog")).waitForDisplayed({ timeout: 5_000 });
  await app.$(byTestId("purchase-form-supplier")).setValue("Dustin AB");
  await app.$(byTestId("purchase-form-manufacturer")).setValue("Apple");
  await app.$(byTestId("purchase-form-model")).setValue("iPhone 16");
  await app.$(byTestId("purchase-form-serial")).setValue(invoiced);
  await app.$(byTestId("purchase-form-unit_cost")).setValue("8 990,00");
  await click(byTestId("purchase-form-submit"));
  await app.$(byTestId("purchase-form-added")).waitForDisplayed({ timeout: 10_000 });
  assert.equal(await app.$(byTestId("purchase-form-added")).getAttribute("data-matched"), "true");
  await click(byTestId("purchase-form-done"));
  await waitForGone(app, byTestId("purchase-form-dialog"), "the form closes");

  // The supplier was typed wrong: corrected by hand from the purchase's row. The view kept its
  // unseen list, where this unit (seen by the EMM) is not; the whole list shows it.
  await whenStable(async () => (await app.$(byTestId("purchases-all")).parentElement()).click(), "the whole list");
  const invoicedRow = `${byTestId("purchase-row")}[data-serial="${invoiced}"]`;
  await app.$(invoicedRow).waitForExist({ timeout: 10_000, timeoutMsg: "the unit entered by hand is listed" });
  await click(`${invoicedRow} ${byTestId("purchase-edit")}`);
  await app.$(byTestId("purchase-form-dialog")).waitForDisplayed({ timeout: 5_000 });
  assert.equal(
    await app.$(byTestId("purchase-form-supplier")).getProperty("value"),
    "Dustin AB",
    "the form opens filled from the purchase",
  );
  await fill("purchase-form-supplier", "Dustin Sverige AB");
  await click(byTestId("purchase-form-submit"));
  await waitForGone(app, byTestId("purchase-form-dialog"), "the form closes once the correction is saved");
  // Read from the page: WebKitWebDriver's rendered text of a table cell comes back empty.
  const supplierCell = `${invoicedRow} ${byTestId("purchase-supplier")}`;
  await app.waitUntil(async () => (await app.$(supplierCell).getProperty("textContent")) === "Dustin Sverige AB", {
    timeout: 10_000,
    timeoutMsg: "the row shows the corrected supplier",
  });

  // The delivery's checklist: the three enrolled units have their enrolment step done by
  // their check-in, the one in the drawer has not; no model is certified, so each is flagged.
  await click(byTestId("nav-preconfig"));
  await app.$(byTestId("preconfig-table")).waitForDisplayed({ timeout: 10_000 });
  const readyCount = async () => Number(await app.$(byTestId("preconfig-ready-count")).getAttribute("data-ready"));
  assert.equal(await readyCount(), 0);
  assert.equal(await app.$(byTestId("preconfig-ready-count")).getAttribute("data-total"), "4");
  const rows = await app.$$(`[data-testid^="preconfig-row-"]`);
  const unitIds = {};
  for (const row of rows) {
    const id = (await row.getAttribute("data-testid")).replace("preconfig-row-", "");
    unitIds[(await row.getText()).includes("LADA0000001") ? "drawer" : id] = id;
  }
  assert.ok(unitIds.drawer, "the unit in the drawer is on the checklist");
  assert.match(await app.$(byTestId(`preconfig-state-${unitIds.drawer}`)).getText(), /I lager/);
  assert.ok(await app.$(byTestId(`preconfig-uncertified-${unitIds.drawer}`)).isExisting(), "an uncertified model is flagged");
  const enrolled = await app.$$(`[data-testid^="preconfig-enrolled-"]`);
  assert.equal(enrolled.length, 3, "the three synced units are enrolled by their check-in");
  // Every step a person does, ticked for the whole delivery at once.
  const tickAll = [];
  for (const button of await app.$$(`[data-testid^="preconfig-tick-all-"]`)) {
    tickAll.push(await button.getAttribute("data-testid"));
  }
  assert.ok(tickAll.length >= 5, `the template's steps: ${tickAll}`);
  for (const testId of tickAll) {
    const button = app.$(byTestId(testId));
    // A column with nothing left to tick is disabled (none here: the drawer's unit lacks even
    // the enrolment step, which a pre-enrolled unit has ticked by hand).
    if (!(await button.isEnabled())) continue;
    await whenStable(() => button.click(), `ticking ${testId}`);
    await app.$(byTestId("preconfig-tick-all-done")).waitForDisplayed({ timeout: 10_000 });
  }
  await app.waitUntil(async () => (await readyCount()) === 4, {
    timeout: 10_000,
    timeoutMsg: "every unit is ready once every step is ticked",
  });
  assert.match(await app.$(byTestId(`preconfig-state-${unitIds.drawer}`)).getText(), /Redo att lämna ut/);
  await screenshot(app, "purchases-04-preconfig");

  // The import is in the audit log, by who and when.
  await click(byTestId("nav-audit"));
  await app.$(`${byTestId("audit-row")}[data-action="import"]`).waitForExist({
    timeout: 10_000,
    timeoutMsg: "the audit log lists the import",
  });

  // A model is certified step by step: level 2 waits until level 1 has passed.
  await click(byTestId("nav-models"));
  const model = `${byTestId("model-row")}[data-model="iPhone 16"]`;
  await app.$(model).waitForExist({ timeout: 10_000, timeoutMsg: "the bought model is listed" });
  await click(`${model} td`);
  await app.$(byTestId("model-panel")).waitForDisplayed({ timeout: 10_000 });
  const step = (code) => `${byTestId("cert-step")}[data-code="${code}"]`;
  assert.equal(await app.$(step("2a")).getAttribute("data-open"), "false", "level 2 is locked");
  await click(`${step("1a")} ${byTestId("cert-record")}`);
  await app.$(byTestId("cert-record-dialog")).waitForDisplayed({ timeout: 5_000 });
  await click(byTestId("cert-outcome-pass"));
  await app.$(byTestId("cert-tester")).setValue("Kim Lind");
  await click(byTestId("cert-submit"));
  await waitForGone(app, byTestId("cert-record-dialog"), "the result form closes");
  await app.waitUntil(async () => (await app.$(step("1a")).getAttribute("data-outcome")) === "pass", {
    timeout: 10_000,
    timeoutMsg: "step 1a shows its passed result",
  });
  assert.equal(await app.$(byTestId("model-panel")).getAttribute("data-status"), "in_progress");
  assert.match(await app.$(byTestId("model-panel-status")).getText(), /Nivå 1 pågår/);
  await screenshot(app, "purchases-05-certification");

  // The fleet's largest model certified through all three levels: its units show it in the
  // inventory, and the certification filter finds exactly them.
  const models = await invoke(app, "models");
  const largest = models.reduce((a, b) => (b.units > a.units ? b : a));
  await click(byTestId("nav-models"));
  const largestRow = `${byTestId("model-row")}[data-model="${largest.model}"]`;
  await app.$(largestRow).waitForExist({ timeout: 10_000, timeoutMsg: `${largest.model} is listed` });
  await click(`${largestRow} td`);
  await app.$(`${byTestId("model-panel")}[data-model="${largest.model}"]`).waitForDisplayed({ timeout: 10_000 });
  for (const code of ["1a", "1b", "1c", "2a", "2b", "3a", "3b", "3c"]) {
    await app.waitUntil(async () => (await app.$(step(code)).getAttribute("data-open")) === "true", {
      timeout: 10_000,
      timeoutMsg: `step ${code} opens once the level before has passed`,
    });
    await click(`${step(code)} ${byTestId("cert-record")}`);
    await app.$(byTestId("cert-record-dialog")).waitForDisplayed({ timeout: 5_000 });
    await click(byTestId("cert-outcome-pass"));
    await app.$(byTestId("cert-tester")).setValue("Kim Lind");
    await click(byTestId("cert-submit"));
    await waitForGone(app, byTestId("cert-record-dialog"), "the result form closes");
  }
  await app.waitUntil(async () => (await app.$(byTestId("model-panel")).getAttribute("data-status")) === "certified", {
    timeout: 10_000,
    timeoutMsg: "the model is certified after its last step",
  });
  await click(byTestId("nav-inventory"));
  await app.$(byTestId("filter-purchase")).selectByAttribute("value", "");
  await app.$(byTestId("filter-certification")).selectByAttribute("value", "certified");
  await waitForTotal(app, (total) => total === largest.units, "the certified model's units, and only they");
  await app.$(`${byTestId("device-row")} td[data-column="certification"]`).waitForExist({ timeout: 10_000 });
  // Read from the page: WebKitWebDriver's rendered text of a table cell comes back empty.
  const badge = await app.$(`${byTestId("device-row")} td[data-column="certification"]`).getProperty("textContent");
  assert.match(badge, /Certifierad/);
  await screenshot(app, "purchases-06-certified-in-inventory");
});
