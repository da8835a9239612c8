import { describe, expect, it } from "vitest";
import type { ErrorCode, ErrorPayload } from "../bindings";
import { agreementRefusal, categoryRefusal } from "./refusals";

const error = (field: string | null, message: string, code: ErrorCode = "invalid_input"): ErrorPayload => ({
  code,
  message,
  field,
});

describe("categoryRefusal", () => {
  it("says a name is taken, missing or too long, at its field", () => {
    expect(categoryRefusal(error("name_sv", 'incident: name_sv "Felanmälan" exists already'))).toEqual({
      field: "name_sv",
      key: "agreements.refused.categoryExists",
    });
    expect(categoryRefusal(error("name_en", "incident: name_en is required"))?.key).toBe("repairs.refused.required");
    expect(categoryRefusal(error("name_en", "incident: name_en is longer than 80 characters"))?.key).toBe("repairs.refused.tooLong");
  });

  it("leaves other refusals to the form's own error", () => {
    expect(categoryRefusal(error("category_id", "incident: category_id there is no category 3 in use"))).toBeNull();
    expect(categoryRefusal(error(null, "busy", "database_busy"))).toBeNull();
  });
});

describe("agreementRefusal", () => {
  it("says a name is taken", () => {
    expect(agreementRefusal(error("name", 'incident: name "Standard" exists already'))).toEqual({
      field: "name",
      key: "agreements.refused.nameTaken",
    });
  });

  it("places a refused window at its closing time", () => {
    expect(agreementRefusal(error("window", "incident: window a window opens before it closes, within one day (…)"))).toEqual({
      field: "closes",
      key: "agreements.problem.closesBeforeOpens",
    });
  });

  it("words the targets' refusals", () => {
    expect(agreementRefusal(error("targets", "incident: targets there is no category 9"))?.key).toBe("incidents.refused.noCategory");
    expect(agreementRefusal(error("targets", "incident: targets a target of 0 minutes cannot be met"))?.key).toBe(
      "agreements.problem.zero",
    );
    expect(agreementRefusal(error("targets", "incident: targets two targets name the same cases"))?.key).toBe(
      "agreements.problem.sameCases",
    );
  });

  it("leaves an unknown agreement and other codes to the form's own error", () => {
    expect(agreementRefusal(error("id", "incident: id there is no agreement 4"))).toBeNull();
    expect(agreementRefusal(error("name", "busy", "database_busy"))).toBeNull();
  });
});
