import { describe, expect, it } from "vitest";
import type { Connection, ConnectionDefaults, ConnectionSettings, ErrorPayload, Vendor } from "../bindings";
import {
  changeVendor,
  checkDraft,
  defaultSessionOnly,
  draftFromConnection,
  newDraft,
  scheduleMinutes,
  serverProblem,
  urlProblem,
  visibleFields,
  type ConnectionDraft,
} from "./connectionDraft";
import { isDefaultBaseUrl, offeredVendors, workspaceOneRegionOf, workspaceOneTokenUrl } from "./vendors";

function vendorSettings(vendor: Vendor, base_url: string, token_url: string | null, page_size: number) {
  return {
    name: "",
    vendor,
    base_url,
    token_url,
    tenant: null,
    auth: "client_credentials",
    client_id: "",
    concurrency: 4,
    page_size,
    sync_every_minutes: 60,
    full_sync_every_hours: 24,
    sync_apps: true,
  } satisfies ConnectionSettings;
}

/** What `connectionDefaults()` answers, as the core's rules are today. */
const DEFAULTS: ConnectionDefaults = {
  max_concurrency: 16,
  max_page_size: 1000,
  vendors: [
    vendorSettings("intune", "https://graph.microsoft.com", "https://login.microsoftonline.com", 1000),
    vendorSettings("jamf_pro", "https://example.jamfcloud.com", null, 500),
    vendorSettings("workspace_one", "https://as1.awmdm.com", "https://emea.uemauth.workspaceone.com/connect/token", 500),
  ],
};

const NEW = { needsSecret: true, defaults: DEFAULTS } as const;
const EDIT = { needsSecret: false, defaults: DEFAULTS } as const;

/** A new Intune connection as a user would fill it in. */
function intune(change: Partial<ConnectionDraft> = {}): ConnectionDraft {
  return {
    ...newDraft("intune", false, DEFAULTS),
    name: "Intune, kommunen",
    tenant: "kommunen.onmicrosoft.com",
    client_id: "8a5c1f0e-app",
    secret: "s3cret",
    ...change,
  };
}

function problemsOf(draft: ConnectionDraft, isNew = true) {
  const check = checkDraft(draft, isNew ? NEW : EDIT);
  return check.ok ? {} : check.problems;
}

describe("vendor defaults", () => {
  it("pre-fill Microsoft's public URLs for Intune", () => {
    const draft = newDraft("intune", false, DEFAULTS);
    expect(draft.base_url).toBe("https://graph.microsoft.com");
    expect(draft.token_url).toBe("https://login.microsoftonline.com");
    expect(draft.page_size).toBe("1000");
    expect(draft.concurrency).toBe("4");
    expect(draft.sync_every_minutes).toBe("60");
    expect(draft.full_sync_every_hours).toBe("24");
  });

  it("switch to Jamf with the core's example host and no token URL or tenant", () => {
    const draft = changeVendor(newDraft("intune", false, DEFAULTS), "jamf_pro", DEFAULTS);
    expect(draft.base_url).toBe("https://example.jamfcloud.com");
    expect(draft.token_url).toBe("");
    expect(visibleFields("jamf_pro", DEFAULTS)).toEqual({ token_url: false, tenant: false, auth: true });
    expect(draft.page_size).toBe("500");
  });

  it("switch to Workspace ONE with its EMEA token service", () => {
    const draft = changeVendor(newDraft("jamf_pro", false, DEFAULTS), "workspace_one", DEFAULTS);
    expect(draft.base_url).toBe("https://as1.awmdm.com");
    expect(draft.token_url).toBe("https://emea.uemauth.workspaceone.com/connect/token");
  });

  it("keep a URL and page size the user typed when the vendor changes", () => {
    const typed = { ...newDraft("workspace_one", false, DEFAULTS), base_url: "https://as1234.awmdm.com", page_size: "250" };
    const draft = changeVendor(typed, "intune", DEFAULTS);
    expect(draft.base_url).toBe("https://as1234.awmdm.com");
    expect(draft.page_size).toBe("250");
    // A region's token URL is a pre-fill, not something typed, so Intune's replaces it.
    expect(draft.token_url).toBe("https://login.microsoftonline.com");
  });

  it("force client credentials when switching to Intune", () => {
    const jamf = { ...newDraft("jamf_pro", false, DEFAULTS), auth: "basic" as const };
    expect(changeVendor(jamf, "intune", DEFAULTS).auth).toBe("client_credentials");
    expect(changeVendor(jamf, "workspace_one", DEFAULTS).auth).toBe("basic");
  });

  it("map Workspace ONE regions to token URLs and back", () => {
    expect(workspaceOneTokenUrl("na")).toBe("https://na.uemauth.workspaceone.com/connect/token");
    expect(workspaceOneRegionOf("https://apac.uemauth.workspaceone.com/connect/token")).toBe("apac");
    expect(workspaceOneRegionOf("https://auth.example.org/connect/token")).toBeNull();
  });
});

describe("checkDraft", () => {
  it("accepts a complete Intune connection and sends trimmed settings", () => {
    const check = checkDraft(intune({ name: "  Intune  ", sync_every_minutes: " 30 " }), NEW);
    expect(check).toEqual({
      ok: true,
      input: {
        settings: {
          name: "Intune",
          vendor: "intune",
          base_url: "https://graph.microsoft.com",
          token_url: "https://login.microsoftonline.com",
          tenant: "kommunen.onmicrosoft.com",
          auth: "client_credentials",
          client_id: "8a5c1f0e-app",
          concurrency: 4,
          page_size: 1000,
          sync_every_minutes: 30,
          full_sync_every_hours: 24,
          sync_apps: true,
        },
        secret: "s3cret",
        session_only: false,
      },
    });
  });

  it("requires a name, a client id and, for Intune, a tenant", () => {
    expect(problemsOf(intune({ name: " ", client_id: "", tenant: "" }))).toEqual({
      name: "connections.invalid.name",
      client_id: "connections.invalid.clientId",
      tenant: "connections.invalid.tenantId",
    });
  });

  it("asks Workspace ONE for its tenant code and Jamf for no tenant at all", () => {
    const ws1 = { ...changeVendor(intune(), "workspace_one", DEFAULTS), tenant: "" };
    expect(problemsOf(ws1).tenant).toBe("connections.invalid.tenantCode");
    const jamf = { ...changeVendor(intune(), "jamf_pro", DEFAULTS), base_url: "https://kommunen.jamfcloud.com", tenant: "" };
    const check = checkDraft(jamf, NEW);
    expect(check.ok && check.input.settings).toMatchObject({ tenant: null, token_url: null });
  });

  it("keeps Workspace ONE's stored tenant code when editing, and asks for it when it may not be reused", () => {
    const ws1 = { ...changeVendor(intune(), "workspace_one", DEFAULTS), tenant: "" };
    const kept = checkDraft(ws1, EDIT);
    expect(kept.ok && kept.input.settings.tenant).toBeNull();
    expect(checkDraft(ws1, NEW).ok).toBe(false);
    const again = serverProblem({ code: "invalid_input", message: "address changed", field: "tenant_code" });
    expect(again).toEqual({ field: "tenant", key: "connections.invalid.tenantCodeAgain" });
  });

  it("sends client credentials for Intune whatever the draft says", () => {
    const check = checkDraft(intune({ auth: "basic" }), NEW);
    expect(check.ok && check.input.settings.auth).toBe("client_credentials");
  });

  it("names the user name and password when signing in with a user account", () => {
    const jamf = { ...changeVendor(intune(), "jamf_pro", DEFAULTS), base_url: "https://x.jamfcloud.com", auth: "basic" as const };
    expect(problemsOf({ ...jamf, client_id: "", secret: "" })).toEqual({
      client_id: "connections.invalid.userName",
      secret: "connections.invalid.password",
    });
  });

  it("needs a secret for a new connection only; empty keeps the stored one", () => {
    expect(problemsOf(intune({ secret: "" }), true).secret).toBe("connections.invalid.clientSecret");
    const check = checkDraft(intune({ secret: "" }), EDIT);
    expect(check.ok && check.input.secret).toBeNull();
  });

  it("keeps the secret exactly as typed", () => {
    const check = checkDraft(intune({ secret: " pass phrase " }), NEW);
    expect(check.ok && check.input.secret).toBe(" pass phrase ");
  });

  it("limits concurrency and page size to the core's bounds (1–16, 1–1000), whole numbers only", () => {
    expect(problemsOf(intune({ concurrency: "0", page_size: "1001" }))).toEqual({
      concurrency: "connections.invalid.concurrency",
      page_size: "connections.invalid.pageSize",
    });
    expect(problemsOf(intune({ concurrency: "2.5", page_size: "abc" }))).toEqual({
      concurrency: "connections.invalid.concurrency",
      page_size: "connections.invalid.pageSize",
    });
    expect(checkDraft(intune({ concurrency: "16", page_size: "1" }), NEW).ok).toBe(true);
  });

  it("treats an empty schedule as off and rejects intervals under one", () => {
    const off = checkDraft(intune({ sync_every_minutes: "" }), NEW);
    expect(off.ok && off.input.settings.sync_every_minutes).toBeNull();
    expect(problemsOf(intune({ sync_every_minutes: "0", full_sync_every_hours: "0" }))).toEqual({
      sync_every_minutes: "connections.invalid.syncEveryMinutes",
      full_sync_every_hours: "connections.invalid.fullSyncEveryHours",
    });
    expect(problemsOf(intune({ full_sync_every_hours: "" })).full_sync_every_hours).toBe(
      "connections.invalid.fullSyncEveryHours",
    );
  });

  it("checks the token URL only when the vendor uses one", () => {
    expect(problemsOf(intune({ token_url: "http://login.example.com" })).token_url).toBe(
      "connections.invalid.urlHttps",
    );
    const jamf = { ...changeVendor(intune(), "jamf_pro", DEFAULTS), base_url: "https://x.jamfcloud.com", token_url: "junk" };
    expect(checkDraft(jamf, NEW).ok).toBe(true);
  });
});

describe("urlProblem", () => {
  it("allows https anywhere and plain http to this computer only", () => {
    expect(urlProblem("https://graph.microsoft.com")).toBeNull();
    expect(urlProblem("HTTPS://Graph.Microsoft.com")).toBeNull();
    expect(urlProblem("http://127.0.0.1:8080/api")).toBeNull();
    expect(urlProblem("http://127.0.0.53/")).toBeNull();
    expect(urlProblem("http://[::1]:8080/graph")).toBeNull();
    expect(urlProblem("http://localhost")).toBeNull();
    expect(urlProblem("http://LOCALHOST:9000")).toBeNull();
    expect(urlProblem("http://graph.example.com")).toBe("connections.invalid.urlHttps");
    expect(urlProblem("http://localhost.example.com")).toBe("connections.invalid.urlHttps");
    expect(urlProblem("http://128.0.0.1")).toBe("connections.invalid.urlHttps");
    expect(urlProblem("http://[::ffff:127.0.0.1]/")).toBe("connections.invalid.urlHttps");
    expect(urlProblem("graph.microsoft.com")).toBe("connections.invalid.urlHttps");
    expect(urlProblem("ftp://files.example.com")).toBe("connections.invalid.urlHttps");
  });

  it("refuses a user name or password inside the URL, also one that looks like a loopback host", () => {
    expect(urlProblem("https://user:pw@contoso.jamfcloud.com")).toBe("connections.invalid.urlCredentials");
    expect(urlProblem("https://admin@contoso.jamfcloud.com")).toBe("connections.invalid.urlCredentials");
    expect(urlProblem("http://127.0.0.1:x@elsewhere.example/")).toBe("connections.invalid.urlCredentials");
  });

  it("needs a host and says so when the field is empty", () => {
    expect(urlProblem("https://")).toBe("connections.invalid.urlHost");
    expect(urlProblem("https://?tenant=1")).toBe("connections.invalid.urlHost");
    expect(urlProblem("  ")).toBe("connections.invalid.urlMissing");
    expect(urlProblem("https://exa mple.com")).toBe("connections.invalid.urlInvalid");
  });
});

describe("draftFromConnection", () => {
  const connection: Connection = {
    id: 3,
    settings: {
      name: "Jamf",
      vendor: "jamf_pro",
      base_url: "https://kommunen.jamfcloud.com",
      token_url: null,
      tenant: null,
      auth: "basic",
      client_id: "flotta-reader",
      concurrency: 2,
      page_size: 200,
      sync_every_minutes: null,
      full_sync_every_hours: 12,
    },
    demo: false,
    closed_at: null,
    secret: "session",
    device_count: 1200,
    last_run: null,
    syncing: false,
  };

  it("starts with an empty secret and shows an unscheduled sync as empty", () => {
    const draft = draftFromConnection(connection, true);
    expect(draft).toMatchObject({ secret: "", sync_every_minutes: "", token_url: "", tenant: "", page_size: "200" });
  });

  it("keeps a session-only secret that way, and defaults to it without a keyring", () => {
    expect(draftFromConnection(connection, true).session_only).toBe(true);
    expect(draftFromConnection({ ...connection, secret: "keyring" }, true).session_only).toBe(false);
    expect(draftFromConnection({ ...connection, secret: "keyring" }, false).session_only).toBe(true);
  });

  it("offers session-only for a new connection only when there is no keyring", () => {
    expect(defaultSessionOnly(null, true)).toBe(false);
    expect(defaultSessionOnly(null, false)).toBe(true);
  });
});

describe("serverProblem", () => {
  const refused = (field: string | null, code: ErrorPayload["code"] = "invalid_input"): ErrorPayload => ({
    code,
    message: `connection settings: ${field ?? "?"}: refused`,
    field,
  });

  it("shows a refused setting at the field the core names, whatever the message says", () => {
    expect(serverProblem(refused("tenant"))).toEqual({ field: "tenant", key: "connections.invalid.refused" });
    expect(serverProblem(refused("base_url"))).toEqual({ field: "base_url", key: "connections.invalid.refused" });
    expect(
      serverProblem({ code: "invalid_input", message: "base_url: must start with https://", field: "page_size" }),
    ).toEqual({ field: "page_size", key: "connections.invalid.refused" });
    for (const field of ["name", "token_url", "auth", "client_id", "concurrency"] as const) {
      expect(serverProblem(refused(field))?.field).toBe(field);
    }
  });

  it("asks for the secret again when the core will not reuse it at a changed address", () => {
    const error: ErrorPayload = {
      code: "invalid_input",
      message:
        "connection settings: secret: the connection's address changed; enter the client secret or password again",
      field: "secret",
    };
    expect(serverProblem(error)).toEqual({ field: "secret", key: "connections.invalid.secretAgain" });
  });

  it("words an error of another kind about a field by its code", () => {
    expect(serverProblem(refused("tenant", "unknown_tenant"))).toEqual({ field: "tenant", key: "error.unknown_tenant" });
  });

  it("leaves errors about no field, or no field of the form, to the form's error", () => {
    expect(serverProblem(refused(null))).toBeNull();
    expect(serverProblem({ code: "invalid_input", message: "tenant: this vendor needs a tenant", field: null })).toBeNull();
    expect(serverProblem(refused("schedule"))).toBeNull();
    expect(serverProblem(refused("toString"))).toBeNull();
  });
});

describe("a secret the core refused to reuse", () => {
  it("must be entered before saving an edited connection again", () => {
    const edited = draftFromConnection(
      {
        id: 4,
        settings: { ...vendorSettings("jamf_pro", "https://new.jamfcloud.com", null, 500), name: "Jamf", client_id: "c" },
        demo: false,
        closed_at: null,
        secret: "keyring",
        device_count: 0,
        last_run: null,
        syncing: false,
      },
      true,
    );
    expect(checkDraft(edited, EDIT).ok).toBe(true);
    expect(problemsOf(edited, true).secret).toBe("connections.invalid.clientSecret");
    expect(checkDraft({ ...edited, secret: "new" }, NEW).ok).toBe(true);
  });
});

describe("defaults from the core", () => {
  /** Anything but the values the UI used to keep itself, to show these are the ones used. */
  const other: ConnectionDefaults = {
    max_concurrency: 8,
    max_page_size: 2500,
    vendors: [
      {
        ...vendorSettings("intune", "https://graph.example.test", "https://login.example.test", 750),
        concurrency: 3,
        sync_every_minutes: 15,
        full_sync_every_hours: 12,
        sync_apps: false,
      },
      { ...vendorSettings("jamf_pro", "https://tenant.jamfcloud.example", null, 300), sync_every_minutes: null },
    ],
  };

  it("fill a new connection of each vendor", () => {
    expect(newDraft("intune", false, other)).toMatchObject({
      vendor: "intune",
      base_url: "https://graph.example.test",
      token_url: "https://login.example.test",
      page_size: "750",
      concurrency: "3",
      sync_every_minutes: "15",
      full_sync_every_hours: "12",
      sync_apps: false,
      secret: "",
      session_only: false,
    });
    expect(newDraft("jamf_pro", true, other)).toMatchObject({
      base_url: "https://tenant.jamfcloud.example",
      token_url: "",
      page_size: "300",
      sync_every_minutes: "",
      session_only: true,
    });
  });

  it("replace pre-filled values, and only those, when the vendor changes", () => {
    const jamf = changeVendor(newDraft("intune", false, other), "jamf_pro", other);
    expect(jamf).toMatchObject({ base_url: "https://tenant.jamfcloud.example", token_url: "", page_size: "300" });
    expect(isDefaultBaseUrl("https://tenant.jamfcloud.example", other)).toBe(true);
    // The value the UI once pre-filled itself is, for these defaults, something the user typed.
    expect(isDefaultBaseUrl("https://graph.microsoft.com", other)).toBe(false);
    const typed = { ...newDraft("intune", false, other), base_url: "https://graph.microsoft.com" };
    expect(changeVendor(typed, "jamf_pro", other).base_url).toBe("https://graph.microsoft.com");
  });

  it("bound concurrency and page size", () => {
    const filled = { ...newDraft("intune", false, other), name: "I", tenant: "t", client_id: "c", secret: "s" };
    const options = { needsSecret: true, defaults: other };
    expect(checkDraft({ ...filled, concurrency: "8", page_size: "2500" }, options).ok).toBe(true);
    const check = checkDraft({ ...filled, concurrency: "9", page_size: "2501" }, options);
    expect(check.ok ? {} : check.problems).toEqual({
      concurrency: "connections.invalid.concurrency",
      page_size: "connections.invalid.pageSize",
    });
  });

  it("decide whether a token URL is asked for, and which vendors are offered", () => {
    expect(visibleFields("intune", other).token_url).toBe(true);
    expect(visibleFields("jamf_pro", other).token_url).toBe(false);
    expect(offeredVendors(other)).toEqual(["intune", "jamf_pro"]);
    expect(offeredVendors(DEFAULTS)).toEqual(["intune", "jamf_pro", "workspace_one"]);
  });

  it("leave the fields empty for a vendor the core gave nothing for, so the checks ask for them", () => {
    const draft = newDraft("workspace_one", false, other);
    expect(draft).toMatchObject({ base_url: "", token_url: "", page_size: "", concurrency: "" });
    const check = checkDraft({ ...draft, name: "W", tenant: "T", client_id: "c", secret: "s" }, NEW);
    expect(check.ok ? {} : check.problems).toMatchObject({
      base_url: "connections.invalid.urlMissing",
      concurrency: "connections.invalid.concurrency",
      page_size: "connections.invalid.pageSize",
    });
  });
});

describe("scheduleMinutes", () => {
  it("reads the interval the first-sync note names, and none when the schedule is off or unfinished", () => {
    expect(scheduleMinutes(intune({ sync_every_minutes: " 15 " }))).toBe(15);
    expect(scheduleMinutes(intune({ sync_every_minutes: "" }))).toBeNull();
    expect(scheduleMinutes(intune({ sync_every_minutes: "0" }))).toBeNull();
    expect(scheduleMinutes(intune({ sync_every_minutes: "1.5" }))).toBeNull();
  });
});

describe("installed apps", () => {
  it("are read by default, and a connection saved with them off keeps them off", () => {
    expect(newDraft("workspace_one", false, DEFAULTS).sync_apps).toBe(true);
    const off = { ...newDraft("workspace_one", false, DEFAULTS), sync_apps: false };
    const check = checkDraft(
      { ...off, name: "WS1", client_id: "c", secret: "s", tenant: "T", base_url: "https://as1.awmdm.com" },
      NEW,
    );
    expect(check.ok).toBe(true);
    expect(check.ok ? check.input.settings.sync_apps : null).toBe(false);
  });
});
