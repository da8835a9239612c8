import { describe, expect, it } from "vitest";
import type { ErrorPayload } from "../bindings";
import { createTranslator } from "../i18n/translator";
import { fieldProblem, MAX_STEP_TITLE_CHARS, titleProblem } from "./templateForm";

const sv = createTranslator("sv");
const en = createTranslator("en");
const invalid: ErrorPayload = { code: "invalid_input", message: "a step needs a title", field: null };

describe("titleProblem", () => {
  it("refuses an empty or blank title", () => {
    expect(titleProblem("")).toBe("empty");
    expect(titleProblem("  \t ")).toBe("empty");
  });

  it("counts characters as the core does, after trimming", () => {
    expect(titleProblem("å".repeat(MAX_STEP_TITLE_CHARS))).toBeNull();
    expect(titleProblem(`  ${"x".repeat(MAX_STEP_TITLE_CHARS)}  `)).toBeNull();
    expect(titleProblem("x".repeat(MAX_STEP_TITLE_CHARS + 1))).toBe("too_long");
    // An emoji is two UTF-16 units but one character: 200 of them still fit.
    expect(titleProblem("📱".repeat(MAX_STEP_TITLE_CHARS))).toBeNull();
  });
});

describe("fieldProblem", () => {
  it("says nothing while the person has not tried to add", () => {
    expect(fieldProblem("", false, null, sv)).toBeNull();
  });

  it("says what is wrong once they have tried", () => {
    expect(fieldProblem(" ", true, null, sv)).toBe("Beskriv steget.");
    expect(fieldProblem("x".repeat(201), true, null, en)).toBe("At most 200 characters.");
  });

  it("words the core's refusal by what was wrong with the title sent", () => {
    expect(fieldProblem("", false, { error: invalid, title: "x".repeat(201) }, sv)).toBe("Högst 200 tecken.");
    // A refusal the form cannot explain is shown as the core's error.
    expect(fieldProblem("Skärmskydd", false, { error: invalid, title: "Skärmskydd" }, sv)).toBe(
      "Begäran var ogiltig.",
    );
  });

  it("leaves other failures (a busy register) to the form's error", () => {
    const busy: ErrorPayload = { code: "database_busy", message: "busy", field: null };
    expect(fieldProblem("Skärmskydd", true, { error: busy, title: "Skärmskydd" }, sv)).toBeNull();
  });
});
