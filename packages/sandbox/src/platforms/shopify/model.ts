import { GraphQLError } from "graphql";
import type { SandboxOrderView } from "../../dataset/index.ts";
import { gidNumber, type PageArgs, paginate } from "./paging.ts";

/**
 * Dataset orders as Admin API objects. graphql-js's default resolver reads
 * these properties and calls the methods with the field's arguments, so the
 * objects are the resolvers.
 */

export interface RequestScope {
  scopes: readonly string[];
  shopDomain: string;
  currency: string;
  /** Bulk operations walk connections in full, without `first`. */
  bulk: boolean;
}

export const accessDenied = (field: string, scope: string) =>
  new GraphQLError(`Access denied for ${field} field. Required access: \`${scope}\` access scope.`, {
    extensions: {
      code: "ACCESS_DENIED",
      documentation: "https://shopify.dev/api/usage/access-scopes",
      requiredAccess: `\`${scope}\` access scope.`,
    },
  });

/**
 * Cents as Shopify prints a Decimal: trailing zeros dropped but one decimal
 * kept ("59.9", "10.0", "14.35"), the way its Ruby BigDecimal serialises.
 */
export function decimalAmount(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const magnitude = Math.abs(cents);
  const whole = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100)
    .padStart(2, "0")
    .replace(/0$/, "");
  return `${sign}${whole}.${fraction || "0"}`;
}

const moneyBag = (cents: number, currency: string) => {
  const money = { amount: decimalAmount(cents), currencyCode: currency };
  return { shopMoney: money, presentmentMoney: money };
};

function utmOf(landingPage: string) {
  const params = new URL(landingPage).searchParams;
  const utm = {
    campaign: params.get("utm_campaign"),
    content: params.get("utm_content"),
    medium: params.get("utm_medium"),
    source: params.get("utm_source"),
    term: params.get("utm_term"),
  };
  return Object.values(utm).some((value) => value !== null) ? utm : null;
}

/** The session that led to the order: the dataset keeps one landing page and referrer per order. */
function visitOf(order: SandboxOrderView, scope: RequestScope) {
  if (!order.landingSite) return null;
  const landingPage = `https://${scope.shopDomain}${order.landingSite}`;
  const utmParameters = utmOf(landingPage);
  const referrerHost = order.referringSite ? new URL(order.referringSite).hostname : null;
  return {
    id: `gid://shopify/CustomerVisit/${gidNumber(order.id)}`,
    landingPage,
    // The visit starts a few minutes before checkout completes.
    occurredAt: new Date(Date.parse(order.createdAt) - 17 * 60_000).toISOString().replace(".000Z", "Z"),
    referrerUrl: order.referringSite,
    source: utmParameters?.source ?? referrerHost?.replace(/^(www|l)\./, "").split(".")[0] ?? "direct",
    sourceDescription: null,
    utmParameters,
  };
}

export function orderObject(order: SandboxOrderView, scope: RequestScope) {
  const currency = scope.currency;
  const refunded = order.refund?.amount ?? 0;
  const visit = visitOf(order, scope);
  const lines = order.lines.map((line) => ({
    __typename: "LineItem",
    id: line.id,
    sku: line.sku,
    title: line.title,
    name: line.title,
    quantity: line.quantity,
    originalUnitPriceSet: moneyBag(line.unitPrice, currency),
  }));
  return {
    __typename: "Order",
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    processedAt: order.createdAt,
    cancelledAt: order.cancelledAt,
    closed: order.cancelledAt !== null || order.fulfilledAt !== null,
    test: false,
    currencyCode: currency,
    presentmentCurrencyCode: currency,
    displayFinancialStatus: order.financialStatus,
    displayFulfillmentStatus: order.fulfilledAt ? "FULFILLED" : "UNFULFILLED",
    totalPriceSet: moneyBag(order.total, currency),
    currentTotalPriceSet: moneyBag(order.total - refunded, currency),
    // Shopify's subtotal is the line items after discounts, before shipping and tax.
    subtotalPriceSet: moneyBag(order.subtotal - order.discounts, currency),
    totalDiscountsSet: moneyBag(order.discounts, currency),
    totalTaxSet: moneyBag(order.tax, currency),
    totalShippingPriceSet: moneyBag(order.shipping, currency),
    totalRefundedSet: moneyBag(refunded, currency),
    customer: () => {
      if (!scope.scopes.includes("read_customers")) throw accessDenied("customer", "read_customers");
      return order.customer && { __typename: "Customer", ...order.customer };
    },
    customerJourneySummary: visit && {
      daysToConversion: 0,
      firstVisit: visit,
      lastVisit: visit,
      ready: true,
    },
    lineItems: (args: PageArgs & { reverse?: boolean }) => {
      const sorted = args.reverse ? [...lines].reverse() : lines;
      const page = paginate(sorted, (line) => ({ id: gidNumber(line.id), value: gidNumber(line.id) }), args, {
        bulk: scope.bulk,
        reverse: !!args.reverse,
      });
      return connection(page);
    },
    refunds: ({ first }: { first?: number | null }) => {
      const refunds = order.refund
        ? [
            {
              __typename: "Refund",
              id: order.refund.id,
              createdAt: order.refund.createdAt,
              totalRefundedSet: moneyBag(order.refund.amount, currency),
            },
          ]
        : [];
      return first == null ? refunds : refunds.slice(0, first);
    },
  };
}

export function connection<T>(page: { items: T[]; cursors: string[]; pageInfo: Record<string, unknown> }) {
  return {
    nodes: page.items,
    edges: page.items.map((node, index) => ({ node, cursor: page.cursors[index] })),
    pageInfo: page.pageInfo,
  };
}

export function shopObject(
  shop: { domain: string; name: string; email: string; currency: string; timeZone: string },
  now: Date,
) {
  const abbreviation =
    new Intl.DateTimeFormat("en-US", { timeZone: shop.timeZone, timeZoneName: "short" })
      .formatToParts(now)
      .find((part) => part.type === "timeZoneName")?.value ?? "UTC";
  return {
    __typename: "Shop",
    id: "gid://shopify/Shop/68817551515",
    name: shop.name,
    email: shop.email,
    myshopifyDomain: shop.domain,
    currencyCode: shop.currency,
    ianaTimezone: shop.timeZone,
    timezoneAbbreviation: abbreviation,
  };
}
