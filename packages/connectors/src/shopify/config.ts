import { ConnectorError } from "../errors.ts";

export interface ShopifyConfig {
  /** The app's client id (API key) from the Partner or Dev Dashboard. */
  clientId: string;
  clientSecret: string;
  /** Base URL of a shop, `{shop}` standing for its myshopify.com domain. Default `https://{shop}`. */
  shopUrl?: string;
  /** Admin API version, e.g. "2026-10". */
  apiVersion?: string;
  /**
   * Orders per page, at most 250 (default 100). Shopify also caps a query's
   * cost at 1,000 points and each order with its line items costs tens of
   * points, so the page actually asked for may be smaller.
   */
  pageSize?: number;
  /** Line items fetched with each order (default 10); an order with more gets its rest in follow-up queries. */
  lineItemsPageSize?: number;
  /** How long to wait between bulk-operation status polls (default 3 s). */
  bulkPollIntervalMs?: number;
}

export type ShopifySettings = Required<ShopifyConfig>;

export const shopifyMaxPageSize = 250;

export function resolveConfig(config: ShopifyConfig): ShopifySettings {
  const clamp = (value: number | undefined, fallback: number) =>
    Math.min(shopifyMaxPageSize, Math.max(1, Math.floor(value ?? fallback)));
  return {
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    shopUrl: config.shopUrl ?? "https://{shop}",
    apiVersion: config.apiVersion ?? "2026-10",
    pageSize: clamp(config.pageSize, 100),
    lineItemsPageSize: clamp(config.lineItemsPageSize, 10),
    bulkPollIntervalMs: Math.max(0, config.bulkPollIntervalMs ?? 3000),
  };
}

const shopDomainPattern = /^[a-zA-Z0-9][a-zA-Z0-9-]*\.myshopify\.com$/;

/** Whether `text` is a shop's own `*.myshopify.com` domain (what Shopify puts in `shop`). */
export const isShopDomain = (text: string | null | undefined): text is string =>
  typeof text === "string" && shopDomainPattern.test(text);

/**
 * The shop's base URL. The domain is checked first: it arrives from a
 * redirect's query string, and anything else would send the token elsewhere.
 */
export function shopBase(settings: ShopifySettings, shopDomain: string | undefined): string {
  if (!isShopDomain(shopDomain)) {
    throw new ConnectorError(
      "shopify",
      "bad_request",
      "That is not a Shopify shop address (name.myshopify.com)",
    );
  }
  return settings.shopUrl.replace("{shop}", shopDomain.toLowerCase());
}
