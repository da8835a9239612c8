import type { AuthMethod, Vendor } from "../bindings";

/** In the order the vendor select lists them. */
export const VENDORS: readonly Vendor[] = ["intune", "jamf_pro", "workspace_one"];

export type VendorDefaults = {
  /** Empty when every customer has their own host (Jamf Cloud); the form then shows `baseUrlPlaceholder`. */
  readonly baseUrl: string;
  readonly baseUrlPlaceholder: string;
  /** `null`: the vendor issues tokens from the base URL, so the form hides the field. */
  readonly tokenUrl: string | null;
  /** What the tenant field is called, or `null` when the vendor has none. */
  readonly tenant: "tenantId" | "tenantCode" | null;
  /** `null`: the vendor accepts one method only, so the form does not ask. */
  readonly authChoice: readonly AuthMethod[] | null;
  readonly pageSize: number;
};

export const VENDOR_DEFAULTS: Readonly<Record<Vendor, VendorDefaults>> = {
  intune: {
    baseUrl: "https://graph.microsoft.com",
    baseUrlPlaceholder: "https://graph.microsoft.com",
    tokenUrl: "https://login.microsoftonline.com",
    tenant: "tenantId",
    // Microsoft Graph accepts app-only tokens from client credentials, nothing else.
    authChoice: null,
    pageSize: 1000,
  },
  jamf_pro: {
    baseUrl: "",
    baseUrlPlaceholder: "https://<your-org>.jamfcloud.com",
    tokenUrl: null,
    tenant: null,
    authChoice: ["client_credentials", "basic"],
    pageSize: 500,
  },
  workspace_one: {
    baseUrl: "https://as1.awmdm.com",
    baseUrlPlaceholder: "https://as<N>.awmdm.com",
    tokenUrl: workspaceOneTokenUrl("emea"),
    tenant: "tenantCode",
    authChoice: ["client_credentials", "basic"],
    pageSize: 500,
  },
};

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_SYNC_EVERY_MINUTES = 60;
export const DEFAULT_FULL_SYNC_EVERY_HOURS = 24;

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

/** True for an empty URL or one some vendor pre-fills: not something the user typed. */
export function isDefaultBaseUrl(url: string): boolean {
  const trimmed = url.trim();
  return trimmed === "" || VENDORS.some((vendor) => VENDOR_DEFAULTS[vendor].baseUrl === trimmed);
}

export function isDefaultTokenUrl(url: string): boolean {
  const trimmed = url.trim();
  return (
    trimmed === "" ||
    workspaceOneRegionOf(trimmed) !== null ||
    VENDORS.some((vendor) => VENDOR_DEFAULTS[vendor].tokenUrl === trimmed)
  );
}

export function isDefaultPageSize(pageSize: string): boolean {
  const trimmed = pageSize.trim();
  return trimmed === "" || VENDORS.some((vendor) => String(VENDOR_DEFAULTS[vendor].pageSize) === trimmed);
}
