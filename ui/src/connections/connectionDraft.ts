import type { AuthMethod, Connection, ConnectionInput, Vendor } from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_FULL_SYNC_EVERY_HOURS,
  DEFAULT_SYNC_EVERY_MINUTES,
  VENDOR_DEFAULTS,
  isDefaultBaseUrl,
  isDefaultPageSize,
  isDefaultTokenUrl,
} from "./vendors";

/** The form's fields; also the suffix of their `connection-field-<name>` test ids. */
export const DRAFT_FIELDS = [
  "vendor",
  "name",
  "base_url",
  "token_url",
  "tenant",
  "auth",
  "client_id",
  "secret",
  "concurrency",
  "page_size",
  "sync_every_minutes",
  "full_sync_every_hours",
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** What the form edits: numbers stay text until saved so a half-typed value is not lost. */
export type ConnectionDraft = {
  readonly name: string;
  readonly vendor: Vendor;
  readonly base_url: string;
  readonly token_url: string;
  readonly tenant: string;
  readonly auth: AuthMethod;
  readonly client_id: string;
  /** Empty when editing means "keep the stored secret". */
  readonly secret: string;
  readonly concurrency: string;
  readonly page_size: string;
  /** Empty means "no scheduled sync". */
  readonly sync_every_minutes: string;
  readonly full_sync_every_hours: string;
  readonly sync_apps: boolean;
  readonly session_only: boolean;
};

export const MAX_CONCURRENCY = 16;
export const MAX_PAGE_SIZE = 1000;
/** The backend stores intervals as u32. */
const MAX_U32 = 4_294_967_295;

export function newDraft(vendor: Vendor, sessionOnly: boolean): ConnectionDraft {
  const defaults = VENDOR_DEFAULTS[vendor];
  return {
    name: "",
    vendor,
    base_url: defaults.baseUrl,
    token_url: defaults.tokenUrl ?? "",
    tenant: "",
    auth: "client_credentials",
    client_id: "",
    secret: "",
    concurrency: String(DEFAULT_CONCURRENCY),
    page_size: String(defaults.pageSize),
    sync_every_minutes: String(DEFAULT_SYNC_EVERY_MINUTES),
    full_sync_every_hours: String(DEFAULT_FULL_SYNC_EVERY_HOURS),
    sync_apps: true,
    session_only: sessionOnly,
  };
}

/** The secret itself never comes back from the backend, so the field starts empty. */
export function draftFromConnection(connection: Connection, keyringAvailable: boolean): ConnectionDraft {
  const { settings } = connection;
  return {
    name: settings.name,
    vendor: settings.vendor,
    base_url: settings.base_url,
    token_url: settings.token_url ?? "",
    tenant: settings.tenant ?? "",
    auth: settings.auth,
    client_id: settings.client_id,
    secret: "",
    concurrency: String(settings.concurrency),
    page_size: String(settings.page_size),
    sync_every_minutes: settings.sync_every_minutes === null ? "" : String(settings.sync_every_minutes),
    full_sync_every_hours: String(settings.full_sync_every_hours),
    sync_apps: settings.sync_apps ?? true,
    session_only: defaultSessionOnly(connection, keyringAvailable),
  };
}

/**
 * Without a keyring the secret can only be kept for the session; a secret kept that way
 * stays that way unless the user decides otherwise.
 */
export function defaultSessionOnly(connection: Connection | null, keyringAvailable: boolean): boolean {
  return !keyringAvailable || connection?.secret === "session";
}

/** Switches vendor, replacing the pre-filled URLs and page size but never what the user typed. */
export function changeVendor(draft: ConnectionDraft, vendor: Vendor): ConnectionDraft {
  const defaults = VENDOR_DEFAULTS[vendor];
  return {
    ...draft,
    vendor,
    base_url: isDefaultBaseUrl(draft.base_url) ? defaults.baseUrl : draft.base_url,
    token_url: isDefaultTokenUrl(draft.token_url) ? (defaults.tokenUrl ?? "") : draft.token_url,
    page_size: isDefaultPageSize(draft.page_size) ? String(defaults.pageSize) : draft.page_size,
    auth: defaults.authChoice === null ? "client_credentials" : draft.auth,
  };
}

export type FieldVisibility = { readonly token_url: boolean; readonly tenant: boolean; readonly auth: boolean };

export function visibleFields(vendor: Vendor): FieldVisibility {
  const defaults = VENDOR_DEFAULTS[vendor];
  return {
    token_url: defaults.tokenUrl !== null,
    tenant: defaults.tenant !== null,
    auth: defaults.authChoice !== null,
  };
}

export type DraftProblems = Partial<Record<DraftField, MessageKey>>;

export type DraftCheck =
  { readonly ok: true; readonly input: ConnectionInput } | { readonly ok: false; readonly problems: DraftProblems };

/**
 * The backend's rules for connection settings, checked before anything is sent so the user
 * sees every problem at once, next to its field. The backend checks again on save.
 */
export function checkDraft(draft: ConnectionDraft, options: { isNew: boolean }): DraftCheck {
  const problems: DraftProblems = {};
  const shown = visibleFields(draft.vendor);
  const basic = draft.auth === "basic" && shown.auth;

  if (draft.name.trim() === "") problems.name = "connections.invalid.name";
  const baseProblem = urlProblem(draft.base_url);
  if (baseProblem) problems.base_url = baseProblem;
  const tokenUrl = shown.token_url ? draft.token_url.trim() : "";
  const tokenProblem = tokenUrl === "" ? null : urlProblem(tokenUrl);
  if (tokenProblem) problems.token_url = tokenProblem;
  if (shown.tenant && draft.tenant.trim() === "") {
    problems.tenant =
      VENDOR_DEFAULTS[draft.vendor].tenant === "tenantCode"
        ? "connections.invalid.tenantCode"
        : "connections.invalid.tenantId";
  }
  if (draft.client_id.trim() === "") {
    problems.client_id = basic ? "connections.invalid.userName" : "connections.invalid.clientId";
  }
  // A new connection has no stored secret to fall back on, and could never sign in.
  if (options.isNew && draft.secret === "") {
    problems.secret = basic ? "connections.invalid.password" : "connections.invalid.clientSecret";
  }

  const concurrency = wholeNumber(draft.concurrency, 1, MAX_CONCURRENCY);
  if (concurrency === null) problems.concurrency = "connections.invalid.concurrency";
  const pageSize = wholeNumber(draft.page_size, 1, MAX_PAGE_SIZE);
  if (pageSize === null) problems.page_size = "connections.invalid.pageSize";
  const everyMinutes =
    draft.sync_every_minutes.trim() === "" ? null : wholeNumber(draft.sync_every_minutes, 1, MAX_U32);
  if (draft.sync_every_minutes.trim() !== "" && everyMinutes === null) {
    problems.sync_every_minutes = "connections.invalid.syncEveryMinutes";
  }
  const fullEveryHours = wholeNumber(draft.full_sync_every_hours, 1, MAX_U32);
  if (fullEveryHours === null) problems.full_sync_every_hours = "connections.invalid.fullSyncEveryHours";

  if (Object.keys(problems).length > 0 || concurrency === null || pageSize === null || fullEveryHours === null) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    input: {
      settings: {
        name: draft.name.trim(),
        vendor: draft.vendor,
        base_url: draft.base_url.trim(),
        token_url: tokenUrl === "" ? null : tokenUrl,
        tenant: shown.tenant ? draft.tenant.trim() : null,
        // Vendors without a choice (Microsoft Graph) accept client credentials only.
        auth: shown.auth ? draft.auth : "client_credentials",
        client_id: draft.client_id.trim(),
        concurrency,
        page_size: pageSize,
        sync_every_minutes: everyMinutes,
        full_sync_every_hours: fullEveryHours,
        sync_apps: draft.sync_apps,
      },
      // Not trimmed: a password may legitimately start or end with a space.
      secret: draft.secret === "" ? null : draft.secret,
      session_only: draft.session_only,
    },
  };
}

/**
 * Plain http would send the secret unencrypted, so it is allowed only to this computer
 * (the built-in emulator); the same rule as the backend's.
 */
export function urlProblem(url: string): MessageKey | null {
  const trimmed = url.trim();
  if (trimmed === "") return "connections.invalid.urlMissing";
  let rest: string;
  if (trimmed.startsWith("https://")) {
    rest = trimmed.slice("https://".length);
  } else if (trimmed.startsWith("http://")) {
    rest = trimmed.slice("http://".length);
    const host = rest.split(/[/:]/)[0] ?? "";
    if (host !== "127.0.0.1" && host !== "localhost") return "connections.invalid.urlHttps";
  } else {
    return "connections.invalid.urlHttps";
  }
  return (rest.split("/")[0] ?? "") === "" ? "connections.invalid.urlHost" : null;
}

function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/**
 * The backend words an `invalid_input` for settings as "<field>: <problem>". When the field
 * is one of the form's, the problem is shown next to it as well.
 */
export function serverProblemField(message: string): DraftField | null {
  const field = message.split(":", 1)[0]?.trim() ?? "";
  return (DRAFT_FIELDS as readonly string[]).includes(field) ? (field as DraftField) : null;
}
