// The app question as a user asks it: on how many devices is TikTok installed, and in which
// units? Searched in the Apps view, the count of the unit with the most installs followed to
// exactly those devices in the inventory, the app filter shown there and removable, the whole
// app's devices listed from the view's button, and a unit of the app's device list opened in
// the Apps view itself, by click and by Enter.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

import {
  byTestId,
  clickStable,
  endSession,
  fillField,
  freshDatabasePath,
  screenshot,
  startApp,
  waitForDemoSync,
  waitForGone,
  waitForTotal,
  waitUntilReady,
  whenStable,
} from "./app.mjs";

let app;
// A failed test must not leave its app running: the driver allows one session at a time.
afterEach(async (context) => {
  await endSession(app, context);
  app = undefined;
});

// No test may hang CI: a deadline well above the normal run time.
const deadline = { timeout: 180_000 };

const click = (selector) => clickStable(app, selector);

/** What an element holds as text, read from the page (WebKitWebDriver's rendered text of a table cell can come back empty). */
async function textOf(selector) {
  return whenStable(async () => {
    const element = app.$(selector);
    return (await element.isExisting()) ? String(await element.getProperty("textContent")) : null;
  }, `reading ${selector}`);
}

/** A figure's digits, whatever the locale groups thousands with. */
const digits = (text) => Number(String(text).replace(/\D/g, ""));

/** The spread table's rows as the page holds them, read in one go so a re-render cannot split them. */
async function spreadRows() {
  return app.execute((tableSelector, rowSelector, openSelector) => {
    const table = document.querySelector(tableSelector);
    if (!table) return null;
    return [...table.querySelectorAll(rowSelector)].map((row) => ({
      group: row.dataset.group,
      installed: Number(row.dataset.installed),
      visible: Number(row.dataset.visible),
      notVisible: Number(row.dataset.notVisible),
      link: row.querySelector(openSelector)?.textContent ?? null,
    }));
  }, byTestId("app-spread-table"), byTestId("app-group-row"), byTestId("app-group-open"));
}

/** The app's device list as the page holds it, read in one go. */
async function deviceRows() {
  return app.execute((sectionSelector, rowSelector, firstSeenSelector) => {
    const section = document.querySelector(sectionSelector);
    if (!section || section.dataset.total === undefined) return null;
    return {
      total: Number(section.dataset.total),
      rows: [...section.querySelectorAll(rowSelector)].map((row) => ({
        deviceId: row.dataset.deviceId,
        serial: row.dataset.serial,
        firstSeen: row.dataset.firstSeen,
        firstSeenText: row.querySelector(firstSeenSelector)?.textContent ?? "",
      })),
    };
  }, byTestId("app-devices"), byTestId("app-device-row"), byTestId("app-device-first-seen"));
}

test("TikTok's installs in its top unit lead to exactly those devices in the inventory", deadline, async () => {
  app = await startApp(freshDatabasePath(), { demoDevices: 2_000 });
  await waitUntilReady(app);
  const fleet = await waitForDemoSync(app);

  await click(byTestId("nav-apps"));
  await app.$(byTestId("apps-view")).waitForDisplayed({ timeout: 10_000 });
  // An empty search asks nothing: the hint says what it needs.
  assert.match(await textOf(byTestId("apps-status")), /minst två tecken/);
  assert.equal((await app.$$(byTestId("app-result"))).length, 0, "no results before a search");

  // Text is taken literally: a wildcard matches nothing, and is no error.
  await fillField(app, "apps-search", "%tiktok%");
  await app.$(byTestId("apps-none")).waitForDisplayed({ timeout: 10_000, timeoutMsg: "a wildcard search finds no app" });
  assert.equal(await app.$(byTestId("apps-error")).isExisting(), false, "a wildcard is not an error");

  // By publisher, as Intune names it: Meta's apps, none of whose names says "Meta".
  await fillField(app, "apps-search", "meta platforms");
  const instagram = `${byTestId("app-result")}[data-key="instagram"]`;
  await app.$(instagram).waitForDisplayed({ timeout: 10_000, timeoutMsg: "a search by publisher lists Instagram" });
  const publishers = await app.execute(
    (selector) => [...document.querySelectorAll(selector)].map((row) => row.querySelector(".app-result-publisher")?.textContent ?? null),
    byTestId("app-result"),
  );
  assert.ok(publishers.length >= 2, `Meta's apps are listed: ${JSON.stringify(publishers)}`);
  assert.ok(publishers.every((publisher) => publisher === "Meta Platforms"), `each under its publisher: ${JSON.stringify(publishers)}`);

  // Case does not matter.
  await fillField(app, "apps-search", "TIKTOK");
  const result = `${byTestId("app-result")}[data-key="tiktok"]`;
  await app.$(result).waitForDisplayed({ timeout: 10_000, timeoutMsg: "the search lists TikTok" });
  const listed = Number(await app.$(result).getAttribute("data-devices"));
  assert.ok(listed > 0, `the search counts TikTok's devices (${listed})`);
  await click(`${result} td`);

  // The headline: installed out of the devices whose apps are visible, the others beside it.
  const headline = app.$(`${byTestId("app-spread")}[data-key="tiktok"] ${byTestId("app-spread-headline")}`);
  await headline.waitForDisplayed({ timeout: 10_000, timeoutMsg: "TikTok's spread is shown" });
  const installed = Number(await headline.getAttribute("data-installed"));
  const visible = Number(await headline.getAttribute("data-visible"));
  const notVisible = Number(await headline.getAttribute("data-not-visible"));
  assert.ok(installed > 0 && installed <= visible, `installed (${installed}) is among the visible devices (${visible})`);
  assert.equal(installed, listed, "the spread counts the devices the search listed");
  assert.ok(visible + notVisible <= fleet, `visible and not visible (${visible} + ${notVisible}) are devices of the fleet (${fleet})`);
  assert.match(await textOf(byTestId("app-spread-installed")), /^Installerad på .* enhet(er)? vars appar syns$/);
  const notVisibleText = await textOf(byTestId("app-spread-not-visible"));
  assert.ok(await app.$(byTestId("app-spread-not-visible")).isDisplayed(), "the devices not visible are shown");
  assert.match(notVisibleText, /syns inte/);
  assert.equal(digits(notVisibleText), notVisible, `the headline says how many are not visible: ${notVisibleText}`);
  assert.ok(await app.$(byTestId("app-spread-not-visible-hint")).isDisplayed(), "what 'not visible' means is explained");

  // By organisation unit (the default), most installs first; the top one is a unit of its own.
  assert.equal(await app.$(byTestId("app-spread-table")).getAttribute("data-grouping"), "org_unit");
  let rows = null;
  await app.waitUntil(async () => (rows = await spreadRows()) !== null && rows.length > 0, {
    timeout: 10_000,
    timeoutMsg: "the spread lists TikTok's units",
  });
  const installs = rows.map((row) => row.installed);
  assert.deepEqual(installs, [...installs].sort((a, b) => b - a), "units with the most installs first");
  const [top] = rows;
  assert.notEqual(top.group, "", "TikTok's top unit is a unit, not the devices without one");
  assert.ok(top.installed > 0 && top.installed <= top.visible, `the top unit's figures hold together: ${JSON.stringify(top)}`);
  assert.equal(digits(top.link), top.installed, `the top unit's installed count is a link showing it: ${top.link}`);
  assert.ok(
    rows.every((row) => (row.group === "" || row.installed === 0) === (row.link === null)),
    `every unit's count leads to its devices, but for the devices without a unit and the units without the app: ${JSON.stringify(rows)}`,
  );
  assert.ok(await app.$(byTestId("app-spread-chart")).isDisplayed(), "the installs per unit are charted");
  await screenshot(app, "apps-01-spread");

  // Under the counts, the units with the app, newest installs first: at most 500, all of them counted.
  let units = null;
  await app.waitUntil(async () => (units = await deviceRows()) !== null && units.rows.length > 0, {
    timeout: 10_000,
    timeoutMsg: "the units with TikTok are listed",
  });
  assert.equal(units.total, installed, "the list counts the devices the headline counts");
  assert.equal(units.rows.length, Math.min(500, installed), `the list shows the newest ${Math.min(500, installed)} units`);
  assert.ok(units.rows[0].firstSeenText.trim() !== "", "the newest unit says when the app was first seen on it");
  assert.ok(
    units.rows.every((row) => row.firstSeenText.trim() !== ""),
    "no unit's first-seen time is left blank, not even one from before the upgrade",
  );
  const seen = units.rows.map((row) => row.firstSeen).filter((time) => time !== "").map((time) => Date.parse(time));
  assert.deepEqual(seen, [...seen].sort((a, b) => b - a), "newest installs first");
  assert.match(
    await textOf(byTestId("app-devices-summary")),
    installed > 500 ? /^Nyast installerade först · visar 500 av / : /^Nyast installerade först$/,
  );
  assert.ok(await app.$(byTestId("app-devices-export")).isExisting(), "the list can be exported as CSV");
  assert.ok(await app.$(byTestId("app-devices-export-xlsx")).isExisting(), "the list can be exported as a workbook");
  // The pane scrolls on its own; scrolling it, not the element into view, keeps the window where it is.
  const scrollPane = (toEnd) =>
    app.execute((end) => {
      const pane = document.querySelector(".apps-spread-pane");
      if (pane) pane.scrollTop = end ? pane.scrollHeight : 0;
    }, toEnd);
  await scrollPane(true);
  await screenshot(app, "apps-01b-devices");
  await scrollPane(false);

  // The top unit's count opens the inventory on exactly those devices, the app filter shown.
  await click(`${byTestId("app-group-row")}[data-group=${JSON.stringify(top.group)}] ${byTestId("app-group-open")}`);
  await app.$(`${byTestId("nav-inventory")}[aria-current="page"]`).waitForExist({
    timeout: 10_000,
    timeoutMsg: "the count leads to the inventory",
  });
  await waitForTotal(app, (total) => total === top.installed, `the inventory lists the ${top.installed} devices of ${top.group} with TikTok`);
  const chip = app.$(byTestId("inventory-app-filter"));
  await chip.waitForDisplayed({ timeout: 10_000, timeoutMsg: "the inventory shows its app filter" });
  assert.equal(await chip.getAttribute("data-app"), "tiktok");
  assert.match(await textOf(byTestId("inventory-app-filter")), /TikTok/);
  assert.equal(await app.$(byTestId("filter-org_unit")).getValue(), top.group, "the unit filter is the unit clicked");
  await app.$(byTestId("device-row")).waitForExist({ timeout: 10_000, timeoutMsg: "the devices are listed" });
  await screenshot(app, "apps-02-inventory");

  // Without the app filter, the unit's devices, with or without TikTok.
  await click(byTestId("inventory-app-filter-clear"));
  await waitForGone(app, byTestId("inventory-app-filter"), "the app filter's chip goes with the filter");
  await waitForTotal(app, (total) => total >= top.visible + top.notVisible, `the unit's devices are listed without the app filter`);

  // Every device with the app, from the Apps view's button: the headline's count.
  await click(byTestId("nav-apps"));
  await click(byTestId("app-spread-show-all"));
  await waitForTotal(app, (total) => total === installed, `the inventory lists the ${installed} devices with TikTok`);
  await chip.waitForDisplayed({ timeout: 10_000, timeoutMsg: "the inventory shows its app filter again" });
  assert.equal(await app.$(byTestId("filter-org_unit")).getValue(), "", "no unit filter is left from before");
  await screenshot(app, "apps-03-all-devices");

  // A unit left open in the inventory, whose panel stays there while the Apps view opens its own.
  const inventoryPanel = `.inventory-body ${byTestId("device-detail")}`;
  await app.$(byTestId("device-row")).waitForExist({ timeout: 10_000, timeoutMsg: "the devices with TikTok are listed" });
  const inventoryUnit = await whenStable(
    () => app.$(byTestId("device-row")).getAttribute("data-id"),
    "reading the inventory's first row",
  );
  await click(`${byTestId("device-row")}[data-id="${inventoryUnit}"] td:nth-child(2)`);
  await app.$(`${inventoryPanel}[data-id="${inventoryUnit}"]`).waitForDisplayed({
    timeout: 10_000,
    timeoutMsg: "the inventory's row opens its unit",
  });

  // Back in the Apps view, the newest unit with TikTok opens beside the list on a click: that very unit.
  await click(byTestId("nav-apps"));
  await app.$(byTestId("apps-view")).waitForDisplayed({ timeout: 10_000 });
  units = await deviceRows();
  assert.ok(units !== null && units.rows.length >= 2, "TikTok's units are still listed");
  const [first, second] = units.rows;
  assert.notEqual(first.serial, "", `the newest unit with TikTok has a serial number: ${JSON.stringify(first)}`);
  const appsPanel = `${byTestId("app-devices")} ${byTestId("device-detail")}`;
  const row = (unit) => `${byTestId("app-device-row")}[data-device-id="${unit.deviceId}"]`;
  /** Waits until the Apps view's panel shows `unit`, its serial read from the panel. */
  const panelShows = async (unit, how) => {
    await app.$(`${appsPanel}[data-id="${unit.deviceId}"]`).waitForDisplayed({
      timeout: 10_000,
      timeoutMsg: `${how} opens unit ${unit.deviceId} in the Apps view`,
    });
    let shown = null;
    await app.waitUntil(async () => (shown = await textOf(`${appsPanel} ${byTestId("detail-serial")}`)) === unit.serial, {
      timeout: 10_000,
      timeoutMsg: () => `the panel ${how} opened shows the row's serial ${unit.serial} (shows: ${shown})`,
    });
    assert.equal(await app.$(row(unit)).getAttribute("aria-current"), "true", "the unit's row is marked as the one open");
  };
  /** The unit whose row has the keyboard focus, `null` when no row of the list has it. */
  const focusedUnit = () =>
    app.execute((selector) => {
      const active = document.activeElement;
      return active instanceof HTMLElement && active.matches(selector) ? (active.dataset.deviceId ?? null) : null;
    }, byTestId("app-device-row"));

  await click(`${row(first)} td`);
  await panelShows(first, "a click on its row");
  assert.equal((await app.$$(appsPanel)).length, 1, "one panel in the Apps view");
  await screenshot(app, "apps-04-unit");

  // Esc closes the Apps view's panel, not the hidden inventory's, and the keyboard is back on the row.
  await app.keys("Escape");
  await waitForGone(app, appsPanel, "Esc closes the unit's panel in the Apps view");
  await app.waitUntil(async () => (await focusedUnit()) === first.deviceId, {
    timeout: 5_000,
    timeoutMsg: "closing the panel hands the focus back to the unit's row",
  });
  assert.ok(await app.$(`${inventoryPanel}[data-id="${inventoryUnit}"]`).isExisting(), "the inventory's panel is left open");

  // The next unit by the keyboard: the arrow key, then Enter; its close button closes it.
  assert.notEqual(second.serial, "", `the second unit with TikTok has a serial number: ${JSON.stringify(second)}`);
  await app.keys("ArrowDown");
  await app.keys("Enter");
  await panelShows(second, "Enter on the next row");
  await click(`${appsPanel} ${byTestId("detail-close")}`);
  await waitForGone(app, appsPanel, "the close button closes the unit's panel");
  await app.waitUntil(async () => (await focusedUnit()) === second.deviceId, {
    timeout: 5_000,
    timeoutMsg: "the close button hands the focus back to the unit's row",
  });

  // The inventory still shows the unit it had open, and Esc there closes it.
  await click(byTestId("nav-inventory"));
  await app.$(`${inventoryPanel}[data-id="${inventoryUnit}"]`).waitForDisplayed({
    timeout: 10_000,
    timeoutMsg: "the inventory still shows its unit",
  });
  await app.keys("Escape");
  await waitForGone(app, inventoryPanel, "Esc closes the inventory's panel");
});
