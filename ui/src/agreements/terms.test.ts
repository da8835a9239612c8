import { describe, expect, it } from "vitest";
import type { AgreementTerms, AgreementView } from "../bindings";
import { latestTerms, termsAt } from "./terms";

const terms = (valid_from: string): AgreementTerms => ({
  valid_from,
  window: { days: "working_days", opens: 480, closes: 1020 },
  pausing: [],
  targets: [],
});

const agreement: AgreementView = {
  id: 1,
  name: "Standard",
  terms: [terms("2026-11-16T00:00:00Z"), terms("2026-01-01T00:00:00Z")],
};

describe("latestTerms", () => {
  it("is the terms that began last", () => {
    expect(latestTerms(agreement)?.valid_from).toBe("2026-11-16T00:00:00Z");
    expect(latestTerms({ ...agreement, terms: [] })).toBeNull();
  });
});

describe("termsAt", () => {
  it("is the latest terms begun by then", () => {
    expect(termsAt(agreement, "2026-11-15T23:59:00Z")?.valid_from).toBe("2026-01-01T00:00:00Z");
    expect(termsAt(agreement, "2026-11-16T00:00:00Z")?.valid_from).toBe("2026-11-16T00:00:00Z");
  });

  it("is the first terms for a case received before them, and none without terms", () => {
    expect(termsAt(agreement, "2025-06-01T00:00:00Z")?.valid_from).toBe("2026-01-01T00:00:00Z");
    expect(termsAt({ ...agreement, terms: [] }, "2025-06-01T00:00:00Z")).toBeNull();
  });
});
