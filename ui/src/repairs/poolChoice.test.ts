import { describe, expect, it } from "vitest";
import type { PoolUnitView } from "../bindings";
import { defaultPoolUnit, otherModels } from "./poolChoice";

let next = 1;
const unit = (manufacturer: string, model: string): PoolUnitView => ({
  device_id: next++,
  serial: `S${next}`,
  manufacturer,
  model,
});

const a1 = unit("Apple", "iPhone 15");
const a2 = unit("Apple", "iPhone 15");
const b1 = unit("Samsung", "Galaxy S24");
const c1 = unit("Apple", "iPhone 14");
const c2 = unit("Apple", "iPhone 14");
const all = [a1, b1, c1, a2, c2];

describe("otherModels", () => {
  it("leaves out the unit's own model and groups the rest, the same maker first", () => {
    const groups = otherModels(all, "Apple", "iPhone 15");
    expect(groups.map((group) => `${group.manufacturer} ${group.model}`)).toEqual(["Apple iPhone 14", "Samsung Galaxy S24"]);
    expect(groups[0]?.units).toEqual([c1, c2]);
  });

  it("is empty when the pool holds only the model", () => {
    expect(otherModels([a1, a2], "Apple", "iPhone 15")).toEqual([]);
  });
});

describe("defaultPoolUnit", () => {
  it("starts with the model's first unit, the one the core would send", () => {
    expect(defaultPoolUnit("replacement_shipped", [a1, a2], all)).toBe(a1.device_id);
    expect(defaultPoolUnit("loaner_shipped", [a2], all)).toBe(a2.device_id);
  });

  it("picks another model only for a loaner", () => {
    expect(defaultPoolUnit("loaner_shipped", [], all)).toBe(a1.device_id);
    expect(defaultPoolUnit("replacement_shipped", [], all)).toBeNull();
    expect(defaultPoolUnit("loaner_shipped", [], [])).toBeNull();
  });
});
