import { describe, expect, it } from "vitest";
import { en } from "./en";
import { sv } from "./sv";
import { interpolate, placeholders } from "./dictionary";

const languages = { en, sv } as const;

describe("dictionaries", () => {
  it("have exactly the same keys", () => {
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.entries(languages))("%s has no empty or untrimmed texts", (_, dictionary) => {
    for (const [key, text] of Object.entries(dictionary)) {
      expect(text.trim(), key).not.toBe("");
      expect(text, key).toBe(text.trim());
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(sv[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("translate the lifecycle and compliance states with the agreed Swedish terms", () => {
    expect(sv["lifecycle.in_stock"]).toBe("I lager");
    expect(sv["lifecycle.recycled"]).toBe("Återvunnen");
    expect(sv["compliance.noncompliant"]).toBe("Uppfyller inte krav");
    expect(sv["ownership.corporate"]).toBe("Företagsägd");
    expect(sv["nav.inventory"]).toBe("Enheter");
    expect(sv["nav.overview"]).toBe("Översikt");
    expect(sv["nav.connections"]).toBe("Anslutningar");
  });
});

describe("interpolate", () => {
  it("fills named placeholders and leaves unknown ones visible", () => {
    expect(interpolate("{count} of {total} ({missing})", { count: 3, total: "10" })).toBe("3 of 10 ({missing})");
  });

  it("replaces every occurrence", () => {
    expect(interpolate("{a}-{a}", { a: "x" })).toBe("x-x");
  });
});
