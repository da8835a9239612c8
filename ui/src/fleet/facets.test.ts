import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translator";
import { facetOptions, topFacets } from "./facets";

const sv = createTranslator("sv");
const en = createTranslator("en");

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
    expect(facetOptions("org_unit", facets, null, sv).map((o) => o.value)).toEqual([
      "Zinkgruvan",
      "Åre",
      "Ängelholm",
      "Örebro",
    ]);
  });

  it("keeps an applied filter value that is no longer among the facets", () => {
    const options = facetOptions("model", [{ value: "Pixel 8", count: 3 }], "Nokia 3310", en);
    expect(options[0]).toEqual({ value: "Nokia 3310", label: "Nokia 3310", count: null });
    expect(options).toHaveLength(2);
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
