import { describe, expect, it } from "vitest";
import type { ErrorCode, ErrorPayload } from "../bindings";
import { incidentEventRefusal, incidentImportRefusal, incidentRefusal, repairRefusal } from "./refusals";

const error = (field: string | null, message: string, code: ErrorCode = "invalid_input"): ErrorPayload => ({
  code,
  message,
  field,
});

describe("incidentRefusal", () => {
  it("places a refusal at the field the core names", () => {
    expect(incidentRefusal(error("reporter", "incident: reporter is required"))).toEqual({
      field: "reporter",
      key: "repairs.refused.required",
    });
    expect(incidentRefusal(error("description", "incident: description is longer than 20000 characters"))).toEqual({
      field: "description",
      key: "repairs.refused.tooLong",
    });
    expect(incidentRefusal(error("received_at", "incident: received_at 2030-01-01 08:00:00 UTC is in the future"))?.key).toBe(
      "repairs.refused.future",
    );
  });

  it("tells a retired category and a missing agreement apart", () => {
    expect(incidentRefusal(error("category_id", "incident: category_id Theft/loss is retired"))?.key).toBe(
      "incidents.refused.retired",
    );
    expect(incidentRefusal(error("category_id", "incident: category_id there is no category 9"))?.key).toBe(
      "incidents.refused.noCategory",
    );
    expect(incidentRefusal(error("agreement_id", "incident: agreement_id choose the agreement"))?.key).toBe(
      "incidents.new.problem.agreement",
    );
    expect(incidentRefusal(error("agreement_id", "incident: agreement_id there is no agreement 4"))?.key).toBe(
      "incidents.refused.noAgreement",
    );
  });

  it("leaves a refusal without a field of the form to the form's own error", () => {
    expect(incidentRefusal(error(null, "there is no device with id 4", "not_found"))).toBeNull();
    expect(incidentRefusal(error("name", "nope"))).toBeNull();
  });
});

describe("incidentEventRefusal", () => {
  it("puts time problems at the time field", () => {
    const before = "incident 3: 2026-11-01 08:00:00 UTC is before the case was received (…); nothing was recorded";
    expect(incidentEventRefusal(error("at", before))).toEqual({ field: "at", key: "incidents.refused.beforeReceived" });
    expect(incidentEventRefusal(error("at", "incident 3: … is before the case's latest event (…)"))?.key).toBe(
      "incidents.refused.beforeLast",
    );
    expect(incidentEventRefusal(error("at", "incident: at 2031-01-01 is in the future"))?.key).toBe("repairs.refused.future");
  });

  it("words the timeline's rules at the field they are about", () => {
    expect(incidentEventRefusal(error("line", "incident 3: the case is in second line already; it can only go higher"))).toEqual({
      field: "line",
      key: "incidents.refused.notHigher",
    });
    expect(incidentEventRefusal(error("event", "incident 3: the case is completed; nothing was recorded"))?.key).toBe(
      "incidents.refused.completed",
    );
    expect(incidentEventRefusal(error("event", "incident 3: the case is not paused; nothing was recorded"))?.key).toBe(
      "incidents.refused.notPaused",
    );
    expect(incidentEventRefusal(error("resolution", "incident: resolution is required"))?.key).toBe("repairs.refused.required");
  });

  it("tells a step recorded by someone else meanwhile", () => {
    expect(incidentEventRefusal(error(null, "incident 3 was changed by someone else meanwhile", "changed_meanwhile"))).toEqual({
      field: "event",
      key: "incidents.refused.meanwhile",
    });
  });

  it("leaves other refusals to the form's own error", () => {
    expect(incidentEventRefusal(error(null, "there is no incident 3", "not_found"))).toBeNull();
  });
});

describe("repairRefusal", () => {
  it("says the case has a repair case already, or no device", () => {
    expect(repairRefusal(error("repair_case_id", "incident: repair_case_id the case already opened repair case 5"))).toBe(
      "incidents.refused.repairLinked",
    );
    expect(repairRefusal(error("device_id", "incident: device_id the case names no device to repair"))).toBe(
      "incidents.refused.noDevice",
    );
  });

  it("passes on the repair desk's refusal of the unit", () => {
    expect(repairRefusal(error("device_id", "repair: device_id the unit already has an open repair case (12)"))).toBe(
      "repairs.refused.alreadyOpen",
    );
    expect(repairRefusal(error(null, "database busy", "database_busy"))).toBeNull();
  });
});

describe("incidentImportRefusal", () => {
  it("places a missing or unknown agreement at the agreement select", () => {
    expect(incidentImportRefusal(error("agreement_id", "incident: agreement_id choose the agreement"))).toEqual({
      field: "agreement_id",
      key: "incidents.new.problem.agreement",
    });
    expect(incidentImportRefusal(error("agreement_id", "incident: agreement_id there is no agreement 4"))).toEqual({
      field: "agreement_id",
      key: "incidents.refused.noAgreement",
    });
  });

  it("says why a file cannot be read as a helpdesk export, not as a delivery file", () => {
    const unreadable = (problem: string) =>
      incidentImportRefusal(
        error(null, `export.csv cannot be read: ${problem}; nothing was imported`, "import_unreadable"),
      );
    expect(unreadable("the file has a header but no rows")).toEqual({ field: null, key: "incidents.import.refused.noRows" });
    expect(unreadable("the file is empty: it has no header line").key).toBe("incidents.import.refused.empty");
    expect(
      unreadable('this is an Excel workbook, not a CSV file; in Excel choose Save As and "CSV UTF-8", and import that file').key,
    ).toBe("incidents.import.refused.workbook");
    expect(unreadable('the file is saved as UTF-16 (Excel\'s "Unicode text"); save it as "CSV UTF-8"').key).toBe(
      "incidents.import.refused.utf16",
    );
    expect(unreadable('the file is marked as UTF-8 but byte 12 is not UTF-8; save it again as "CSV UTF-8"').key).toBe(
      "incidents.import.refused.invalidUtf8",
    );
    expect(unreadable("this is not a text file (byte 3 is not text); save the spreadsheet as CSV").key).toBe(
      "incidents.import.refused.notText",
    );
    expect(unreadable("line 7 cannot be read as CSV: unterminated quote").key).toBe("incidents.import.refused.csv");
    expect(unreadable("something new").key).toBe("incidents.import.refused.unreadable");
  });

  it("words a refused mapping, and any other error by its code", () => {
    expect(
      incidentImportRefusal(
        error("mapping", "export.csv: no column holds the external ref; choose the column that holds it, nothing was imported"),
      ).key,
    ).toBe("incidents.import.refused.missingColumn");
    expect(
      incidentImportRefusal(error("mapping", "export.csv: the mapping names 11 columns but the file has 12; choose the column…"))
        .key,
    ).toBe("incidents.import.refused.columns");
    expect(incidentImportRefusal(error(null, "database is locked", "database_busy"))).toEqual({
      field: null,
      key: "error.database_busy",
    });
  });
});
