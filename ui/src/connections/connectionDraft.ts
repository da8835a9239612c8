import type {
  AuthMethod,
  Connection,
  ConnectionDefaults,
  ConnectionInput,
  ConnectionSettings,
  ErrorPayload,
  Vendor,
} from "../bindings";
import type { MessageKey } from "../i18n/dictionary";
import { VENDOR_FORM, isDefaultBaseUrl, isDefaultPageSize, isDefaultTokenUrl, vendorDefaults } from "./vendors";

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

/** The core's bounds for a connection's settings. */
export type ConnectionLimits = Pick<ConnectionDefaults, "max_concurrency" | "max_page_size">;

/** The backend stores intervals as u32. */
const MAX_U32 = 4_294_967_295;

/**
 * A new connection of `vendor`, pre-filled with the core's defaults for it. Should the core
 * give none for the vendor, the fields start empty and the checks ask for them.
 */
export function newDraft(vendor: Vendor, sessionOnly: boolean, defaults: ConnectionDefaults): ConnectionDraft {
  const settings = vendorDefaults(defaults, vendor);
  if (settings === null) {
    return {
      name: "",
      vendor,
      base_url: "",
      token_url: "",
      tenant: "",
      auth: "client_credentials",
      client_id: "",
      secret: "",
      concurrency: "",
      page_size: "",
      sync_every_minutes: "",
      full_sync_every_hours: "",
      sync_apps: true,
      session_only: sessionOnly,
    };
  }
  return draftFromSettings(settings, sessionOnly);
}

/** The secret itself never comes back from the backend, so the field starts empty. */
export function draftFromConnection(connection: Connection, keyringAvailable: boolean): ConnectionDraft {
  return draftFromSettings(connection.settings, defaultSessionOnly(connection, keyringAvailable));
}

function draftFromSettings(settings: ConnectionSettings, sessionOnly: boolean): ConnectionDraft {
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
    session_only: sessionOnly,
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
export function changeVendor(draft: ConnectionDraft, vendor: Vendor, defaults: ConnectionDefaults): ConnectionDraft {
  const settings = vendorDefaults(defaults, vendor);
  return {
    ...draft,
    vendor,
    base_url: isDefaultBaseUrl(draft.base_url, defaults) ? (settings?.base_url ?? "") : draft.base_url,
    token_url: isDefaultTokenUrl(draft.token_url, defaults) ? (settings?.token_url ?? "") : draft.token_url,
    page_size: isDefaultPageSize(draft.page_size, defaults) ? String(settings?.page_size ?? "") : draft.page_size,
    auth: VENDOR_FORM[vendor].authChoice === null ? (settings?.auth ?? "client_credentials") : draft.auth,
  };
}

export type FieldVisibility = { readonly token_url: boolean; readonly tenant: boolean; readonly auth: boolean };

/** The token URL is asked for when the core's defaults for the vendor have one. */
export function visibleFields(vendor: Vendor, defaults: ConnectionDefaults): FieldVisibility {
  const settings = vendorDefaults(defaults, vendor);
  const form = VENDOR_FORM[vendor];
  return {
    token_url: settings === null || settings.token_url !== null,
    tenant: form.tenant !== null,
    auth: form.authChoice !== null,
  };
}

export type DraftProblems = Partial<Record<DraftField, MessageKey>>;

export type DraftCheck =
  { readonly ok: true; readonly input: ConnectionInput } | { readonly ok: false; readonly problems: DraftProblems };

export type CheckOptions = {
  /**
   * A new connection has no stored secret to fall back on, and one whose address changed
   * may not reuse it (the core refuses): then an empty secret is a problem.
   */
  readonly needsSecret: boolean;
  /** The core's defaults and limits. */
  readonly defaults: ConnectionDefaults;
};

/**
 * The backend's rules for connection settings, checked before anything is sent so the user
 * sees every problem at once, next to its field. The backend checks again on save.
 */
export function checkDraft(draft: ConnectionDraft, options: CheckOptions): DraftCheck {
  const { defaults } = options;
  const problems: DraftProblems = {};
  const shown = visibleFields(draft.vendor, defaults);
  const basic = draft.auth === "basic" && shown.auth;

  if (draft.name.trim() === "") problems.name = "connections.invalid.name";
  const baseProblem = urlProblem(draft.base_url);
  if (baseProblem) problems.base_url = baseProblem;
  const tokenUrl = shown.token_url ? draft.token_url.trim() : "";
  const tokenProblem = tokenUrl === "" ? null : urlProblem(tokenUrl);
  if (tokenProblem) problems.token_url = tokenProblem;
  // Workspace ONE's tenant code is kept with the secret: empty keeps the stored one.
  const tenantIsSecret = VENDOR_FORM[draft.vendor].tenant === "tenantCode";
  if (shown.tenant && draft.tenant.trim() === "" && (!tenantIsSecret || options.needsSecret)) {
    problems.tenant =
      VENDOR_FORM[draft.vendor].tenant === "tenantCode"
        ? "connections.invalid.tenantCode"
        : "connections.invalid.tenantId";
  }
  if (draft.client_id.trim() === "") {
    problems.client_id = basic ? "connections.invalid.userName" : "connections.invalid.clientId";
  }
  if (options.needsSecret && draft.secret === "") {
    problems.secret = basic ? "connections.invalid.password" : "connections.invalid.clientSecret";
  }

  const concurrency = wholeNumber(draft.concurrency, 1, defaults.max_concurrency);
  if (concurrency === null) problems.concurrency = "connections.invalid.concurrency";
  const pageSize = wholeNumber(draft.page_size, 1, defaults.max_page_size);
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
        tenant: shown.tenant && draft.tenant.trim() !== "" ? draft.tenant.trim() : null,
        // Vendors without a choice (Microsoft Graph) accept their default method only.
        auth: shown.auth ? draft.auth : (vendorDefaults(defaults, draft.vendor)?.auth ?? "client_credentials"),
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
 * The core's rule for where a secret may be sent: `https://` anywhere, plain `http://` only
 * to this computer (the built-in emulator: 127.x.x.x, ::1, localhost), and never a user
 * name or password inside the URL. `URL` parses as the core's parser does (both follow the
 * WHATWG URL standard), so both see the same host.
 */
export function urlProblem(url: string): MessageKey | null {
  const trimmed = url.trim();
  if (trimmed === "") return "connections.invalid.urlMissing";
  if (!/^[a-z][a-z\d+.-]*:/i.test(trimmed)) return "connections.invalid.urlHttps";
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    // Nothing after the scheme's slashes but the end, a query or a fragment: no host.
    return /^[a-z][a-z\d+.-]*:\/*(?:[?#]|$)/i.test(trimmed)
      ? "connections.invalid.urlHost"
      : "connections.invalid.urlInvalid";
  }
  if (parsed.username !== "" || parsed.password !== "") return "connections.invalid.urlCredentials";
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "connections.invalid.urlHttps";
  if (parsed.hostname === "") return "connections.invalid.urlHost";
  if (parsed.protocol === "http:" && !isLoopback(parsed.hostname)) return "connections.invalid.urlHttps";
  return null;
}

/** `hostname` as `URL` normalises it: lower case, IPv4 in dotted decimal, IPv6 compressed in brackets. */
function isLoopback(hostname: string): boolean {
  if (hostname === "localhost" || hostname === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** The scheduled sync interval the draft asks for; `null` when off or not (yet) a valid number. */
export function scheduleMinutes(draft: ConnectionDraft): number | null {
  const text = draft.sync_every_minutes.trim();
  return text === "" ? null : wholeNumber(text, 1, MAX_U32);
}

function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/**
 * The form field a refusal from the core is about. `ErrorPayload.field` names a setting the
 * way the core does; the schedule's two intervals are one setting there and have no single
 * field here, so such a refusal is shown with the form's error only.
 */
const SERVER_FIELDS: Readonly<Record<string, DraftField>> = {
  name: "name",
  base_url: "base_url",
  token_url: "token_url",
  tenant: "tenant",
  // Workspace ONE's tenant code, kept with the secret, is entered in the tenant field.
  tenant_code: "tenant",
  auth: "auth",
  client_id: "client_id",
  secret: "secret",
  concurrency: "concurrency",
  page_size: "page_size",
};

/** A refusal from the core, shown next to the field it is about. */
export type ServerProblem = {
  readonly field: DraftField;
  /** What to say there, in the user's language. */
  readonly key: MessageKey;
};

/**
 * Where to show an error from saving or testing, and what to say there; `null` when it is
 * not about a field of the form. A secret or tenant code the core will not reuse (the
 * connection's address changed) asks for it again; other refused values point at the details in the form's
 * error, since the core's wording of them is English.
 */
export function serverProblem(error: ErrorPayload): ServerProblem | null {
  if (error.field === null || !Object.hasOwn(SERVER_FIELDS, error.field)) return null;
  const field = SERVER_FIELDS[error.field];
  if (field === undefined) return null;
  if (error.code !== "invalid_input") return { field, key: `error.${error.code}` };
  if (error.field === "secret") return { field, key: "connections.invalid.secretAgain" };
  if (error.field === "tenant_code") return { field, key: "connections.invalid.tenantCodeAgain" };
  return { field, key: "connections.invalid.refused" };
}
