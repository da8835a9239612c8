// A support case as the helpdesk handles it: logged on a unit found by its serial number,
// escalated to second line, completed with its resolution — and then in the month's incident
// report, on screen and in the PDF the report view saves. And the helpdesk's own export of its
// cases imported: previewed with its bad row named, imported once, and never twice.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
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
  saveInDialog,
  screenshot,
  startApp,
  waitForDemoSync,
  waitForGone,
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

/** The month `date` falls in on Swedish time, "YYYY-MM": the report's months are Swedish calendar months. */
function swedishMonth(date) {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit" }).format(date);
}

/** What an element holds as text, read from the page (WebKitWebDriver's rendered text of a table cell can come back empty). */
async function textOf(selector) {
  return whenStable(async () => {
    const element = app.$(selector);
    return (await element.isExisting()) ? await element.getProperty("textContent") : null;
  }, `reading ${selector}`);
}

/** The option a `<select>` shows as chosen. */
async function chosenOption(testId) {
  return app.execute((selector) => document.querySelector(selector)?.selectedOptions[0]?.textContent ?? null, byTestId(testId));
}

/** The count a preview or result figure carries. */
async function count(testId) {
  return whenStable(async () => Number(await app.$(byTestId(testId)).getAttribute("data-count")), `reading ${testId}`);
}

/** The serial number of a unit the register holds, as the inventory lists it. */
async function serialOfAUnit() {
  const page = await invoke(app, "query_devices", {
    query: {
      view: {
        search: "",
        filters: { os: null, manufacturer: null, model: null, ownership: null, org_unit: null, lifecycle: null },
        sort: { column: "serial", direction: "asc" },
      },
      offset: 0,
      limit: 50,
    },
  });
  const serial = page.rows.find((row) => row.serial !== "")?.serial;
  assert.ok(serial, "the demo fleet has units with serial numbers");
  return serial;
}

const SWEDISH_CLOCK = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** `date` on the Swedish wall clock, each part as text: year, month, day, hour, minute. */
function swedishClock(date) {
  return Object.fromEntries(SWEDISH_CLOCK.formatToParts(date).map((part) => [part.type, part.value]));
}

/** "2026-11-02 09:14": `date` on the Swedish clock, as a helpdesk's export writes its times. */
function swedishDateTime(date) {
  const { year, month, day, hour, minute } = swedishClock(date);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/** Minutes since the Swedish month began, on its wall clock. */
function minutesIntoSwedishMonth(date) {
  const { day, hour, minute } = swedishClock(date);
  return (Number(day) - 1) * 1440 + Number(hour) * 60 + Number(minute);
}

/** Opens the import dialog from the case list and gives it `file`, as a user picks it. */
async function pickHelpdeskExport(file) {
  await click(byTestId("incidents-import"));
  await app.$(byTestId("incident-import-dialog")).waitForDisplayed({ timeout: 5_000 });
  await app.waitUntil(async () => (await chosenOption("incident-import-agreement")) === "Standard", {
    timeout: 10_000,
    timeoutMsg: "the import starts with the agreement named Standard",
  });
  await app.$(byTestId("incident-import-file")).setValue(file);
  const preview = app.$(byTestId("incident-import-preview"));
  const refused = app.$(byTestId("incident-import-error"));
  await app.waitUntil(async () => (await preview.isDisplayed()) || (await refused.isExisting()), {
    timeout: 15_000,
    timeoutMsg: "the file is previewed",
  });
  if (await refused.isExisting()) {
    assert.fail(`the file was refused: ${await refused.getAttribute("data-code")}: ${await refused.getAttribute("title")}`);
  }
}

/**
 * Waits until the preview, read to the end, shows `expected` (figure hook → count) and returns
 * every figure, so a failure says what the preview showed instead.
 */
async function waitForPreview(expected, what) {
  const figures = ["rows", "to-add", "already-imported", "refused-count"];
  const shown = {};
  await app.waitUntil(
    async () => {
      if ((await app.$(byTestId("incident-import-preview")).getAttribute("aria-busy")) !== "false") return false;
      for (const figure of figures) shown[figure] = await count(`incident-import-${figure}`);
      return Object.entries(expected).every(([figure, value]) => shown[figure] === value);
    },
    { timeout: 15_000, timeoutMsg: () => `${what} (the preview shows ${JSON.stringify(shown)})` },
  );
  return shown;
}

/**
 * Records the case panel's step `event`: opens its form, lets `fillIn` fill in what the step
 * needs, sends it and waits until the form is gone and the timeline shows the step.
 */
async function recordStep(event, fillIn) {
  await click(byTestId(`incident-event-${event}`));
  await app.$(byTestId("incident-event-dialog")).waitForDisplayed({ timeout: 5_000 });
  await fillIn();
  await click(byTestId("incident-event-submit"));
  await waitForGone(app, byTestId("incident-event-dialog"), `the form for ${event} closes once the step is recorded`);
  await app.$(`${byTestId("incident-timeline-entry")}[data-event="${event}"]`).waitForExist({
    timeout: 10_000,
    timeoutMsg: `the timeline shows ${event}`,
  });
}

test("a case logged on a unit, escalated and completed is in the month's incident report and its PDF", deadline, async () => {
  app = await startApp(freshDatabasePath(), { demoDevices: 2_000 });
  await waitUntilReady(app);
  await waitForDemoSync(app);

  // A unit with a serial number, as the inventory lists it.
  const serial = await serialOfAUnit();
  // Short and without line breaks, so the PDF's description column prints it on one line.
  const description = `Svart skärm ${Date.now().toString(36)}`;
  const resolution = "Skärmen bytt av leverantören";

  // A new case: the unit found by its serial number and picked from the search's hits.
  await click(byTestId("nav-incidents"));
  await app.$(byTestId("incidents-view")).waitForDisplayed({ timeout: 10_000 });
  await click(byTestId("incidents-new"));
  await app.$(byTestId("incident-form-dialog")).waitForDisplayed({ timeout: 5_000 });
  await fill("incident-device-search", serial);
  const hit = `${byTestId("incident-device-hit")}[data-serial="${serial}"]`;
  await app.$(hit).waitForDisplayed({ timeout: 10_000, timeoutMsg: `the search offers the unit ${serial}` });
  await click(hit);
  await app.$(byTestId("incident-device")).waitForDisplayed({ timeout: 5_000, timeoutMsg: "the unit is picked" });
  assert.equal(await app.$(byTestId("incident-device")).getAttribute("data-serial"), serial);

  // The first category offered, under the default agreement, reported by the helpdesk.
  await app.waitUntil(async () => (await app.$$(`${byTestId("incident-category")} option`)).length > 1, {
    timeout: 10_000,
    timeoutMsg: "the form offers the categories",
  });
  await whenStable(() => app.$(byTestId("incident-category")).selectByIndex(1), "choosing the category");
  await app.waitUntil(async () => (await chosenOption("incident-agreement")) === "Standard", {
    timeout: 10_000,
    timeoutMsg: "the form starts with the agreement named Standard",
  });
  await fill("incident-reporter", "Servicedesk");
  await fill("incident-description", description);
  await screenshot(app, "incidents-01-new-case");
  await click(byTestId("incident-submit"));
  await waitForGone(app, byTestId("incident-form-dialog"), "the form closes once the case is logged");

  // The case opens in the panel, in first line, about the unit.
  const panel = app.$(byTestId("incident-panel"));
  await panel.waitForDisplayed({ timeout: 10_000 });
  await app.waitUntil(async () => (await panel.getAttribute("data-line")) === "first", {
    timeout: 10_000,
    timeoutMsg: "the panel shows the new case in first line",
  });
  const id = await panel.getAttribute("data-id");
  assert.equal(await textOf(byTestId("incident-description-text")), description);
  assert.equal(await textOf(byTestId("incident-device-facts-serial")), serial);
  await app.$(`${byTestId("incident-row")}[data-id="${id}"][data-serial="${serial}"]`).waitForExist({
    timeout: 10_000,
    timeoutMsg: `the list shows case ${id} on ${serial}`,
  });

  // Escalated to second line.
  await recordStep("escalated", () => click(byTestId("incident-event-line-second")));
  await app.waitUntil(async () => (await panel.getAttribute("data-line")) === "second", {
    timeout: 10_000,
    timeoutMsg: "the case is in second line once escalated",
  });
  assert.ok(
    await app.$(`${byTestId("incident-timeline-entry")}[data-event="escalated"][data-line="second"]`).isExisting(),
    "the timeline names the line the case went to",
  );

  // Completed with its resolution: no step is left to record.
  await recordStep("completed", () => fill("incident-event-resolution", resolution));
  await app.waitUntil(async () => (await panel.getAttribute("data-completed")) === "true", {
    timeout: 10_000,
    timeoutMsg: "the case is completed",
  });
  await app.$(byTestId("incident-completed")).waitForDisplayed({ timeout: 5_000 });
  assert.equal(await textOf(byTestId("incident-resolution-text")), resolution);
  assert.equal((await app.$$(`${byTestId("incident-steps")} button`)).length, 0, "a completed case offers no step");
  await screenshot(app, "incidents-02-completed");

  // The month's report, in Swedish: the case is in its case list.
  const month = swedishMonth(new Date());
  await click(byTestId("nav-incident-report"));
  await app.$(byTestId("incident-report-view")).waitForDisplayed({ timeout: 10_000 });
  await whenStable(() => app.$(byTestId("incident-report-month")).selectByAttribute("value", month), "choosing the month");
  await whenStable(() => app.$(byTestId("incident-report-language")).selectByAttribute("value", "sv"), "choosing Swedish");
  const reportCase = `${byTestId("incident-report")}[data-month="${month}"] ${byTestId("incident-report-case")}[data-id="${id}"]`;
  let shown = null;
  await app.waitUntil(
    async () => {
      shown = await textOf(`${reportCase} td[data-column="description"]`);
      return shown === description;
    },
    { timeout: 15_000, timeoutMsg: () => `the report of ${month} lists case ${id} with its description (shown: ${shown})` },
  );
  await screenshot(app, "incidents-03-report");

  // Saved as a PDF where the user chose in the save dialog; the view says where, and the file
  // holds the case.
  await click(byTestId("incident-report-pdf"));
  const chosen = join(mkdtempSync(join(tmpdir(), "flotta-e2e-")), "incidentrapport.pdf");
  await saveInDialog(chosen);
  const done = app.$(byTestId("incident-report-pdf-done"));
  await done.waitForDisplayed({ timeout: 60_000, timeoutMsg: "the view says where the PDF was saved" });
  assert.equal(await done.getAttribute("data-path"), chosen, "the report is saved where the user chose");
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", chosen, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  assert.ok(text.includes("Incidentrapport"), `the PDF is the Swedish incident report: ${text.slice(0, 200)}`);
  assert.ok(text.includes(description), `the PDF lists the case by its description "${description}"`);
  await screenshot(app, "incidents-04-saved");
});

test("a helpdesk's export is previewed with its bad row named, imported, and adds nothing when imported again", deadline, async () => {
  app = await startApp(freshDatabasePath(), { demoDevices: 2_000 });
  await waitUntilReady(app);
  await waitForDemoSync(app);

  // Two categories the register has, and one it has not; a unit it has, and a serial no unit has.
  const categories = (await invoke(app, "incident_categories")).filter((category) => !category.label.retired);
  assert.ok(categories.length >= 2, "the register has incident categories");
  const [known, other] = categories.map((category) => category.label.name_sv);
  const newCategory = "Nätverk och wifi";
  assert.ok(!categories.some((category) => category.label.name_sv === newCategory), `${newCategory} is new to the register`);
  const serial = await serialOfAUnit();
  const unknownSerial = "ZZE2E0000001";

  // Times in this Swedish month, at most ten hours back and never ahead of now; the bad row is
  // completed an hour and a half before it was received (wherever that falls).
  const now = Date.now();
  const span = Math.min(minutesIntoSwedishMonth(new Date(now)), 600);
  const ago = (share) => new Date(now - Math.floor(span * share) * 60_000);
  const at = (share) => swedishDateTime(ago(share));
  const badReceived = ago(0.3);
  const lines = [
    "Ärendenr;Registrerad;Första svar;Avslutad;Kategori;Nivå;Kanal;Anmälare;Serienummer;Förvaltning;Beskrivning;Lösning",
    `SD-1001;${at(0.9)};${at(0.85)};${at(0.5)};${known};1;Telefon;Åsa Öberg;${serial};Skolförvaltningen;Skärmen är svart;Ny skärm`,
    `SD-1002;${at(0.7)};;;${other};Andra linjen;E-post;Per Lind;${unknownSerial};;"Synkar inte; alls";`,
    `SD-1003;${at(0.6)};${at(0.4)};;${newCategory};1;Portal;Kim Berg;;Socialförvaltningen;Appen når inte servern;`,
    `SD-1004;${swedishDateTime(badReceived)};;${swedishDateTime(new Date(badReceived.getTime() - 90 * 60_000))};${known};1;Telefon;Ola Ek;;;Fel ordning;Klart`,
  ];
  const imported = ["SD-1001", "SD-1002", "SD-1003"];
  // As a helpdesk system or Excel's "CSV UTF-8" writes it: a byte-order mark, `;`, CRLF.
  const file = join(mkdtempSync(join(tmpdir(), "flotta-e2e-")), "servicedesk-export.csv");
  writeFileSync(file, "\uFEFF" + lines.join("\r\n") + "\r\n", "utf8");

  await click(byTestId("nav-incidents"));
  await app.$(byTestId("incidents-view")).waitForDisplayed({ timeout: 10_000 });

  // The preview: three cases to add, the fourth refused on its line (5: the header is line 1)
  // for its completion, the new category and the unknown serial named; nothing written yet.
  await pickHelpdeskExport(file);
  await waitForPreview({ rows: 4, "to-add": 3, "already-imported": 0, "refused-count": 1 }, "the preview counts the file's cases");
  assert.equal(await app.$(byTestId("incident-import-format")).getAttribute("data-encoding"), "utf8_bom");
  assert.equal(await app.$(byTestId("incident-import-mapping-source")).getAttribute("data-source"), "guessed");
  assert.equal((await app.$$(byTestId("incident-import-missing"))).length, 0, "every required column is guessed");
  const problems = await app.$$(byTestId("incident-import-problem"));
  assert.equal(problems.length, 1, "one row is refused");
  assert.equal(await problems[0].getAttribute("data-line"), "5", "the refused row is named by its line in the file");
  assert.equal(await problems[0].getAttribute("data-field"), "completed_at", "it is refused for its completion");
  assert.ok(
    await app.$(`${byTestId("incident-import-new-category")}[data-name="${newCategory}"]`).isExisting(),
    `the preview says ${newCategory} will be added`,
  );
  assert.equal((await app.$$(byTestId("incident-import-new-category"))).length, 1, "only one category is new");
  assert.equal(await count("incident-import-devices-found"), 1, `the unit ${serial} is found`);
  assert.ok(
    await app.$(`${byTestId("incident-import-device-not-found")}[data-code="${unknownSerial}"]`).isExisting(),
    `the preview names ${unknownSerial} as a serial no unit has`,
  );
  const commit = app.$(byTestId("incident-import-commit"));
  await commit.waitForEnabled({ timeout: 5_000, timeoutMsg: "the import can be confirmed" });
  assert.match(await commit.getText(), /3/, "the button says how many cases it imports");
  const listed = await invoke(app, "incidents", {
    query: { open: null, category_id: null, device_id: null, offset: 0, limit: 10 },
  });
  assert.equal(listed.total, 0, "a preview writes nothing");
  await screenshot(app, "incidents-05-import-preview");

  // Imported: three added, the bad row left out, the category added.
  await click(byTestId("incident-import-commit"));
  await app.$(byTestId("incident-import-result")).waitForDisplayed({ timeout: 15_000, timeoutMsg: "the import finishes" });
  assert.equal(await count("incident-import-result-added"), 3);
  assert.equal(await count("incident-import-result-already-imported"), 0);
  assert.equal(await count("incident-import-result-refused"), 1);
  assert.equal(await count("incident-import-result-new-categories"), 1);
  await click(byTestId("incident-import-done"));
  await waitForGone(app, byTestId("incident-import-dialog"), "the import dialog closes");

  // All cases, open and completed: exactly the three imported, the first on its unit and completed.
  // The segmented control's label is what a user clicks (its radio button is hidden).
  await whenStable(async () => (await app.$(byTestId("incidents-show-all")).parentElement()).click(), "showing all cases");
  let total;
  await app.waitUntil(
    async () => {
      total = Number(await app.$(byTestId("incidents-count")).getAttribute("data-total"));
      return total === 3;
    },
    { timeout: 10_000, timeoutMsg: () => `the list of all cases counts the three imported (counted: ${total})` },
  );
  for (const ref of imported) {
    await app.$(`${byTestId("incident-row")}[data-external-ref="${ref}"]`).waitForExist({
      timeout: 10_000,
      timeoutMsg: `the list shows the imported case ${ref}`,
    });
  }
  assert.equal((await app.$$(`${byTestId("incident-row")}[data-external-ref="SD-1004"]`)).length, 0, "the refused row is not a case");
  const first = app.$(`${byTestId("incident-row")}[data-external-ref="SD-1001"]`);
  assert.equal(await first.getAttribute("data-serial"), serial, "SD-1001 is on the unit its serial number names");
  assert.equal(await first.getAttribute("data-completed"), "true", "SD-1001 is completed, as the file says");
  assert.equal(
    await app.$(`${byTestId("incident-row")}[data-external-ref="SD-1002"]`).getAttribute("data-completed"),
    "false",
    "SD-1002 is still open",
  );
  await screenshot(app, "incidents-06-imported");

  // The same file again: the columns as remembered, nothing to add, the three imported before.
  await pickHelpdeskExport(file);
  await waitForPreview({ "to-add": 0, "already-imported": 3 }, "the file again adds nothing");
  assert.equal(await count("incident-import-refused-count"), 1, "the bad row is still refused");
  assert.equal(await app.$(byTestId("incident-import-mapping-source")).getAttribute("data-source"), "remembered");
  assert.equal((await app.$$(byTestId("incident-import-new-category"))).length, 0, "the category exists now");
  await app.$(byTestId("incident-import-nothing")).waitForDisplayed({
    timeout: 5_000,
    timeoutMsg: "the dialog says there is nothing to import",
  });
  assert.equal(await app.$(byTestId("incident-import-commit")).isEnabled(), false, "nothing to import, nothing to confirm");
  await screenshot(app, "incidents-07-import-again");
  await app.keys("Escape");
  await waitForGone(app, byTestId("incident-import-dialog"), "the import dialog closes");
  assert.equal(Number(await app.$(byTestId("incidents-count")).getAttribute("data-total")), 3, "still three cases");
});
