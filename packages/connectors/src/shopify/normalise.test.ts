import { describe, expect, it } from "vitest";
import type { AdAccount } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { normaliseOrder } from "./normalise.ts";
import type { LineNode, OrderFields } from "./schemas.ts";

const shop: AdAccount = {
  platform: "shopify",
  externalId: "juniper-and-pine.myshopify.com",
  name: "Juniper & Pine",
  currency: "USD",
  timeZone: "America/New_York",
  status: "active",
};

const usd = (amount: string) => ({ shopMoney: { amount, currencyCode: "USD" } });

function node(overrides: Partial<OrderFields> = {}): OrderFields {
  return {
    id: "gid://shopify/Order/1",
    name: "#1001",
    createdAt: "2026-11-21T03:30:00Z",
    updatedAt: "2026-11-22T10:00:00Z",
    cancelledAt: null,
    test: false,
    currencyCode: "USD",
    displayFinancialStatus: "PARTIALLY_REFUNDED",
    totalPriceSet: usd("59.9"),
    subtotalPriceSet: usd("50.05"),
    totalDiscountsSet: usd("0.0"),
    totalTaxSet: usd("3.51"),
    totalShippingPriceSet: usd("6.34"),
    totalRefundedSet: usd("14.35"),
    customer: { id: "gid://shopify/Customer/9", createdAt: "2026-11-21T03:29:00Z" },
    customerJourneySummary: {
      firstVisit: null,
      lastVisit: {
        landingPage:
          "/products/mug?utm_source=facebook&utm_medium=paid_social&utm_campaign=120&utm_content=ad%201",
        referrerUrl: "https://l.facebook.com/",
        utmParameters: null,
      },
    },
    refunds: [
      { id: "gid://shopify/Refund/5", createdAt: "2026-11-23T12:00:00Z", totalRefundedSet: usd("14.35") },
    ],
    ...overrides,
  };
}

const line: LineNode = {
  id: "gid://shopify/LineItem/7",
  sku: "JP-MUG",
  title: "Mug",
  quantity: 2,
  originalUnitPriceSet: usd("24.99"),
};

describe("normaliseOrder", () => {
  it("turns decimal strings into exact minor units", () => {
    const order = normaliseOrder(node(), [line], shop);
    expect(order).toMatchObject({
      totalPrice: 5990,
      subtotalPrice: 5005,
      totalDiscounts: 0,
      totalTax: 351,
      totalShipping: 634,
      totalRefunded: 1435,
      currency: "USD",
    });
    expect(order.lines).toEqual([{ id: line.id, sku: "JP-MUG", title: "Mug", quantity: 2, unitPrice: 2499 }]);
    expect(order.refunds).toEqual([
      { id: "gid://shopify/Refund/5", createdAt: "2026-11-23T12:00:00Z", amount: 1435 },
    ]);
  });

  it("uses the currency's own minor unit", () => {
    const yen = (amount: string) => ({ shopMoney: { amount, currencyCode: "JPY" } });
    const order = normaliseOrder(node({ currencyCode: "JPY", totalPriceSet: yen("1200.0") }), [], shop);
    expect(order.totalPrice).toBe(1200);
    expect(order.currency).toBe("JPY");
  });

  it("dates an order by the shop's day: 03:30Z is the evening before in New York", () => {
    expect(normaliseOrder(node(), [], shop).date).toBe("2026-11-20");
    expect(normaliseOrder(node({ createdAt: "2026-11-21T05:30:00Z" }), [], shop).date).toBe("2026-11-21");
    expect(normaliseOrder(node(), [], { ...shop, timeZone: "UTC" }).date).toBe("2026-11-21");
  });

  it("calls a customer new when their record was created within a day before the order", () => {
    expect(normaliseOrder(node(), [], shop).newCustomer).toBe(true);
    const returning = node({
      customer: { id: "gid://shopify/Customer/9", createdAt: "2026-11-19T03:29:00Z" },
    });
    expect(normaliseOrder(returning, [], shop).newCustomer).toBe(false);
    expect(normaliseOrder(node({ customer: null }), [], shop)).toMatchObject({
      newCustomer: null,
      customerId: null,
    });
  });

  it("reads UTM tags from the landing page, even a bare path, and falls back to Shopify's parsed ones", () => {
    const order = normaliseOrder(node(), [], shop);
    expect(order.utm).toEqual({
      source: "facebook",
      medium: "paid_social",
      campaign: "120",
      content: "ad 1",
    });
    expect(order.landingSite).toContain("/products/mug");
    expect(order.referringSite).toBe("https://l.facebook.com/");

    const tagged = node({
      customerJourneySummary: {
        firstVisit: {
          landingPage: "https://shop.example/",
          referrerUrl: null,
          utmParameters: { source: "klaviyo", medium: "email", campaign: null, content: null },
        },
        lastVisit: null,
      },
    });
    expect(normaliseOrder(tagged, [], shop).utm).toEqual({
      source: "klaviyo",
      medium: "email",
      campaign: null,
      content: null,
    });
    expect(normaliseOrder(node({ customerJourneySummary: null }), [], shop)).toMatchObject({
      landingSite: null,
      utm: { source: null, medium: null, campaign: null, content: null },
    });
  });

  it("refuses an amount it cannot read rather than guessing", () => {
    expect(() => normaliseOrder(node({ totalPriceSet: usd("12,50") }), [], shop)).toThrow(ConnectorError);
  });
});
