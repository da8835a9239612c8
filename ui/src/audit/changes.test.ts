import { describe, expect, it } from "vitest";
import { changes, valueText, WHOLE_VALUE } from "./changes";

describe("changes", () => {
  it("lists a move's changed state and its reason", () => {
    expect(
      changes('{"lifecycle":"in_stock"}', '{"lifecycle":"deployed","reason":"Ny medarbetare"}'),
    ).toEqual({
      kind: "fields",
      changes: [
        { field: "lifecycle", before: "in_stock", after: "deployed" },
        { field: "reason", before: null, after: "Ny medarbetare" },
      ],
    });
  });

  it("leaves out keys whose value did not change", () => {
    const before = '{"name":"Intune","base_url":"https://a.example","page_size":100}';
    const after = '{"name":"Intune","base_url":"https://b.example","page_size":100}';
    expect(changes(before, after)).toEqual({
      kind: "fields",
      changes: [{ field: "base_url", before: "https://a.example", after: "https://b.example" }],
    });
  });

  it("shows every value of an entry without a before side", () => {
    expect(changes(null, '{"file":"leverans.csv","added":12}')).toEqual({
      kind: "fields",
      changes: [
        { field: "file", before: null, after: "leverans.csv" },
        { field: "added", before: null, after: "12" },
      ],
    });
  });

  it("shows a removed key with no value after", () => {
    expect(changes('{"proxy":"http://proxy:8080","name":"A"}', '{"name":"A"}')).toEqual({
      kind: "fields",
      changes: [{ field: "proxy", before: "http://proxy:8080", after: null }],
    });
  });

  it("reads booleans, JSON null and nested values", () => {
    expect(changes('{"closed":false,"note":null}', '{"closed":true,"note":null}')).toEqual({
      kind: "fields",
      changes: [{ field: "closed", before: "false", after: "true" }],
    });
    expect(changes('{"columns":["serial","model"]}', '{"columns":["serial"]}')).toEqual({
      kind: "fields",
      changes: [{ field: "columns", before: '["serial","model"]', after: '["serial"]' }],
    });
  });

  it("does not count a nested object's key order as a change", () => {
    expect(changes('{"sort":{"column":"model","desc":true}}', '{"sort":{"desc":true,"column":"model"}}')).toEqual({
      kind: "fields",
      changes: [],
    });
  });

  it("treats a value that is not an object as one unnamed field", () => {
    expect(changes('"sv"', '"en"')).toEqual({
      kind: "fields",
      changes: [{ field: WHOLE_VALUE, before: "sv", after: "en" }],
    });
    expect(changes(null, "42")).toEqual({ kind: "fields", changes: [{ field: WHOLE_VALUE, before: null, after: "42" }] });
  });

  it("keeps the checklist step a pre-configuration tick is for, though only its done changed", () => {
    expect(changes('{"step":"Skärmskydd","done":false}', '{"step":"Skärmskydd","done":true}')).toEqual({
      kind: "fields",
      changes: [
        { field: "step", before: "Skärmskydd", after: "Skärmskydd" },
        { field: "done", before: "false", after: "true" },
      ],
    });
  });

  it("shows no step on its own when nothing else changed", () => {
    expect(changes('{"step":"Skärmskydd","done":true}', '{"step":"Skärmskydd","done":true}')).toEqual({
      kind: "fields",
      changes: [],
    });
  });

  it("has nothing to show when both sides are missing", () => {
    expect(changes(null, null)).toEqual({ kind: "fields", changes: [] });
  });

  it("keeps text that is not JSON as it is", () => {
    expect(changes("lifecycle=in_stock", '{"lifecycle":"deployed"}')).toEqual({
      kind: "raw",
      before: "lifecycle=in_stock",
      after: '{"lifecycle":"deployed"}',
    });
    expect(changes(null, "{broken")).toEqual({ kind: "raw", before: null, after: "{broken" });
  });
});

describe("valueText", () => {
  it("writes values as a person reads them", () => {
    expect(valueText("I lager")).toBe("I lager");
    expect(valueText(3)).toBe("3");
    expect(valueText(false)).toBe("false");
    expect(valueText(null)).toBeNull();
    expect(valueText(undefined)).toBeNull();
    expect(valueText({ a: 1 })).toBe('{"a":1}');
  });
});
