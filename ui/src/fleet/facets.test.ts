import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translator";
import type { FleetSummary } from "../bindings";
import { facetLabel, facetOptions, facetsOf, orgUnitNames, topFacets } from "./facets";

const sv = createTranslator("sv");
const en = createTranslator("en");
const context = { expiringWithinDays: 90 };

describe("facetOptions", () => {
  it("labels enum facets in the active language, keeps the raw value and the natural order", () => {
    const options = facetOptions(
      "lifecycle",
      [
        { value: "recycled", count: 5 },
        { value: "deployed", count: 900 },
        { value: "in_stock", count: 40 },
      ],
      null,
      sv,
      context,
    );
    expect(options).toEqual([
      { value: "in_stock", label: "I lager", count: 40 },
      { value: "deployed", label: "Utlämnad", count: 900 },
      { value: "recycled", label: "Återvunnen", count: 5 },
    ]);
  });

  it("sorts free-text facets alphabetically with Swedish collation", () => {
    const facets = [
      { value: "Örebro", count: 1 },
      { value: "Ängelholm", count: 1 },
      { value: "Åre", count: 1 },
      { value: "Zinkgruvan", count: 1 },
    ];
    expect(facetOptions("org_unit", facets, null, sv, context).map((o) => o.value)).toEqual([
      "Zinkgruvan",
      "Åre",
      "Ängelholm",
      "Örebro",
    ]);
  });

  it("keeps an applied filter value that is no longer among the facets", () => {
    const options = facetOptions("model", [{ value: "Pixel 8", count: 3 }], "Nokia 3310", en, context);
    expect(options[0]).toEqual({ value: "Nokia 3310", label: "Nokia 3310", count: null });
    expect(options).toHaveLength(2);
  });
});

describe("warranty and certification facets", () => {
  it("word the warranty statuses with the notice period, in the order a warranty runs", () => {
    const facets = [
      { value: "unknown", count: 40 },
      { value: "expired", count: 7 },
      { value: "active", count: 1200 },
      { value: "expiring", count: 31 },
    ];
    expect(facetOptions("warranty", facets, null, sv, { expiringWithinDays: 45 })).toEqual([
      { value: "active", label: "Garantin gäller", count: 1200 },
      { value: "expiring", label: "Går ut inom 45 dagar", count: 31 },
      { value: "expired", label: "Garantin har gått ut", count: 7 },
      { value: "unknown", label: "Garantitid saknas", count: 40 },
    ]);
    expect(facetLabel("warranty", "expiring", en, { expiringWithinDays: 1000 })).toBe("Expiring within 1,000 days");
  });

  it("list certified before not certified, translated", () => {
    const facets = [
      { value: "not_certified", count: 300 },
      { value: "certified", count: 2000 },
    ];
    expect(facetOptions("certification", facets, null, sv, context)).toEqual([
      { value: "certified", label: "Certifierad", count: 2000 },
      { value: "not_certified", label: "Ej certifierad", count: 300 },
    ]);
  });

  it("show suppliers as they are named, alphabetically", () => {
    const facets = [
      { value: "Dustin", count: 2 },
      { value: "Atea Sverige AB", count: 9 },
    ];
    expect(facetOptions("supplier", facets, null, sv, context).map((o) => o.label)).toEqual(["Atea Sverige AB", "Dustin"]);
  });

  it("read each filter's facets from the summary", () => {
    const summary = {
      by_supplier: [{ value: "Dustin", count: 2 }],
      by_warranty: [{ value: "active", count: 2 }],
      by_certification: [{ value: "certified", count: 2 }],
    } as unknown as FleetSummary;
    expect(facetsOf(summary, "supplier")).toBe(summary.by_supplier);
    expect(facetsOf(summary, "warranty")).toBe(summary.by_warranty);
    expect(facetsOf(summary, "certification")).toBe(summary.by_certification);
  });
});

describe("topFacets", () => {
  it("keeps the largest counts, ties in a stable order", () => {
    const facets = [
      { value: "b", count: 5 },
      { value: "a", count: 5 },
      { value: "c", count: 9 },
      { value: "d", count: 1 },
    ];
    expect(topFacets(facets, 3).map((f) => f.value)).toEqual(["c", "a", "b"]);
    expect(facets[0]?.value).toBe("b");
  });
});

describe("orgUnitNames", () => {
  it("lists the named units alphabetically, digits by their value", () => {
    const facets = [
      { value: "Socialförvaltningen", count: 10 },
      { value: "", count: 4 },
      { value: "Avdelning 10", count: 1 },
      { value: "Avdelning 2", count: 1 },
      { value: "Ärendeservice", count: 2 },
    ];
    expect(orgUnitNames(facets, "sv-SE")).toEqual(["Avdelning 2", "Avdelning 10", "Socialförvaltningen", "Ärendeservice"]);
  });
});
