import { describe, expect, it } from "vitest";
import { formatSek } from "./money";

// Intl writes a no-break space between digit groups and before "kr", and a minus sign (U+2212).
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");

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
