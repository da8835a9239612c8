import type { ErrorCode, ErrorPayload } from "../bindings";

/** The shape every generated command resolves to. */
export type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: ErrorPayload };

/**
 * The generated bindings rethrow JavaScript `Error`s (e.g. when the page runs outside
 * Tauri, or the IPC bridge itself fails) instead of returning them as results, and
 * pass whatever the backend rejected with through unchecked. Callers must never
 * crash on a failed command, so both are folded into a well-formed `ErrorPayload`.
 */
export async function call<T>(run: () => Promise<CommandResult<T>>): Promise<CommandResult<T>> {
  try {
    const result = await run();
    return result.status === "ok" ? result : { status: "error", error: toErrorPayload(result.error) };
  } catch (e) {
    return { status: "error", error: toErrorPayload(e) };
  }
}

/**
 * Every code the backend can send, with where it comes from: `connection` for the codes
 * only talking to an EMM (signing in, syncing, keeping its secret) produces, `edit` for
 * those only a person's change of the register produces, `general` for the rest. Start-up
 * produces neither of the first two, so the start-up screen has no texts of its own for them. `satisfies Record<ErrorCode, …>` makes a code added to the Rust
 * `ErrorCode` (and so to the generated bindings) fail the type check until it is listed here.
 */
const ERROR_CODE_KINDS = {
  database_not_sqlite: "general",
  database_too_new: "general",
  database_read_only: "general",
  database_unavailable: "general",
  database_busy: "general",
  disk_full: "general",
  not_found: "general",
  invalid_input: "general",
  unknown_tenant: "connection",
  sign_in_rejected: "connection",
  permission_missing: "connection",
  network_unreachable: "connection",
  tls_failure: "connection",
  vendor_unavailable: "connection",
  vendor_response_invalid: "connection",
  vendor_response_not_json: "connection",
  secret_store_unavailable: "connection",
  secret_missing: "connection",
  sync_running: "connection",
  sync_cancelled: "connection",
  move_not_allowed: "edit",
  changed_meanwhile: "edit",
  import_unreadable: "edit",
  export_failed: "edit",
  level_not_open: "edit",
  no_pool_unit: "edit",
  internal: "general",
} as const satisfies Record<ErrorCode, "general" | "connection" | "edit">;

export type StartupErrorCode = {
  [Code in ErrorCode]: (typeof ERROR_CODE_KINDS)[Code] extends "general" ? Code : never;
}[ErrorCode];

function isStartupErrorCode(code: ErrorCode): code is StartupErrorCode {
  return ERROR_CODE_KINDS[code] === "general";
}

/** The code the start-up screen explains: a connection or edit code is, there, unexpected. */
export function startupErrorCode(code: ErrorCode): StartupErrorCode {
  return isStartupErrorCode(code) ? code : "internal";
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODE_KINDS, value);
}

/** Anything thrown or rejected, as an error the UI knows how to word. Unknown codes become `internal`. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof Error) return { code: "internal", message: `${e.name}: ${e.message}`, field: null };
  if (typeof e === "object" && e !== null) {
    const { code, message, field } = e as { code?: unknown; message?: unknown; field?: unknown };
    const text = typeof message === "string" ? message : safeJson(e);
    if (isErrorCode(code)) return { code, message: text, field: typeof field === "string" ? field : null };
    return { code: "internal", message: typeof code === "string" ? `${code}: ${text}` : text, field: null };
  }
  return { code: "internal", message: String(e), field: null };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
