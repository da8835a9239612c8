import { describe, expect, it } from "vitest";
import { localeFor, pickLanguage } from "./language";

describe("pickLanguage", () => {
  it("uses the saved setting over the system languages", () => {
    expect(pickLanguage("en", ["sv-SE"])).toBe("en");
    expect(pickLanguage("sv", ["en-US"])).toBe("sv");
  });

  it("picks Swedish for any Swedish system language", () => {
    expect(pickLanguage(null, ["sv-SE"])).toBe("sv");
    expect(pickLanguage(null, ["sv"])).toBe("sv");
    expect(pickLanguage(null, ["sv-FI", "en"])).toBe("sv");
    expect(pickLanguage(null, ["SV-se"])).toBe("sv");
  });

  it("picks English when no Swedish is preferred", () => {
    expect(pickLanguage(null, ["en-US"])).toBe("en");
    expect(pickLanguage(null, ["de-DE", "fr"])).toBe("en");
    expect(pickLanguage(null, [])).toBe("en");
  });

  it("respects the order of preference between Swedish and English", () => {
    expect(pickLanguage(null, ["en-GB", "sv-SE"])).toBe("en");
    expect(pickLanguage(null, ["fi-FI", "sv-FI", "en"])).toBe("sv");
  });

  it("does not mistake other languages starting with the letters s and v", () => {
    expect(pickLanguage(null, ["svc", "en"])).toBe("en");
  });
});

describe("localeFor", () => {
  it("maps languages to the locales used for formatting", () => {
    expect(localeFor("sv")).toBe("sv-SE");
    expect(localeFor("en")).toBe("en-GB");
  });
});
