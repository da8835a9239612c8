/**
 * What one audit entry changed. The log keeps the changed values before and after as JSON
 * objects (`{"lifecycle":"in_stock"}` → `{"lifecycle":"deployed","reason":"…"}`); the view
 * shows them as `field: before → after`, one line per key whose value differs, with the key
 * that names what the entry is about (a checklist step) even when it did not change.
 */

/**
 * One changed key. `null` on a side means the key had no value there (absent or JSON null).
 * A context key (`CONTEXT_KEYS`) comes with the same value on both sides.
 */
export type FieldChange = {
  /** The key as the log stores it; "" when a side is a single value rather than an object. */
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
};

export type AuditChanges =
  /** Both sides could be read: the keys whose values differ, before's keys first. */
  | { readonly kind: "fields"; readonly changes: readonly FieldChange[] }
  /** A side is not JSON (an older or hand-written entry): both shown as they are. */
  | { readonly kind: "raw"; readonly before: string | null; readonly after: string | null };

/** The key standing for a whole value that is not an object (a setting such as `"sv"`). */
export const WHOLE_VALUE = "";

/**
 * Keys that say what an entry is about rather than what it changed: a pre-configuration tick
 * names its checklist step on both sides (`{"step":"Skärmskydd","done":false}` →
 * `{"step":"Skärmskydd","done":true}`), and without it the row would only say "Done: No → Yes".
 * Kept, unchanged, when something else changed.
 */
const CONTEXT_KEYS: ReadonlySet<string> = new Set(["step"]);

type Side = ReadonlyMap<string, unknown>;

/** A side's values by key: none for a missing side, `undefined` when it is not JSON. */
function readSide(json: string | null): Side | undefined {
  if (json === null) return new Map();
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return new Map(Object.entries(value));
  }
  return new Map([[WHOLE_VALUE, value]]);
}

/** The same JSON whatever order an object's keys come in, for telling values apart. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A value as a person reads it: text without quotes, numbers and booleans as written, the rest as JSON. */
export function valueText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** The keys whose values differ between the JSON `before` and `after` of an audit entry. */
export function changes(before: string | null, after: string | null): AuditChanges {
  const from = readSide(before);
  const to = readSide(after);
  if (from === undefined || to === undefined) return { kind: "raw", before, after };
  const keys = [...from.keys(), ...[...to.keys()].filter((key) => !from.has(key))];
  const listed: FieldChange[] = [];
  let changed = false;
  for (const field of keys) {
    const old = from.get(field) ?? null;
    const next = to.get(field) ?? null;
    const same = canonical(old) === canonical(next);
    if (same && !(CONTEXT_KEYS.has(field) && old !== null)) continue;
    changed ||= !same;
    listed.push({ field, before: valueText(old), after: valueText(next) });
  }
  return { kind: "fields", changes: changed ? listed : [] };
}
