// A support case as the helpdesk handles it: logged on a unit found by its serial number,
// escalated to second line, completed with its resolution — and then in the month's incident
// report, on screen and in the PDF the report view saves.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterEach, test } from "node:test";

import {
  byTestId,
  clickStable,
  fillField,
  freshDatabasePath,
  invoke,
  screenshot,
  startApp,
  waitForDemoSync,
  waitForGone,
  waitUntilReady,
  whenStable,
} from "./app.mjs";

let app;
afterEach(async (context) => {
  if (app) await screenshot(app, `last-${context.name.slice(0, 40).replace(/\W+/g, "-")}`).catch(() => {});
  await app?.deleteSession().catch(() => {});
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

  // Saved as a PDF in Downloads, where the view says; the file holds the case.
  await click(byTestId("incident-report-pdf"));
  const done = app.$(byTestId("incident-report-pdf-done"));
  await done.waitForDisplayed({ timeout: 60_000, timeoutMsg: "the view says where the PDF was saved" });
  const path = await done.getAttribute("data-path");
  assert.match(path, /\.pdf$/, `the report is saved as a PDF: ${path}`);
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  // Read, the file has served: it is not left in the Downloads folder of whoever runs the tests.
  rmSync(path, { force: true });
  assert.ok(text.includes("Incidentrapport"), `the PDF is the Swedish incident report: ${text.slice(0, 200)}`);
  assert.ok(text.includes(description), `the PDF lists the case by its description "${description}"`);
  await screenshot(app, "incidents-04-saved");
});
