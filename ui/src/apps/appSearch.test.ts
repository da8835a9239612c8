import { describe, expect, it } from "vitest";
import type { AppSearch } from "../bindings";
import { isSearchable, nameForKey, searchText, shortVersions } from "./appSearch";

describe("searchText", () => {
  it("folds as the core does: whitespace runs collapsed, lower case", () => {
    expect(searchText("  TikTok  ")).toBe("tiktok");
    expect(searchText("Microsoft \t  Teams")).toBe("microsoft teams");
    expect(searchText("ÅRSTA Skola")).toBe("årsta skola");
  });

  it("takes wildcards and SQL-looking text literally", () => {
    expect(searchText("%' OR 1=1 --")).toBe("%' or 1=1 --");
    expect(searchText("*")).toBe("*");
  });
});

describe("isSearchable", () => {
  it("needs two characters of folded text, as the core does", () => {
    expect(isSearchable("")).toBe(false);
    expect(isSearchable("t")).toBe(false);
    expect(isSearchable("   t   ")).toBe(false);
    expect(isSearchable("ti")).toBe(true);
    expect(isSearchable("t k")).toBe(true);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(isSearchable("ö")).toBe(false);
    expect(isSearchable("😀")).toBe(false);
    expect(isSearchable("öä")).toBe(true);
  });

  it("sends wildcards on, where they simply match nothing", () => {
    expect(isSearchable("%%")).toBe(true);
  });
});

describe("shortVersions", () => {
  it("keeps the three newest and counts the rest", () => {
    expect(shortVersions(["35.1", "35.0", "34.9", "34.2", "33.0"])).toEqual({ shown: ["35.1", "35.0", "34.9"], more: 2 });
  });

  it("shows a short list whole", () => {
    expect(shortVersions(["2.0", "1.0"])).toEqual({ shown: ["2.0", "1.0"], more: 0 });
    expect(shortVersions([])).toEqual({ shown: [], more: 0 });
    expect(shortVersions(["3", "2", "1"])).toEqual({ shown: ["3", "2", "1"], more: 0 });
  });

  it("takes another limit", () => {
    expect(shortVersions(["3", "2", "1"], 1)).toEqual({ shown: ["3"], more: 2 });
  });
});

describe("nameForKey", () => {
  const search: AppSearch = {
    matches: [
      { key: "tiktok", name: "TikTok", identifiers: ["com.zhiliaoapp.musically"], publishers: ["TikTok Ltd."], versions: ["35.1"], devices: 1778 },
      { key: "tiktok lite", name: "TikTok Lite", identifiers: [], publishers: [], versions: [], devices: 3 },
    ],
    more: 0,
  };

  it("finds the product by its exact key", () => {
    expect(nameForKey(search, "tiktok")).toBe("TikTok");
    expect(nameForKey(search, "tiktok lite")).toBe("TikTok Lite");
  });

  it("is null for a key the search did not list, or no search", () => {
    expect(nameForKey(search, "tik")).toBeNull();
    expect(nameForKey(null, "tiktok")).toBeNull();
  });
});
