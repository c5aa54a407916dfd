import { sandboxApps } from "./apps.ts";

/**
 * Where each real API lives and where the sandbox serves the same contract.
 * The MSW handlers map the real origins onto these prefixes; the local stack
 * points the product's base URLs straight at them.
 */
export const sandboxRoutes = {
  metaGraph: { origin: "https://graph.facebook.com", prefix: "/meta/graph" },
  metaDialog: { origin: "https://www.facebook.com", prefix: "/meta/www" },
  googleAds: { origin: "https://googleads.googleapis.com", prefix: "/google/ads" },
  googleAccounts: { origin: "https://accounts.google.com", prefix: "/google/accounts" },
  googleOAuth: { origin: "https://oauth2.googleapis.com", prefix: "/google/oauth2" },
  tiktok: { origin: "https://business-api.tiktok.com", prefix: "/tiktok" },
} as const;

/** Shopify's hosts are per shop: `https://{shop}.myshopify.com/…` → `/shopify/{shop}.myshopify.com/…`. */
export const shopifyHostPattern = /^https:\/\/([a-z0-9][a-z0-9-]*\.myshopify\.com)(\/.*)?$/;
export const shopifyPrefix = (shopDomain: string) => `/shopify/${shopDomain}`;

/** The product's platform variables that point every platform at a sandbox served at `url`. */
export function sandboxPlatformEnv(url: string): Record<string, string> {
  const base = url.replace(/\/+$/, "");
  return {
    META_APP_ID: sandboxApps.meta.clientId,
    META_APP_SECRET: sandboxApps.meta.clientSecret,
    META_GRAPH_URL: base + sandboxRoutes.metaGraph.prefix,
    META_DIALOG_URL: base + sandboxRoutes.metaDialog.prefix,
    GOOGLE_CLIENT_ID: sandboxApps.google.clientId,
    GOOGLE_CLIENT_SECRET: sandboxApps.google.clientSecret,
    GOOGLE_ADS_DEVELOPER_TOKEN: sandboxApps.google.developerToken ?? "",
    GOOGLE_ADS_URL: base + sandboxRoutes.googleAds.prefix,
    GOOGLE_ACCOUNTS_URL: base + sandboxRoutes.googleAccounts.prefix,
    GOOGLE_OAUTH_URL: base + sandboxRoutes.googleOAuth.prefix,
    TIKTOK_APP_ID: sandboxApps.tiktok.clientId,
    TIKTOK_APP_SECRET: sandboxApps.tiktok.clientSecret,
    TIKTOK_API_URL: base + sandboxRoutes.tiktok.prefix,
    SHOPIFY_CLIENT_ID: sandboxApps.shopify.clientId,
    SHOPIFY_CLIENT_SECRET: sandboxApps.shopify.clientSecret,
    SHOPIFY_SHOP_URL: `${base}/shopify/{shop}`,
  };
}

/**
 * Only the sandbox app credentials: with the base URLs left at their real
 * defaults, tests reach the sandbox through MSW on the real hosts.
 */
export function sandboxCredentialEnv(): Record<string, string> {
  const env = sandboxPlatformEnv("http://unused.invalid");
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.endsWith("_URL")));
}

/** Which platform variables belong to which platform, so the stack can point only unconfigured ones at the sandbox. */
export const platformCredentialVariables = {
  meta: ["META_APP_ID", "META_APP_SECRET"],
  google: ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET", "GOOGLE_ADS_DEVELOPER_TOKEN"],
  tiktok: ["TIKTOK_APP_ID", "TIKTOK_APP_SECRET"],
  shopify: ["SHOPIFY_CLIENT_ID", "SHOPIFY_CLIENT_SECRET"],
} as const;
