import { describe, expect, it } from "vitest";
import { formatOre, formatSek, formatVatRate } from "./money";

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
