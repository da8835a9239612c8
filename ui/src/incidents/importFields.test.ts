import { describe, expect, it } from "vitest";
import type { IncidentColumn } from "../bindings";
import { en } from "../i18n/en";
import { sv } from "../i18n/sv";
import { setColumnField } from "../import/columnMapping";
import {
  columnHeader,
  importSourceKey,
  INCIDENT_FIELDS,
  incidentFieldKey,
  incidentImportOptions,
  isRequiredField,
  REQUIRED_INCIDENT_FIELDS,
} from "./importFields";

/** A Swedish helpdesk's export as the core guessed its columns: the level column not recognised. */
const guessed: readonly IncidentColumn[] = [
  { header: "Ärendenr", field: "external_ref" },
  { header: "Registrerad", field: "received_at" },
  { header: "Avslutad", field: "completed_at" },
  { header: "Kategori", field: "category" },
  { header: "Nivå/Grupp", field: null },
  { header: "Beskrivning", field: "description" },
];

describe("incident import fields", () => {
  it("lists every field once, in the order a case reads", () => {
    expect(INCIDENT_FIELDS).toEqual([
      "external_ref",
      "received_at",
      "responded_at",
      "completed_at",
      "category",
      "line",
      "channel",
      "reporter",
      "device",
      "org_unit",
      "description",
      "resolution",
    ]);
    expect(new Set(INCIDENT_FIELDS).size).toBe(INCIDENT_FIELDS.length);
  });

  it("word every field and mapping source in both languages", () => {
    const keys = [...INCIDENT_FIELDS.map(incidentFieldKey), ...(["given", "remembered", "guessed"] as const).map(importSourceKey)];
    for (const key of keys) {
      expect(en[key], key).toBeTruthy();
      expect(sv[key], key).toBeTruthy();
    }
    expect(new Set(INCIDENT_FIELDS.map((field) => sv[incidentFieldKey(field)])).size).toBe(INCIDENT_FIELDS.length);
  });

  it("use the helpdesk's Swedish terms", () => {
    expect(INCIDENT_FIELDS.map((field) => sv[incidentFieldKey(field)])).toEqual([
      "Ärendenummer",
      "Mottaget",
      "Första svar",
      "Slutfört",
      "Kategori",
      "Linje",
      "Kanal",
      "Anmälare",
      "Serienummer/IMEI",
      "Förvaltning",
      "Beskrivning",
      "Lösning",
    ]);
    expect(sv["incidents.import.title"]).toBe("Importera ärenden från servicedesk");
  });

  it("require the fields the core requires", () => {
    expect(REQUIRED_INCIDENT_FIELDS.filter((field) => !INCIDENT_FIELDS.includes(field))).toEqual([]);
    expect(INCIDENT_FIELDS.filter(isRequiredField)).toEqual(["external_ref", "received_at", "category", "description"]);
  });
});

describe("incidentImportOptions", () => {
  it("lets the core choose the columns and the agreement until the user does", () => {
    expect(incidentImportOptions(null, null)).toEqual({ mapping: null, agreement_id: null });
  });

  it("sends every column in file order once one is changed, with the agreement chosen", () => {
    const edited = setColumnField(guessed, 4, "line");
    expect(incidentImportOptions(edited, 3)).toEqual({
      mapping: [
        { header: "Ärendenr", field: "external_ref" },
        { header: "Registrerad", field: "received_at" },
        { header: "Avslutad", field: "completed_at" },
        { header: "Kategori", field: "category" },
        { header: "Nivå/Grupp", field: "line" },
        { header: "Beskrivning", field: "description" },
      ],
      agreement_id: 3,
    });
  });

  it("gives a field to the column chosen for it, taking it from the column that held it", () => {
    const edited = setColumnField(guessed, 4, "description");
    const sent = incidentImportOptions(edited, null).mapping ?? [];
    expect(sent.filter((column) => column.field === "description")).toEqual([{ header: "Nivå/Grupp", field: "description" }]);
    expect(sent[5]).toEqual({ header: "Beskrivning", field: null });
  });

  it("stops importing a column the user sets to not imported", () => {
    const sent = incidentImportOptions(setColumnField(guessed, 2, null), null).mapping;
    expect(sent?.[2]).toEqual({ header: "Avslutad", field: null });
    expect(guessed[2]?.field).toBe("completed_at");
  });
});

describe("columnHeader", () => {
  it("finds the file's header of the column holding a field", () => {
    expect(columnHeader(guessed, "completed_at")).toBe("Avslutad");
    expect(columnHeader(guessed, "line")).toBeNull();
  });
});
