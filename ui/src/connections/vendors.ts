import type { AuthMethod, ConnectionDefaults, ConnectionSettings, Vendor } from "../bindings";

/** In the order the vendor select lists them. */
export const VENDORS: readonly Vendor[] = ["intune", "jamf_pro", "workspace_one"];

/**
 * How the form presents a vendor: wording and choices only. Its URLs, page size, schedule and
 * the limits come from the core (`ConnectionDefaults`), so the UI keeps no copy of them.
 */
export type VendorForm = {
  /**
   * Shown in an empty base URL field: the pattern of a customer's own host, or `null` where
   * every customer uses the same one (then the core's default is shown).
   */
  readonly baseUrlPlaceholder: string | null;
  /** What the tenant field is called, or `null` when the vendor has none. */
  readonly tenant: "tenantId" | "tenantCode" | null;
  /** `null`: the vendor accepts one method only, so the form does not ask. */
  readonly authChoice: readonly AuthMethod[] | null;
};

export const VENDOR_FORM: Readonly<Record<Vendor, VendorForm>> = {
  intune: {
    baseUrlPlaceholder: null,
    tenant: "tenantId",
    // Microsoft Graph accepts app-only tokens from client credentials, nothing else.
    authChoice: null,
  },
  jamf_pro: {
    baseUrlPlaceholder: "https://<your-org>.jamfcloud.com",
    tenant: null,
    authChoice: ["client_credentials", "basic"],
  },
  workspace_one: {
    baseUrlPlaceholder: "https://as<N>.awmdm.com",
    tenant: "tenantCode",
    authChoice: ["client_credentials", "basic"],
  },
};

/** A new connection's settings for `vendor` as the core gives them; `null` if it gives none. */
export function vendorDefaults(defaults: ConnectionDefaults, vendor: Vendor): ConnectionSettings | null {
  return defaults.vendors.find((settings) => settings.vendor === vendor) ?? null;
}

/** The vendors the form offers: those the core has defaults for, in the UI's order. */
export function offeredVendors(defaults: ConnectionDefaults): Vendor[] {
  return VENDORS.filter((vendor) => vendorDefaults(defaults, vendor) !== null);
}

/** Workspace ONE's OAuth token service is regional; the region has to match the tenant's data centre. */
export const WORKSPACE_ONE_REGIONS = ["na", "emea", "apac", "uat"] as const;
export type WorkspaceOneRegion = (typeof WORKSPACE_ONE_REGIONS)[number];

export function workspaceOneTokenUrl(region: WorkspaceOneRegion): string {
  return `https://${region}.uemauth.workspaceone.com/connect/token`;
}

/** The region a token URL points at, or `null` for any other URL (a custom or older host). */
export function workspaceOneRegionOf(tokenUrl: string): WorkspaceOneRegion | null {
  return WORKSPACE_ONE_REGIONS.find((region) => workspaceOneTokenUrl(region) === tokenUrl.trim()) ?? null;
}

/** True for an empty URL or one the core pre-fills for some vendor: not something the user typed. */
export function isDefaultBaseUrl(url: string, defaults: ConnectionDefaults): boolean {
  const trimmed = url.trim();
  return trimmed === "" || defaults.vendors.some((settings) => settings.base_url === trimmed);
}

export function isDefaultTokenUrl(url: string, defaults: ConnectionDefaults): boolean {
  const trimmed = url.trim();
  return (
    trimmed === "" ||
    workspaceOneRegionOf(trimmed) !== null ||
    defaults.vendors.some((settings) => settings.token_url === trimmed)
  );
}

export function isDefaultPageSize(pageSize: string, defaults: ConnectionDefaults): boolean {
  const trimmed = pageSize.trim();
  return trimmed === "" || defaults.vendors.some((settings) => String(settings.page_size) === trimmed);
}
