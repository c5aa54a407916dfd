import type { StoreConnector } from "../connector.ts";
import { bulkOrders } from "./bulk.ts";
import { resolveConfig, type ShopifyConfig } from "./config.ts";
import { createShopifyAuth } from "./oauth.ts";
import { getShop, pagedOrders } from "./orders.ts";

export { isShopDomain, type ShopifyConfig } from "./config.ts";
export { shopifyScopes, verifyShopifyHmac } from "./oauth.ts";

/** The Shopify Admin GraphQL API for one app: OAuth, the shop, and its orders (paged or by bulk export). */
export function createShopifyConnector(config: ShopifyConfig): StoreConnector {
  const settings = resolveConfig(config);
  return {
    platform: "shopify",
    auth: createShopifyAuth(settings),
    getShop: (tokens, shopDomain) => getShop(settings, tokens, shopDomain),
    orders: (tokens, shop, options) => pagedOrders(settings, tokens, shop, options),
    bulkOrders: (tokens, shop, options) => bulkOrders(settings, tokens, shop, options),
  };
}
