import { describe, expect, it } from "vitest";
import type { Connection } from "../bindings";
import {
  changeVendor,
  checkDraft,
  defaultSessionOnly,
  draftFromConnection,
  newDraft,
  serverProblemField,
  urlProblem,
  visibleFields,
  type ConnectionDraft,
} from "./connectionDraft";
import { workspaceOneRegionOf, workspaceOneTokenUrl } from "./vendors";

/** A new Intune connection as a user would fill it in. */
function intune(change: Partial<ConnectionDraft> = {}): ConnectionDraft {
  return {
    ...newDraft("intune", false),
    name: "Intune, kommunen",
    tenant: "kommunen.onmicrosoft.com",
    client_id: "8a5c1f0e-app",
    secret: "s3cret",
    ...change,
  };
}

function problemsOf(draft: ConnectionDraft, isNew = true) {
  const check = checkDraft(draft, { isNew });
  return check.ok ? {} : check.problems;
}

describe("vendor defaults", () => {
  it("pre-fill Microsoft's public URLs for Intune", () => {
    const draft = newDraft("intune", false);
    expect(draft.base_url).toBe("https://graph.microsoft.com");
    expect(draft.token_url).toBe("https://login.microsoftonline.com");
    expect(draft.page_size).toBe("1000");
    expect(draft.concurrency).toBe("4");
    expect(draft.sync_every_minutes).toBe("60");
    expect(draft.full_sync_every_hours).toBe("24");
  });

  it("switch to Jamf with no base URL to guess and no token URL or tenant", () => {
    const draft = changeVendor(newDraft("intune", false), "jamf_pro");
    expect(draft.base_url).toBe("");
    expect(draft.token_url).toBe("");
    expect(visibleFields("jamf_pro")).toEqual({ token_url: false, tenant: false, auth: true });
    expect(draft.page_size).toBe("500");
  });

  it("switch to Workspace ONE with its EMEA token service", () => {
    const draft = changeVendor(newDraft("jamf_pro", false), "workspace_one");
    expect(draft.base_url).toBe("https://as1.awmdm.com");
    expect(draft.token_url).toBe("https://emea.uemauth.workspaceone.com/connect/token");
  });

  it("keep a URL and page size the user typed when the vendor changes", () => {
    const typed = { ...newDraft("workspace_one", false), base_url: "https://as1234.awmdm.com", page_size: "250" };
    const draft = changeVendor(typed, "intune");
    expect(draft.base_url).toBe("https://as1234.awmdm.com");
    expect(draft.page_size).toBe("250");
    // A region's token URL is a pre-fill, not something typed, so Intune's replaces it.
    expect(draft.token_url).toBe("https://login.microsoftonline.com");
  });

  it("force client credentials when switching to Intune", () => {
    const jamf = { ...newDraft("jamf_pro", false), auth: "basic" as const };
    expect(changeVendor(jamf, "intune").auth).toBe("client_credentials");
    expect(changeVendor(jamf, "workspace_one").auth).toBe("basic");
  });

  it("map Workspace ONE regions to token URLs and back", () => {
    expect(workspaceOneTokenUrl("na")).toBe("https://na.uemauth.workspaceone.com/connect/token");
    expect(workspaceOneRegionOf("https://apac.uemauth.workspaceone.com/connect/token")).toBe("apac");
    expect(workspaceOneRegionOf("https://auth.example.org/connect/token")).toBeNull();
  });
});

describe("checkDraft", () => {
  it("accepts a complete Intune connection and sends trimmed settings", () => {
    const check = checkDraft(intune({ name: "  Intune  ", sync_every_minutes: " 30 " }), { isNew: true });
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
    const ws1 = { ...changeVendor(intune(), "workspace_one"), tenant: "" };
    expect(problemsOf(ws1).tenant).toBe("connections.invalid.tenantCode");
    const jamf = { ...changeVendor(intune(), "jamf_pro"), base_url: "https://kommunen.jamfcloud.com", tenant: "" };
    const check = checkDraft(jamf, { isNew: true });
    expect(check.ok && check.input.settings).toMatchObject({ tenant: null, token_url: null });
  });

  it("sends client credentials for Intune whatever the draft says", () => {
    const check = checkDraft(intune({ auth: "basic" }), { isNew: true });
    expect(check.ok && check.input.settings.auth).toBe("client_credentials");
  });

  it("names the user name and password when signing in with a user account", () => {
    const jamf = { ...changeVendor(intune(), "jamf_pro"), base_url: "https://x.jamfcloud.com", auth: "basic" as const };
    expect(problemsOf({ ...jamf, client_id: "", secret: "" })).toEqual({
      client_id: "connections.invalid.userName",
      secret: "connections.invalid.password",
    });
  });

  it("needs a secret for a new connection only; empty keeps the stored one", () => {
    expect(problemsOf(intune({ secret: "" }), true).secret).toBe("connections.invalid.clientSecret");
    const check = checkDraft(intune({ secret: "" }), { isNew: false });
    expect(check.ok && check.input.secret).toBeNull();
  });

  it("keeps the secret exactly as typed", () => {
    const check = checkDraft(intune({ secret: " pass phrase " }), { isNew: true });
    expect(check.ok && check.input.secret).toBe(" pass phrase ");
  });

  it("limits concurrency to 1–16 and page size to 1–1000, whole numbers only", () => {
    expect(problemsOf(intune({ concurrency: "0", page_size: "1001" }))).toEqual({
      concurrency: "connections.invalid.concurrency",
      page_size: "connections.invalid.pageSize",
    });
    expect(problemsOf(intune({ concurrency: "2.5", page_size: "abc" }))).toEqual({
      concurrency: "connections.invalid.concurrency",
      page_size: "connections.invalid.pageSize",
    });
    expect(checkDraft(intune({ concurrency: "16", page_size: "1" }), { isNew: true }).ok).toBe(true);
  });

  it("treats an empty schedule as off and rejects intervals under one", () => {
    const off = checkDraft(intune({ sync_every_minutes: "" }), { isNew: true });
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
    const jamf = { ...changeVendor(intune(), "jamf_pro"), base_url: "https://x.jamfcloud.com", token_url: "junk" };
    expect(checkDraft(jamf, { isNew: true }).ok).toBe(true);
  });
});

describe("urlProblem", () => {
  it("allows https and plain http to this computer only", () => {
    expect(urlProblem("https://graph.microsoft.com")).toBeNull();
    expect(urlProblem("http://127.0.0.1:8080/api")).toBeNull();
    expect(urlProblem("http://localhost")).toBeNull();
    expect(urlProblem("http://graph.example.com")).toBe("connections.invalid.urlHttps");
    expect(urlProblem("http://localhost.example.com")).toBe("connections.invalid.urlHttps");
    expect(urlProblem("graph.microsoft.com")).toBe("connections.invalid.urlHttps");
    expect(urlProblem("HTTPS://graph.microsoft.com")).toBe("connections.invalid.urlHttps");
  });

  it("needs a host and says so when the field is empty", () => {
    expect(urlProblem("https://")).toBe("connections.invalid.urlHost");
    expect(urlProblem("https:///path")).toBe("connections.invalid.urlHost");
    expect(urlProblem("  ")).toBe("connections.invalid.urlMissing");
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

describe("serverProblemField", () => {
  it("finds the form field the backend's problem names", () => {
    expect(serverProblemField("tenant: this vendor needs a tenant id or tenant code")).toBe("tenant");
    expect(serverProblemField("base_url: must start with https://")).toBe("base_url");
    expect(serverProblemField("schedule: intervals must be at least one")).toBeNull();
    expect(serverProblemField("something else entirely")).toBeNull();
  });
});

describe("installed apps", () => {
  it("are read by default, and a connection saved with them off keeps them off", () => {
    expect(newDraft("workspace_one", false).sync_apps).toBe(true);
    const off = { ...newDraft("workspace_one", false), sync_apps: false };
    const check = checkDraft(
      { ...off, name: "WS1", client_id: "c", secret: "s", tenant: "T", base_url: "https://as1.awmdm.com" },
      { isNew: true },
    );
    expect(check.ok).toBe(true);
    expect(check.ok ? check.input.settings.sync_apps : null).toBe(false);
  });
});
