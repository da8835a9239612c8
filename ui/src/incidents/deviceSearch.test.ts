import { describe, expect, it } from "vitest";
import type { DeviceRow } from "../bindings";
import { DEVICE_HITS, deviceSearchQuery, exactHit, incidentDeviceOf } from "./deviceSearch";

const row = (id: number, serial: string, imei: string | null = null): DeviceRow =>
  ({
    id,
    serial,
    imei,
    manufacturer: "Apple",
    model: "iPhone 15",
    user_name: "Kim Lind",
  }) as DeviceRow;

describe("deviceSearchQuery", () => {
  it("searches the inventory's way for a few hits", () => {
    const query = deviceSearchQuery(" F2LX ");
    expect(query?.view.search).toBe("F2LX");
    expect(query?.limit).toBe(DEVICE_HITS);
    expect(query?.view.filters.lifecycle).toBeNull();
  });

  it("waits for at least two characters", () => {
    expect(deviceSearchQuery("F")).toBeNull();
    expect(deviceSearchQuery("  ")).toBeNull();
  });
});

describe("exactHit", () => {
  const rows = [row(1, "F2LXK0ABHG7F"), row(2, "F2LXK0ABHG7G", "356789012345678")];

  it("picks the unit whose serial number or IMEI is the text", () => {
    expect(exactHit(rows, "f2lxk0abhg7f ")?.id).toBe(1);
    expect(exactHit(rows, "356789012345678")?.id).toBe(2);
  });

  it("picks the only hit, and none among several", () => {
    expect(exactHit([row(3, "ABC")], "Kim")?.id).toBe(3);
    expect(exactHit(rows, "F2LX")).toBeNull();
    expect(exactHit([], "F2LX")).toBeNull();
  });

  it("does not take a unit without a serial number for an empty code", () => {
    expect(exactHit([row(1, ""), row(2, "")], " ")).toBeNull();
  });
});

describe("incidentDeviceOf", () => {
  it("keeps what names the unit in a case", () => {
    expect(incidentDeviceOf(row(1, "ABC", "35"))).toEqual({
      device_id: 1,
      serial: "ABC",
      imei: "35",
      manufacturer: "Apple",
      model: "iPhone 15",
      user_name: "Kim Lind",
    });
  });
});
