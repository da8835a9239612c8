import { describe, expect, it } from "vitest";
import { caseQuery, CASE_WINDOW } from "./caseQuery";

describe("caseQuery", () => {
  it("asks for open, closed or every case", () => {
    expect(caseQuery("open", null).open).toBe(true);
    expect(caseQuery("closed", null).open).toBe(false);
    expect(caseQuery("all", null).open).toBeNull();
  });

  it("filters by SLA type and reads the first window", () => {
    expect(caseQuery("open", "swap")).toEqual({ open: true, sla: "swap", device_id: null, offset: 0, limit: CASE_WINDOW });
  });
});
