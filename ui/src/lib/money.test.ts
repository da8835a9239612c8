import { describe, expect, it } from "vitest";
import { formatOre, formatSek, formatVatRate, parseSek } from "./money";

// Intl writes a no-break space between digit groups and before "kr", and a minus sign (U+2212).
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");

describe("formatOre", () => {
  it("formats whole öre as Swedish kronor with two decimals", () => {
    expect(plain(formatOre(1_234_550))).toBe("12 345,50 kr");
    expect(plain(formatOre(899_00, "sv-SE"))).toBe("899,00 kr");
    expect(plain(formatOre(1))).toBe("0,01 kr");
    expect(plain(formatOre(0))).toBe("0,00 kr");
  });

  it("keeps every öre of a large amount", () => {
    expect(plain(formatOre(123_456_789_01))).toBe("123 456 789,01 kr");
  });

  it("formats a credit as negative", () => {
    expect(plain(formatOre(-50_000))).toBe("-500,00 kr");
  });

  it("follows the interface's locale", () => {
    expect(plain(formatOre(1_234_550, "en-GB"))).toBe("SEK 12,345.50");
  });
});

describe("formatVatRate", () => {
  it("reads basis points as a percentage", () => {
    expect(plain(formatVatRate(2500))).toBe("25 %");
    expect(plain(formatVatRate(1250))).toBe("12,5 %");
    expect(formatVatRate(600, "en-GB")).toBe("6%");
  });
});

describe("formatSek", () => {
  it("shows öre as whole Swedish kronor", () => {
    expect(plain(formatSek(1_234_500, "sv-SE"))).toBe("12 345 kr");
    expect(plain(formatSek(0, "sv-SE"))).toBe("0 kr");
    expect(plain(formatSek(899_900, "sv-SE"))).toBe("8 999 kr");
  });

  it("rounds to the nearest krona", () => {
    expect(plain(formatSek(1_234_550, "sv-SE"))).toBe("12 346 kr");
    expect(plain(formatSek(1_234_549, "sv-SE"))).toBe("12 345 kr");
  });

  it("keeps large budgets exact", () => {
    expect(plain(formatSek(987_654_321_00, "sv-SE"))).toBe("987 654 321 kr");
  });

  it("follows the interface's locale", () => {
    expect(plain(formatSek(1_234_500, "en-GB"))).toBe("SEK 12,345");
  });
});

describe("parseSek", () => {
  const ore = (text: string) => {
    const parsed = parseSek(text);
    return parsed.ok ? parsed.ore : parsed.problem;
  };

  it("reads whole kronor, with or without digit groups", () => {
    expect(ore("9490")).toBe(949_000);
    expect(ore("9 490")).toBe(949_000);
    expect(ore("1 234 567")).toBe(123_456_700);
    expect(ore("0")).toBe(0);
    expect(ore("  12  ")).toBe(1_200);
  });

  it("takes a comma or a dot as the decimal mark, with one or two decimals", () => {
    expect(ore("9 490,00")).toBe(949_000);
    expect(ore("9 490,5")).toBe(949_050);
    expect(ore("9490.50")).toBe(949_050);
    expect(ore("0,01")).toBe(1);
    expect(ore("12,07")).toBe(1_207);
  });

  it("takes the no-break spaces a pasted, formatted amount has", () => {
    expect(ore("9\u00a0490,00")).toBe(949_000);
    expect(ore("12\u202f345,50")).toBe(1_234_550);
    expect(ore(formatOre(1_234_550).replace(/[\u00a0\u202f]kr$/, ""))).toBe(1_234_550);
  });

  it("keeps every öre of a large amount", () => {
    expect(ore("123 456 789,01")).toBe(12_345_678_901);
    expect(ore("9999999999999,99")).toBe(999_999_999_999_999);
  });

  it("asks for an amount when there is none", () => {
    expect(ore("")).toBe("empty");
    expect(ore("   ")).toBe("empty");
  });

  it("refuses more than two decimals", () => {
    expect(ore("9490,005")).toBe("decimals");
    expect(ore("1.999")).toBe("decimals");
  });

  it("refuses what it would have to guess at", () => {
    for (const text of [
      "9.490,00",
      "9,490.00",
      "9 49",
      "94 90",
      "9  490",
      " 9 490 kr",
      "SEK 9490",
      "-100",
      "+100",
      "9490,",
      ",50",
      "1e3",
      "9490,5,0",
      "abc",
      "١٢٣",
    ]) {
      expect(ore(text), text).toBe("format");
    }
  });

  it("refuses an amount too large to be a price", () => {
    expect(ore("99999999999999")).toBe("too_large");
    expect(ore("00000000000000001")).toBe(100);
  });
});
