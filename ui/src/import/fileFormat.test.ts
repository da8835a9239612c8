import { describe, expect, it } from "vitest";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { createTranslator } from "../i18n/translator";
import { delimiterText, encodingKey } from "./fileFormat";

describe("file format labels", () => {
  it("word every encoding in both languages", () => {
    for (const key of (["utf8", "utf8_bom", "windows1252"] as const).map(encodingKey)) {
      expect(en[key], key).toBeTruthy();
      expect(sv[key], key).toBeTruthy();
    }
  });

  it("name the delimiter in words", () => {
    const i18n = createTranslator("sv");
    expect(delimiterText(";", i18n)).toBe("semikolon");
    expect(delimiterText("\t", i18n)).toBe("tabbtecken");
    expect(delimiterText("#", i18n)).toBe("”#”");
    expect(delimiterText("toString", i18n)).toBe("”toString”");
  });
});
