// A swap as a repair coordinator handles it: a deployed unit's serial number scanned in the
// header, a case opened from the scan under swap service, a pool unit of the same model sent
// to the user, the broken unit received, repaired and put back into the pool — and the pool
// view counting the model as before, now with a rate of swaps to reckon its cover by.
import assert from "node:assert/strict";
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

/**
 * Sets a `datetime-local` input to `value` ("2026-03-02T09:15", this computer's time). WebKit
 * edits such an input segment by segment in the locale's order, so typing into it depends on
 * the locale; the value is set as the page would set it instead, through the input's own
 * setter (which React's change tracking watches) and an input event.
 */
async function setLocalTime(testId, value) {
  await app.$(byTestId(testId)).waitForDisplayed({ timeout: 10_000 });
  await app.execute(
    (selector, text) => {
      const input = document.querySelector(selector);
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, text);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    },
    byTestId(testId),
    value,
  );
  await app.waitUntil(async () => (await app.$(byTestId(testId)).getProperty("value")) === value, {
    timeout: 5_000,
    timeoutMsg: `${testId} did not take ${value}`,
  });
}

/** The day in Sweden, "YYYY-MM-DD": the SLA clocks and the working-day calendar count Swedish days. */
function swedishDay(date) {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(date);
}

/**
 * The last Swedish working day before today, as the register's own calendar has it (weekends,
 * public holidays, the organisation's closure days). The workshop's steps are refused on a
 * closed day and in the future, so the case is dated on that day: the test passes on a
 * Sunday or at Midsummer as on a Tuesday, and every step is in the past.
 */
async function lastWorkingDay() {
  const closedByYear = new Map();
  const closed = async (day) => {
    const year = Number(day.slice(0, 4));
    if (!closedByYear.has(year)) {
      const days = await invoke(app, "calendar_year", { year });
      closedByYear.set(year, new Set(days.filter((entry) => entry.on_weekday).map((entry) => entry.date)));
    }
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    return weekday === 0 || weekday === 6 || closedByYear.get(year).has(day);
  };
  let day = swedishDay(new Date());
  for (let tries = 0; tries < 20; tries++) {
    day = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    if (!(await closed(day))) return day;
  }
  throw new Error(`no working day in the 20 days before ${swedishDay(new Date())}`);
}

/** The pool view's row of one model, and what it shows. */
async function poolRow(manufacturer, model) {
  const row = `${byTestId("pool-row")}[data-manufacturer="${manufacturer}"][data-model="${model}"]`;
  return whenStable(async () => {
    await app.$(row).waitForExist({ timeout: 10_000, timeoutMsg: `the pool lists ${manufacturer} ${model}` });
    const cover = app.$(`${row} ${byTestId("pool-cover")}`);
    return {
      available: Number(await app.$(`${row} ${byTestId("pool-available")}`).getAttribute("data-value")),
      level: await cover.getAttribute("data-level"),
      // Read from the page: WebKitWebDriver's rendered text of a table cell comes back empty.
      cover: await cover.getProperty("textContent"),
    };
  }, `reading the pool row of ${model}`);
}

/**
 * Records the case panel's step `event` at `time`, and waits until the timeline shows it;
 * `inspect` looks at the form before it is sent.
 */
async function recordStep(event, time, inspect = async () => {}) {
  await click(byTestId(`case-event-${event}`));
  await app.$(byTestId("record-event-dialog")).waitForDisplayed({ timeout: 5_000 });
  await inspect();
  await setLocalTime("record-event-at", time);
  await click(byTestId("record-event-submit"));
  await waitForGone(app, byTestId("record-event-dialog"), `the form for ${event} closes once it is recorded`);
  await app.$(`${byTestId("case-event")}[data-event="${event}"]`).waitForExist({
    timeout: 10_000,
    timeoutMsg: `the timeline shows ${event}`,
  });
}

test("a swap opened from a scan goes out from the pool and the repaired unit comes back to it", deadline, async () => {
  app = await startApp(freshDatabasePath(), { demoDevices: 2_000 });
  await waitUntilReady(app);
  await waitForDemoSync(app);

  // The pool as the demo's first sync left it (stocked before the sync reports itself
  // finished): three units of each of the commonest models, none swapped yet.
  await click(byTestId("nav-pool"));
  await app.$(byTestId("pool-view")).waitForDisplayed({ timeout: 10_000 });
  await app.$(byTestId("pool-row")).waitForExist({ timeout: 10_000, timeoutMsg: "the pool lists its models" });
  const first = app.$(byTestId("pool-row"));
  const manufacturer = await first.getAttribute("data-manufacturer");
  const model = await first.getAttribute("data-model");
  const before = await poolRow(manufacturer, model);
  assert.equal(before.available, 3, `the demo puts three ${model} in the pool`);
  assert.equal(before.level, "unused", "nothing was swapped yet");
  assert.match(before.cover, /Inga byten på 8 veckor/);
  await screenshot(app, "repairs-01-pool");

  // A deployed unit of the model, its serial number read off the inventory as off its label.
  await click(byTestId("nav-inventory"));
  await whenStable(() => app.$(byTestId("filter-manufacturer")).selectByAttribute("value", manufacturer), "the maker filter");
  await whenStable(() => app.$(byTestId("filter-model")).selectByAttribute("value", model), "the model filter");
  await whenStable(() => app.$(byTestId("filter-lifecycle")).selectByAttribute("value", "deployed"), "the lifecycle filter");
  let serial = "";
  await app.waitUntil(
    async () =>
      whenStable(async () => {
        for (const row of await app.$$(byTestId("device-row"))) {
          const cell = async (column) => row.$(`td[data-column="${column}"]`).getProperty("textContent");
          const candidate = await row.getAttribute("data-serial");
          if (candidate && (await cell("model")) === model && (await cell("lifecycle")) === "Utlämnad") {
            serial = candidate;
            return true;
          }
        }
        return false;
      }, "reading the inventory's rows"),
    { timeout: 15_000, timeoutMsg: `the inventory shows a deployed ${model} with a serial number` },
  );
  await screenshot(app, "repairs-02-inventory");

  // Scanned in the header's field: a scanner types the serial number and Enter.
  const day = await lastWorkingDay();
  await app.$(byTestId("scan-input")).setValue(serial);
  await app.keys("Enter");
  await app.$(byTestId("scan-result")).waitForDisplayed({ timeout: 10_000 });
  await app.$(byTestId("scan-open-new-case")).waitForDisplayed({
    timeout: 10_000,
    timeoutMsg: "the scan finds the unit without a case and offers to open one",
  });
  assert.equal(await app.$(byTestId("scan-unit")).getAttribute("data-serial"), serial);
  await screenshot(app, "repairs-03-scan");
  await click(byTestId("scan-open-new-case"));

  // The new case, the unit already found: swap service, the fault, reported that morning.
  await app.$(byTestId("case-form-dialog")).waitForDisplayed({ timeout: 5_000 });
  assert.equal(await app.$(byTestId("case-unit")).getAttribute("data-serial"), serial, "the form opens with the scanned unit");
  await click(byTestId("case-sla-swap"));
  await fill("case-fault", "Spricka i skärmen, pekskärmen svarar inte");
  await fill("case-reported-by", "Servicedesk");
  await setLocalTime("case-reported-at", `${day}T08:00`);
  await screenshot(app, "repairs-04-new-case");
  await click(byTestId("case-submit"));
  await waitForGone(app, byTestId("case-form-dialog"), "the form closes once the case is open");

  // The case opens in the Repairs view's panel, its first step the default one.
  await app.$(byTestId("repairs-view")).waitForDisplayed({ timeout: 10_000 });
  const panel = app.$(byTestId("case-panel"));
  await panel.waitForDisplayed({ timeout: 10_000 });
  await app.$(byTestId("case-event-replacement_shipped")).waitForDisplayed({ timeout: 10_000 });
  assert.equal(await app.$(byTestId("case-sla")).getAttribute("data-sla"), "swap");
  assert.equal(await app.$(byTestId("case-event-replacement_shipped")).getAttribute("data-default"), "true");

  // The replacement: a pool unit of the same model, shown before it goes.
  let replacement;
  await recordStep("replacement_shipped", `${day}T09:00`, async () => {
    await app.waitUntil(async () => (await app.$(byTestId("record-event-unit")).getValue()) !== "", {
      timeout: 10_000,
      timeoutMsg: "the form shows which pool unit goes out",
    });
    const hint = await app.$(byTestId("record-event-unit-hint"));
    replacement = await hint.getAttribute("data-serial");
    assert.ok(replacement && replacement !== serial, `a pool unit goes out (${replacement})`);
    const goes = await hint.getProperty("textContent");
    assert.ok(goes.includes(`${manufacturer} ${model}`), `of the same model: ${goes}`);
    await screenshot(app, "repairs-05-replacement");
  });
  // The unit's serial number is read after the timeline itself.
  const shipped = `${byTestId("case-event")}[data-event="replacement_shipped"]`;
  await app.waitUntil(async () => (await app.$(shipped).getProperty("textContent")).includes(replacement), {
    timeout: 10_000,
    timeoutMsg: `the timeline names the unit sent, ${replacement}`,
  });

  // The user works on the replacement; the broken unit goes through the workshop into the pool.
  await recordStep("user_working", `${day}T09:10`);
  await recordStep("received", `${day}T09:20`);
  await recordStep("repaired", `${day}T09:30`);
  await recordStep("returned_to_pool", `${day}T09:40`);
  await app.waitUntil(async () => (await panel.getAttribute("data-closed")) === "true", {
    timeout: 10_000,
    timeoutMsg: "the case is closed once the repaired unit is back in the pool",
  });
  await app.$(byTestId("case-closed")).waitForDisplayed({ timeout: 5_000 });
  assert.equal((await app.$$(`${byTestId("case-steps")} button`)).length, 0, "a closed case offers no step");
  await screenshot(app, "repairs-06-closed");

  // One unit went out and the repaired one came back: as many available as before, and now a
  // rate of swaps to reckon the cover by.
  await click(byTestId("nav-pool"));
  let after;
  await app.waitUntil(
    async () => {
      after = await poolRow(manufacturer, model);
      return after.available === before.available && after.level !== "unused";
    },
    {
      timeout: 10_000,
      timeoutMsg: () => `the pool counts ${before.available} ${model} again, with a cover (shown: ${JSON.stringify(after)})`,
    },
  );
  assert.doesNotMatch(after.cover, /Inga byten/);
  assert.match(after.cover, /\d+(,\d)? veckor?/, `the cover is a number of weeks: ${after.cover}`);
  await screenshot(app, "repairs-07-pool-after");
});
