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
 * Codes only talking to an EMM (signing in, syncing, keeping its secret) produces. Start-up
 * never does, so the start-up screen has no texts of its own for them.
 */
export const CONNECTION_ERROR_CODES = [
  "unknown_tenant",
  "sign_in_rejected",
  "permission_missing",
  "network_unreachable",
  "tls_failure",
  "vendor_unavailable",
  "vendor_response_invalid",
  "secret_store_unavailable",
  "secret_missing",
  "sync_running",
  "sync_cancelled",
] as const satisfies readonly ErrorCode[];

export type StartupErrorCode = Exclude<ErrorCode, (typeof CONNECTION_ERROR_CODES)[number]>;

/** The code the start-up screen explains: any connection code is, there, unexpected. */
export function startupErrorCode(code: ErrorCode): StartupErrorCode {
  return (CONNECTION_ERROR_CODES as readonly ErrorCode[]).includes(code) ? "internal" : (code as StartupErrorCode);
}

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  "database_not_sqlite",
  "database_too_new",
  "database_read_only",
  "database_unavailable",
  "database_busy",
  "disk_full",
  "not_found",
  "invalid_input",
  ...CONNECTION_ERROR_CODES,
  "internal",
]);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && ERROR_CODES.has(value);
}

/** Anything thrown or rejected, as an error the UI knows how to word. Unknown codes become `internal`. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof Error) return { code: "internal", message: `${e.name}: ${e.message}` };
  if (typeof e === "object" && e !== null) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const text = typeof message === "string" ? message : safeJson(e);
    if (isErrorCode(code)) return { code, message: text };
    return { code: "internal", message: typeof code === "string" ? `${code}: ${text}` : text };
  }
  return { code: "internal", message: String(e) };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
