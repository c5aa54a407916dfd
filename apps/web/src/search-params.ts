import type { Platform } from "./api-types.ts";

// Search parameters arrive as whatever the address bar held: keep only non-empty strings.

export function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** `?email=` prefills a form, `?redirect=` is where to go afterwards (checked by safeRedirect). */
export interface AuthSearch {
  email?: string;
  redirect?: string;
}

export function parseAuthSearch(search: Record<string, unknown>): AuthSearch {
  return { email: optionalString(search.email), redirect: optionalString(search.redirect) };
}

const platforms = ["meta", "google", "tiktok", "shopify"] as const satisfies readonly Platform[];

/**
 * Where a connect flow lands: `?connected=meta` once it succeeded, plus `&choose=<integration id>`
 * when there are ad accounts to pick. Anything else in the address is dropped.
 */
export interface IntegrationsSearch {
  connected?: Platform;
  choose?: string;
}

export function parseIntegrationsSearch(search: Record<string, unknown>): IntegrationsSearch {
  const connected = platforms.find((platform) => platform === search.connected);
  return { connected, choose: optionalString(search.choose) };
}
