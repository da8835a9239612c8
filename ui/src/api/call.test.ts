import { describe, expect, it } from "vitest";
import { call, isErrorCode, startupErrorCode, toErrorPayload } from "./call";

describe("call", () => {
  it("passes successful results through", async () => {
    expect(await call(() => Promise.resolve({ status: "ok" as const, data: 7 }))).toEqual({ status: "ok", data: 7 });
  });

  it("turns a thrown Error (e.g. no Tauri runtime) into an internal error result", async () => {
    const result = await call(() => Promise.reject(new TypeError("window.__TAURI_INTERNALS__ is undefined")));
    expect(result).toEqual({
      status: "error",
      error: { code: "internal", message: "TypeError: window.__TAURI_INTERNALS__ is undefined", field: null },
    });
  });

  it("keeps known backend error codes and maps unknown ones to internal", async () => {
    const known = await call(() =>
      Promise.resolve({
        status: "error" as const,
        error: { code: "not_found" as const, message: "no device 9", field: null },
      }),
    );
    expect(known).toEqual({ status: "error", error: { code: "not_found", message: "no device 9", field: null } });
    expect(toErrorPayload({ code: "disk_on_fire", message: "hot" })).toEqual({
      code: "internal",
      message: "disk_on_fire: hot",
      field: null,
    });
    expect(toErrorPayload("plain string")).toEqual({ code: "internal", message: "plain string", field: null });
  });

  it("keeps the form field an error is about, and reads a missing or malformed one as none", () => {
    const refused = {
      code: "invalid_input",
      message: "connection settings: secret: the connection's address changed",
      field: "secret",
    };
    expect(toErrorPayload(refused)).toEqual(refused);
    expect(toErrorPayload({ code: "invalid_input", message: "bad" }).field).toBeNull();
    expect(toErrorPayload({ code: "invalid_input", message: "bad", field: 7 }).field).toBeNull();
  });

  it("keeps the codes of talking to an EMM, so the UI can word them", () => {
    expect(toErrorPayload({ code: "sign_in_rejected", message: "AADSTS7000215: Invalid client secret" })).toEqual({
      code: "sign_in_rejected",
      message: "AADSTS7000215: Invalid client secret",
      field: null,
    });
    expect(toErrorPayload({ code: "sync_cancelled", message: "cancelled" }).code).toBe("sync_cancelled");
  });

  it("keeps a full disk and a busy register apart from unexpected errors, at start-up too", () => {
    const full = { code: "disk_full", message: "the disk that holds the register is full, while adding devices", field: null };
    expect(toErrorPayload(full)).toEqual(full);
    expect(toErrorPayload({ code: "database_busy", message: "busy" }).code).toBe("database_busy");
    expect(startupErrorCode("disk_full")).toBe("disk_full");
    expect(startupErrorCode("database_busy")).toBe("database_busy");
  });
});

describe("isErrorCode", () => {
  it("knows the backend's codes and nothing else", () => {
    expect(isErrorCode("secret_store_unavailable")).toBe(true);
    expect(isErrorCode("internal")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode("disk_on_fire")).toBe(false);
    expect(isErrorCode(null)).toBe(false);
  });
});

describe("startupErrorCode", () => {
  it("explains database problems as they are and an EMM error at start-up as unexpected", () => {
    expect(startupErrorCode("database_read_only")).toBe("database_read_only");
    expect(startupErrorCode("secret_store_unavailable")).toBe("internal");
    expect(startupErrorCode("move_not_allowed")).toBe("internal");
  });
});
