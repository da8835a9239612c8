import { describe, expect, it } from "vitest";
import { call, toErrorPayload } from "./call";

describe("call", () => {
  it("passes successful results through", async () => {
    expect(await call(() => Promise.resolve({ status: "ok" as const, data: 7 }))).toEqual({ status: "ok", data: 7 });
  });

  it("turns a thrown Error (e.g. no Tauri runtime) into an internal error result", async () => {
    const result = await call(() => Promise.reject(new TypeError("window.__TAURI_INTERNALS__ is undefined")));
    expect(result).toEqual({
      status: "error",
      error: { code: "internal", message: "TypeError: window.__TAURI_INTERNALS__ is undefined" },
    });
  });

  it("keeps known backend error codes and maps unknown ones to internal", async () => {
    const known = await call(() =>
      Promise.resolve({ status: "error" as const, error: { code: "not_found" as const, message: "no device 9" } }),
    );
    expect(known).toEqual({ status: "error", error: { code: "not_found", message: "no device 9" } });
    expect(toErrorPayload({ code: "disk_on_fire", message: "hot" })).toEqual({
      code: "internal",
      message: "disk_on_fire: hot",
    });
    expect(toErrorPayload("plain string")).toEqual({ code: "internal", message: "plain string" });
  });
});
