import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translator";
import { actionLabel, changeValueLabel, entityLabel, fieldLabel, recordLabel } from "./auditLabels";

const sv = createTranslator("sv");
const en = createTranslator("en");

describe("audit labels", () => {
  it("translate the actions the store writes", () => {
    expect(actionLabel("move", sv)).toBe("Flyttad");
    expect(actionLabel("sync", sv)).toBe("Synkning");
    expect(actionLabel("import", en)).toBe("Import");
  });

  it("word the pre-configuration checklist's entries", () => {
    expect(actionLabel("preconfig", sv)).toBe("Förberedelse");
    expect(actionLabel("retire_step", en)).toBe("Step removed");
    expect(recordLabel("purchase", "R58N12ABCDE", sv)).toBe("Inköpt enhet R58N12ABCDE");
    expect(recordLabel("preconfig_template", "7", en)).toBe("Pre-configuration step 7");
    expect(fieldLabel("step", sv)).toBe("Steg");
    expect(fieldLabel("done", sv)).toBe("Klar");
    expect(changeValueLabel("done", "true", sv)).toBe("Ja");
    expect(fieldLabel("title", en)).toBe("Title");
  });

  it("show an unknown action or record kind as the log has it", () => {
    expect(actionLabel("archive", sv)).toBe("archive");
    expect(entityLabel("contract", sv)).toBe("contract");
    expect(actionLabel("toString", sv)).toBe("toString");
  });

  it("name the record by kind and id", () => {
    expect(recordLabel("device", "42", sv)).toBe("Enhet 42");
    expect(recordLabel("connection", "3", en)).toBe("Connection 3");
    expect(recordLabel("setting", null, sv)).toBe("Inställning");
  });

  it("name known fields and leave others as stored", () => {
    expect(fieldLabel("lifecycle", sv)).toBe("Livscykel");
    expect(fieldLabel("base_url", sv)).toBe("base_url");
    expect(fieldLabel("", sv)).toBe("");
  });

  it("word values as the rest of the app does", () => {
    expect(changeValueLabel("lifecycle", "in_stock", sv)).toBe("I lager");
    expect(changeValueLabel("mode", "full", en)).toBe("Full");
    expect(changeValueLabel("closed", "true", sv)).toBe("Ja");
    expect(changeValueLabel("reason", null, sv)).toBe("(ingen)");
    expect(changeValueLabel("reason", "Trasig skärm", sv)).toBe("Trasig skärm");
  });
});
