import { describe, expect, it } from "vitest";
import type { DeviceRow } from "../bindings";
import { en as enDictionary } from "../i18n/en";
import { createTranslator } from "../i18n/translator";
import { COLUMNS, TABLE_MIN_WIDTH, isSortable, type CellContext } from "./columns";

const sv = createTranslator("sv");
const en = createTranslator("en");

/** Local noon, so the test does not depend on the machine's time zone. */
const context: CellContext = { now: new Date(2026, 2, 2, 12), expiringWithinDays: 90 };

function row(overrides: Partial<DeviceRow> = {}): DeviceRow {
  return {
    id: 1,
    serial: "F2LXK0ABHG7F",
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
    purchase_date: "2024-03-02",
    supplier: "Atea Sverige AB",
    warranty_end: "2027-03-01",
    certification: { state: "certified", on: "2025-11-05T09:30:00Z" },
    ...overrides,
  };
}

function cell(id: string, device: DeviceRow, i18n = sv) {
  const column = COLUMNS.find((candidate) => candidate.id === id);
  if (!column) throw new Error(`no column ${id}`);
  return column.cell(device, i18n, context);
}

describe("columns", () => {
  it("are each listed once, with a heading in the dictionary", () => {
    const ids = COLUMNS.map((column) => column.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(Object.hasOwn(enDictionary, `column.${id}`), id).toBe(true);
  });

  it("sort by every column but the certification, which the core cannot sort by", () => {
    expect(COLUMNS.filter((column) => !isSortable(column.id)).map((column) => column.id)).toEqual(["certification"]);
    expect(isSortable("warranty_end")).toBe(true);
  });

  it("keep a width the table's minimum can give them", () => {
    const total = 24 + COLUMNS.reduce((sum, column) => sum + column.width, 0);
    expect(TABLE_MIN_WIDTH).toBeLessThanOrEqual(total);
    expect(TABLE_MIN_WIDTH / total).toBeGreaterThan(0.9);
  });
});

describe("purchase cells", () => {
  it("show the purchase date and the supplier", () => {
    expect(cell("purchase_date", row())).toEqual({ text: "2024-03-02" });
    expect(cell("purchase_date", row(), en).text).toBe("02/03/2024");
    expect(cell("supplier", row())).toEqual({ text: "Atea Sverige AB", title: "Atea Sverige AB" });
  });

  it("say on hover that no purchase matches the unit", () => {
    const unbought = row({ purchase_date: null, supplier: null, warranty_end: null });
    for (const id of ["purchase_date", "supplier", "warranty_end"]) {
      expect(cell(id, unbought), id).toEqual({
        text: "—",
        title: "Inget inköp matchar enheten (på serienummer eller IMEI)",
        tone: "muted",
      });
    }
  });
});

describe("warranty end cell", () => {
  it("is plain while the warranty runs beyond the notice period", () => {
    expect(cell("warranty_end", row())).toEqual({ text: "2027-03-01", title: "2027-03-01 · Garantin gäller" });
  });

  it("is amber within the notice period, naming it on hover", () => {
    expect(cell("warranty_end", row({ warranty_end: "2026-05-31" }))).toEqual({
      text: "2026-05-31",
      title: "2026-05-31 · Går ut inom 90 dagar",
      tone: "warn",
    });
  });

  it("is red once the last covered day has passed", () => {
    expect(cell("warranty_end", row({ warranty_end: "2026-03-01" }), en)).toEqual({
      text: "01/03/2026",
      title: "01/03/2026 · Warranty expired",
      tone: "bad",
    });
  });

  it("follows the organisation's notice period", () => {
    const column = COLUMNS.find((candidate) => candidate.id === "warranty_end");
    const shorter = column?.cell(row({ warranty_end: "2026-05-31" }), sv, { ...context, expiringWithinDays: 30 });
    expect(shorter).toEqual({ text: "2026-05-31", title: "2026-05-31 · Garantin gäller" });
  });

  it("is empty for a purchase without a warranty period", () => {
    expect(cell("warranty_end", row({ warranty_end: null }))).toEqual({
      text: "—",
      title: "Garantitid saknas",
      tone: "muted",
    });
  });
});

describe("certification cell", () => {
  it("shows the model's status as the Models view's badge", () => {
    expect(cell("certification", row({ certification: { state: "in_progress", level: 2 } }))).toEqual({
      text: "Nivå 2 pågår",
      title: "Nivå 2 pågår",
      badge: "info",
    });
    expect(cell("certification", row({ certification: { state: "stopped", level: 1 } }), en)).toMatchObject({
      text: "Stopped at level 1",
      badge: "warn",
    });
    expect(cell("certification", row({ certification: { state: "not_started" } }))).toMatchObject({
      text: "Ej påbörjad",
      badge: "muted",
    });
  });

  it("leaves the date of a certification to the hover, to stay narrow", () => {
    const certified = cell("certification", row());
    expect(certified.text).toBe("Certifierad");
    expect(certified.title).toMatch(/^Certifierad 2025-11-0[56]$/);
    expect(certified.badge).toBe("good");
  });
});
