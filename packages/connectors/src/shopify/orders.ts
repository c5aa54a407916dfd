import { setTimeout as sleep } from "node:timers/promises";
import type { AdAccount, Order } from "../domain.ts";
import type { TokenSource } from "../tokens.ts";
import { adminGraphql, shopSchema } from "./client.ts";
import type { ShopifySettings } from "./config.ts";
import { normaliseOrder } from "./normalise.ts";
import {
  orderLinesCost,
  orderLinesQuery,
  ordersPageCost,
  ordersPerPage,
  ordersQuery,
  shopQuery,
  updatedSearch,
} from "./queries.ts";
import { type LineNode, type OrdersPage, orderLinesPage, ordersPage, type QueryCost } from "./schemas.ts";

export async function getShop(
  settings: ShopifySettings,
  tokens: TokenSource,
  shopDomain: string,
): Promise<AdAccount> {
  const { data } = await adminGraphql(
    settings,
    tokens,
    shopDomain,
    { query: shopQuery, what: "the shop" },
    shopSchema,
  );
  return {
    platform: "shopify",
    externalId: shopDomain.toLowerCase(),
    name: data.shop.name,
    currency: data.shop.currencyCode,
    timeZone: data.shop.ianaTimezone,
    // Shopify answers for frozen, locked or missing shops with an HTTP error, so a shop that answers is usable.
    status: "active",
  };
}

/**
 * What the last answer said about the shop's cost bucket, refilled at its
 * restore rate since: enough to wait before a request the bucket could not
 * pay for, instead of sending it and being throttled.
 */
class CostBudget {
  private known: { available: number; maximum: number; restoreRate: number; at: number } | null = null;

  record(cost: QueryCost | null): void {
    if (!cost) return;
    const { currentlyAvailable, maximumAvailable, restoreRate } = cost.throttleStatus;
    this.known = { available: currentlyAvailable, maximum: maximumAvailable, restoreRate, at: Date.now() };
  }

  async afford(requested: number): Promise<void> {
    if (!this.known || this.known.restoreRate <= 0) return;
    const { available, maximum, restoreRate, at } = this.known;
    const now = Math.min(maximum, available + ((Date.now() - at) / 1000) * restoreRate);
    if (now >= requested) return;
    await sleep(Math.ceil(((Math.min(requested, maximum) - now) / restoreRate) * 1000));
  }
}

/** Orders updated in the window, oldest update first, a page at a time. */
export async function* pagedOrders(
  settings: ShopifySettings,
  tokens: TokenSource,
  shop: AdAccount,
  options: { updatedSince: Date | null; updatedBefore?: Date },
): AsyncGenerator<Order[]> {
  const lines = settings.lineItemsPageSize;
  const first = ordersPerPage(settings.pageSize, lines);
  const query = updatedSearch(options);
  const budget = new CostBudget();
  let after: string | null = null;
  do {
    await budget.afford(ordersPageCost(first, lines));
    const { data, cost }: { data: OrdersPage; cost: QueryCost | null } = await adminGraphql(
      settings,
      tokens,
      shop.externalId,
      { query: ordersQuery, variables: { first, after, query, lines }, what: "orders" },
      ordersPage,
    );
    budget.record(cost);
    const orders: Order[] = [];
    for (const node of data.orders.nodes) {
      const items = [...node.lineItems.nodes];
      const rest = node.lineItems.pageInfo;
      if (rest.hasNextPage)
        items.push(...(await remainingLines(settings, tokens, shop, node.id, rest.endCursor, budget)));
      orders.push(normaliseOrder(node, items, shop));
    }
    yield orders;
    after = data.orders.pageInfo.hasNextPage ? data.orders.pageInfo.endCursor : null;
  } while (after);
}

async function remainingLines(
  settings: ShopifySettings,
  tokens: TokenSource,
  shop: AdAccount,
  orderId: string,
  cursor: string | null,
  budget: CostBudget,
): Promise<LineNode[]> {
  const lines: LineNode[] = [];
  let after = cursor;
  while (after) {
    await budget.afford(orderLinesCost);
    const { data, cost } = await adminGraphql(
      settings,
      tokens,
      shop.externalId,
      { query: orderLinesQuery, variables: { id: orderId, after }, what: "an order's line items" },
      orderLinesPage,
    );
    budget.record(cost);
    if (!data.node) break;
    lines.push(...data.node.lineItems.nodes);
    after = data.node.lineItems.pageInfo.hasNextPage ? data.node.lineItems.pageInfo.endCursor : null;
  }
  return lines;
}
