/**
 * The Admin GraphQL documents the connector sends. Fields are spelled out
 * (no fragments) so the same text also works inside a bulk query.
 */

const money = "shopMoney { amount currencyCode }";
const visit = "landingPage referrerUrl utmParameters { source medium campaign content }";

export const lineFields = `id sku title quantity originalUnitPriceSet { ${money} }`;

export const orderFields = `
  id name createdAt updatedAt cancelledAt test currencyCode displayFinancialStatus
  totalPriceSet { ${money} }
  subtotalPriceSet { ${money} }
  totalDiscountsSet { ${money} }
  totalTaxSet { ${money} }
  totalShippingPriceSet { ${money} }
  totalRefundedSet { ${money} }
  customer { id createdAt }
  customerJourneySummary { firstVisit { ${visit} } lastVisit { ${visit} } }
  refunds { id createdAt totalRefundedSet { ${money} } }`;

/**
 * Shopify's requested cost of one order node in `ordersQuery`, which must keep
 * a page under the 1,000-point cap: the order 1, six money bags at 2 (bag and
 * amount), the customer 1, the journey summary 5 (itself, two visits and their
 * UTM objects), refunds 3 (a refund and its money bag), and the line-item
 * connection 2 plus 3 per line asked for.
 */
export const orderNodeCost = (lines: number) => 24 + 3 * lines;

export const maxQueryCost = 1000;

/** The largest page whose requested cost stays under Shopify's single-query cap. */
export const ordersPerPage = (pageSize: number, lines: number) =>
  Math.max(1, Math.min(pageSize, Math.floor((maxQueryCost - 2) / orderNodeCost(lines))));

export const ordersPageCost = (orders: number, lines: number) => 2 + orders * orderNodeCost(lines);

export const shopQuery = "query OmnifyShop { shop { name myshopifyDomain currencyCode ianaTimezone } }";

export const ordersQuery = `
query OmnifyOrders($first: Int!, $after: String, $query: String, $lines: Int!) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes {
      ${orderFields}
      lineItems(first: $lines) { pageInfo { hasNextPage endCursor } nodes { ${lineFields} } }
    }
  }
}`;

const moreLines = 100;

/** The rest of an order's line items, for the rare order with more than fit on its page. */
export const orderLinesQuery = `
query OmnifyOrderLines($id: ID!, $after: String) {
  node(id: $id) {
    ... on Order {
      lineItems(first: ${moreLines}, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${lineFields} } }
    }
  }
}`;

/** Its requested cost: the order 1, the connection 2 plus 3 per line. */
export const orderLinesCost = 1 + 2 + 3 * moreLines;

/** A bulk export walks connections in full: no `first`, and line items come back as their own lines. */
export const bulkOrdersQuery = (search: string) => `{
  orders(query: ${JSON.stringify(search)}, sortKey: UPDATED_AT) {
    edges { node {
      ${orderFields}
      lineItems { edges { node { ${lineFields} } } }
    } }
  }
}`;

export const bulkRunMutation = `
mutation OmnifyBulkOrders($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { id status }
    userErrors { field message code }
  }
}`;

/** The app's latest export for the shop, whatever its state (Shopify keeps one per app and shop). */
export const currentBulkQuery = `
query OmnifyCurrentBulk {
  currentBulkOperation(type: QUERY) { id status errorCode objectCount url query }
}`;

export const bulkPollQuery = `
query OmnifyBulkStatus($id: ID!) {
  node(id: $id) { ... on BulkOperation { id status errorCode objectCount url } }
}`;

export const appUninstallMutation = `
mutation OmnifyUninstall { appUninstall { userErrors { field message code } } }`;

/** Shopify's search syntax for orders updated in `[since, before)`. */
export function updatedSearch(options: { updatedSince: Date | null; updatedBefore?: Date }): string {
  const terms: string[] = [];
  if (options.updatedSince) terms.push(`updated_at:>='${options.updatedSince.toISOString()}'`);
  if (options.updatedBefore) terms.push(`updated_at:<'${options.updatedBefore.toISOString()}'`);
  return terms.join(" AND ");
}
