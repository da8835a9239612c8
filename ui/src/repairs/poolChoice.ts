/**
 * Which pool unit goes out with a replacement or a loaner. The core lists a model's available
 * units longest-in-pool first and sends the first when none is chosen; the form shows that one
 * and lets the coordinator pick another, of the model or, when it has none, of another one.
 */
import type { PoolUnitView, RepairEvent } from "../bindings";

export type ModelGroup = {
  readonly manufacturer: string;
  readonly model: string;
  readonly units: readonly PoolUnitView[];
};

const sameModel = (unit: PoolUnitView, manufacturer: string, model: string) =>
  unit.manufacturer === manufacturer && unit.model === model;

/**
 * The available units of every model but the unit's own, grouped by model: the same maker's
 * models first (the likeliest stand-ins), then by name; units keep the core's order.
 */
export function otherModels(all: readonly PoolUnitView[], manufacturer: string, model: string): ModelGroup[] {
  const groups = new Map<string, { manufacturer: string; model: string; units: PoolUnitView[] }>();
  for (const unit of all) {
    if (sameModel(unit, manufacturer, model)) continue;
    const key = `${unit.manufacturer}\u0000${unit.model}`;
    const group = groups.get(key) ?? { manufacturer: unit.manufacturer, model: unit.model, units: [] };
    group.units.push(unit);
    groups.set(key, group);
  }
  const collator = new Intl.Collator("sv", { numeric: true, sensitivity: "base" });
  return [...groups.values()].sort(
    (a, b) =>
      Number(b.manufacturer === manufacturer) - Number(a.manufacturer === manufacturer) ||
      collator.compare(a.manufacturer, b.manufacturer) ||
      collator.compare(a.model, b.model),
  );
}

/**
 * The unit the form starts with: the model's first (what the core would send), else for a
 * loaner the pool's first of any model (a loaner may be any phone, and the core sends it so
 * too); a replacement of another model is the coordinator's choice, so none is picked for them.
 */
export function defaultPoolUnit(
  event: RepairEvent,
  ofModel: readonly PoolUnitView[],
  all: readonly PoolUnitView[],
): number | null {
  const first = ofModel[0] ?? (event === "loaner_shipped" ? all[0] : undefined);
  return first?.device_id ?? null;
}
