import { describe, expect, it } from "vitest";
import type { CategoryLabel } from "../bindings";
import { createTranslator } from "../i18n/translator";
import { pausesText, scopeText, windowText } from "./termsText";

const sv = createTranslator("sv");
const en = createTranslator("en");

describe("windowText", () => {
  it("names the days and the hours", () => {
    expect(windowText({ days: "working_days", opens: 480, closes: 1020 }, sv)).toBe("Vardagar 08:00–17:00");
    expect(windowText({ days: "every_day", opens: 0, closes: 1440 }, en)).toBe("Every day 00:00–24:00");
  });
});

describe("pausesText", () => {
  it("lists what stops the clock, or says nothing does", () => {
    expect(pausesText(["awaiting_reporter", "awaiting_supplier"], sv)).toBe(
      "Klockan stannar vid väntan på anmälaren och väntan på leverantör",
    );
    expect(pausesText(["awaiting_supplier"], en)).toBe("The clock stops while awaiting a supplier");
    expect(pausesText([], sv)).toBe("Inget stoppar klockan");
  });
});

describe("scopeText", () => {
  const categories: CategoryLabel[] = [{ id: 3, name_sv: "Felanmälan", name_en: "Fault report", retired: false }];
  it("names the category, the line, both, or every other case", () => {
    expect(scopeText({ category_id: null, line: null }, categories, sv)).toBe("Alla övriga ärenden");
    expect(scopeText({ category_id: 3, line: null }, categories, sv)).toBe("Felanmälan");
    expect(scopeText({ category_id: null, line: "third" }, categories, sv)).toBe("3:e linjen");
    expect(scopeText({ category_id: 3, line: "second" }, categories, en)).toBe("Fault report in 2nd line");
  });

  it("names a category it does not know by its number", () => {
    expect(scopeText({ category_id: 9, line: null }, categories, sv)).toBe("Kategori 9");
  });
});
