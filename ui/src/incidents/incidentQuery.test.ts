import { describe, expect, it } from "vitest";
import { INCIDENT_WINDOW, incidentQuery } from "./incidentQuery";

describe("incidentQuery", () => {
  it("asks for open, completed or every case", () => {
    expect(incidentQuery("open", null).open).toBe(true);
    expect(incidentQuery("completed", null).open).toBe(false);
    expect(incidentQuery("all", null).open).toBeNull();
  });

  it("filters by category and reads the first window", () => {
    expect(incidentQuery("open", 4)).toEqual({ open: true, category_id: 4, device_id: null, offset: 0, limit: INCIDENT_WINDOW });
  });
});
