import { localDate } from "../dates.ts";
import type { AdAccount, Order } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { decimalToMinor } from "../money.ts";
import type { LineNode, MoneyBag, OrderFields } from "./schemas.ts";

/**
 * A customer record created within a day before the order counts as new.
 * Shopify's own counters (`numberOfOrders`, the journey's order index) say
 * where the customer stands today, not at the time of this order, and a
 * re-sync months later must give the same answer; a first order creates the
 * customer record at checkout, a returning customer's record is older.
 */
const newCustomerWindowMs = 24 * 3_600_000;

function minor(bag: MoneyBag | null, what: string): number {
  if (!bag) return 0;
  const value = decimalToMinor(bag.shopMoney.amount, bag.shopMoney.currencyCode);
  if (value === null) {
    throw new ConnectorError(
      "shopify",
      "malformed_response",
      `Shopify sent an amount Omnify cannot read (${what})`,
    );
  }
  return value;
}

/** UTM tags from the landing page URL (which may be a bare path), falling back to Shopify's parsed ones. */
function utmOf(
  landingPage: string | null,
  parsed: {
    source: string | null;
    medium: string | null;
    campaign: string | null;
    content: string | null;
  } | null,
): Order["utm"] {
  let params: URLSearchParams | null = null;
  if (landingPage && URL.canParse(landingPage, "https://shop.invalid")) {
    params = new URL(landingPage, "https://shop.invalid").searchParams;
  }
  const tag = (name: "source" | "medium" | "campaign" | "content") =>
    params?.get(`utm_${name}`) || parsed?.[name] || null;
  return { source: tag("source"), medium: tag("medium"), campaign: tag("campaign"), content: tag("content") };
}

export function normaliseOrder(node: OrderFields, lines: LineNode[], shop: AdAccount): Order {
  const journey = node.customerJourneySummary;
  // The last session before checkout is the one that brought the buyer in this time.
  const visit = journey?.lastVisit ?? journey?.firstVisit ?? null;
  const createdAt = Date.parse(node.createdAt);
  return {
    platform: "shopify",
    shopDomain: shop.externalId,
    id: node.id,
    name: node.name,
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    cancelledAt: node.cancelledAt,
    date: localDate(node.createdAt, shop.timeZone),
    currency: node.currencyCode,
    totalPrice: minor(node.totalPriceSet, "total price"),
    subtotalPrice: minor(node.subtotalPriceSet, "subtotal"),
    totalDiscounts: minor(node.totalDiscountsSet, "discounts"),
    totalTax: minor(node.totalTaxSet, "tax"),
    totalShipping: minor(node.totalShippingPriceSet, "shipping"),
    totalRefunded: minor(node.totalRefundedSet, "refunded"),
    customerId: node.customer?.id ?? null,
    newCustomer: node.customer ? createdAt - Date.parse(node.customer.createdAt) < newCustomerWindowMs : null,
    financialStatus: node.displayFinancialStatus,
    landingSite: visit?.landingPage ?? null,
    referringSite: visit?.referrerUrl ?? null,
    utm: utmOf(visit?.landingPage ?? null, visit?.utmParameters ?? null),
    lines: lines.map((line) => ({
      id: line.id,
      sku: line.sku,
      title: line.title,
      quantity: line.quantity,
      unitPrice: minor(line.originalUnitPriceSet, "unit price"),
    })),
    refunds: node.refunds.map((refund) => ({
      id: refund.id,
      // A refund without its own time (legacy data) is dated with the order's last update.
      createdAt: refund.createdAt ?? node.updatedAt,
      amount: minor(refund.totalRefundedSet, "refund"),
    })),
    test: node.test,
  };
}
