import type { PlatformEnv } from "@omnify/config";
import type { AdPlatformConnector, StoreConnector } from "./connector.ts";
import { createGoogleConnector } from "./google/index.ts";
import { createMetaConnector } from "./meta/index.ts";
import { createShopifyConnector } from "./shopify/index.ts";
import { createTikTokConnector } from "./tiktok/index.ts";

export type * from "./connector.ts";
export { addDays, chunkRange, daysBetween, localDate } from "./dates.ts";
export * from "./domain.ts";
export { ConnectorError, type ConnectorErrorKind, connectorErrorKinds, isConnectorError } from "./errors.ts";
export { observeRequests, platformNames, type RequestObserver } from "./http.ts";
export { currencyExponent, decimalToMinor, microsToMinor } from "./money.ts";
export { isShopDomain, verifyShopifyHmac } from "./shopify/index.ts";
export { staticToken, type TokenSource, withFreshToken } from "./tokens.ts";
export { createGoogleConnector, createMetaConnector, createShopifyConnector, createTikTokConnector };

/** Each platform's client, or null when its credentials are not configured. */
export interface Connectors {
  meta: AdPlatformConnector | null;
  google: AdPlatformConnector | null;
  tiktok: AdPlatformConnector | null;
  shopify: StoreConnector | null;
}

export type AnyConnector = AdPlatformConnector | StoreConnector;

/** Builds the clients from configuration; base URLs default to the real APIs. */
export function createConnectors(env: PlatformEnv): Connectors {
  return {
    meta:
      env.META_APP_ID && env.META_APP_SECRET
        ? createMetaConnector({
            appId: env.META_APP_ID,
            appSecret: env.META_APP_SECRET,
            graphUrl: env.META_GRAPH_URL,
            dialogUrl: env.META_DIALOG_URL,
            apiVersion: env.META_API_VERSION,
          })
        : null,
    google:
      env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET && env.GOOGLE_ADS_DEVELOPER_TOKEN
        ? createGoogleConnector({
            clientId: env.GOOGLE_CLIENT_ID,
            clientSecret: env.GOOGLE_CLIENT_SECRET,
            developerToken: env.GOOGLE_ADS_DEVELOPER_TOKEN,
            adsUrl: env.GOOGLE_ADS_URL,
            apiVersion: env.GOOGLE_ADS_API_VERSION,
            accountsUrl: env.GOOGLE_ACCOUNTS_URL,
            oauthUrl: env.GOOGLE_OAUTH_URL,
          })
        : null,
    tiktok:
      env.TIKTOK_APP_ID && env.TIKTOK_APP_SECRET
        ? createTikTokConnector({
            appId: env.TIKTOK_APP_ID,
            appSecret: env.TIKTOK_APP_SECRET,
            apiUrl: env.TIKTOK_API_URL,
            apiVersion: env.TIKTOK_API_VERSION,
          })
        : null,
    shopify:
      env.SHOPIFY_CLIENT_ID && env.SHOPIFY_CLIENT_SECRET
        ? createShopifyConnector({
            clientId: env.SHOPIFY_CLIENT_ID,
            clientSecret: env.SHOPIFY_CLIENT_SECRET,
            shopUrl: env.SHOPIFY_SHOP_URL,
            apiVersion: env.SHOPIFY_API_VERSION,
          })
        : null,
  };
}
