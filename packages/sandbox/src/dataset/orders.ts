import { TZDate } from "@date-fns/tz";
import { addDays, dayOfWeek, daysBetween } from "./calendar.ts";
import { products, type SandboxAdPlatform, shopTemplate } from "./catalog.ts";
import { anchorDate } from "./entities.ts";
import { poisson, type Random, randomFor } from "./random.ts";

/** An order as it stands once everything that will happen to it has happened. Money in cents. */
export interface SandboxOrder {
  id: string;
  name: string;
  /** Shop-local day of `createdAt`. */
  date: string;
  createdAt: string;
  fulfilledAt: string | null;
  cancelledAt: string | null;
  customer: { id: string; createdAt: string } | null;
  lines: { id: string; sku: string; title: string; quantity: number; unitPrice: number }[];
  subtotal: number;
  discounts: number;
  shipping: number;
  tax: number;
  total: number;
  landingSite: string | null;
  referringSite: string | null;
  refund: { id: string; createdAt: string; amount: number } | null;
  /** Which campaign truly drove the order (not visible through the API; for tests and the demo's truth). */
  source: { platform: SandboxAdPlatform; campaignId: string } | null;
}

/** The order as the API shows it at `now`: later refunds and fulfilments have not happened yet. */
export interface SandboxOrderView extends Omit<SandboxOrder, "refund"> {
  updatedAt: string;
  refund: SandboxOrder["refund"];
  financialStatus: "PAID" | "PARTIALLY_REFUNDED" | "REFUNDED";
}

export function orderAt(order: SandboxOrder, now: Date): SandboxOrderView {
  const at = now.toISOString();
  const refund = order.refund && order.refund.createdAt <= at ? order.refund : null;
  const fulfilledAt = order.fulfilledAt && order.fulfilledAt <= at ? order.fulfilledAt : null;
  const cancelledAt = order.cancelledAt && order.cancelledAt <= at ? order.cancelledAt : null;
  const events = [order.createdAt, fulfilledAt, cancelledAt, refund?.createdAt].filter(
    (value): value is string => !!value,
  );
  return {
    ...order,
    fulfilledAt,
    cancelledAt,
    refund,
    updatedAt: events.sort().at(-1) ?? order.createdAt,
    financialStatus: !refund ? "PAID" : refund.amount >= order.total ? "REFUNDED" : "PARTIALLY_REFUNDED",
  };
}

export interface RevenueSource {
  platform: SandboxAdPlatform;
  campaignId: string;
  adIds: string[];
  /** Revenue the campaign truly caused that day, cents. */
  revenue: number;
}

/** Share of orders by local hour, quiet at night, busiest in the evening. */
const hourWeights = [2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 7, 8, 7, 7, 7, 7, 8, 9, 10, 11, 10, 7, 4];
const weekdayFactor = [1.1, 0.93, 0.95, 0.97, 1.0, 1.02, 1.08];

const utmBy: Record<SandboxAdPlatform, { source: string; medium: string; referrer: string }> = {
  meta: { source: "facebook", medium: "paid_social", referrer: "https://l.facebook.com/" },
  google: { source: "google", medium: "cpc", referrer: "https://www.google.com/" },
  tiktok: { source: "tiktok", medium: "paid_social", referrer: "https://www.tiktok.com/" },
};

function weightedIndex(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let target = random.float() * total;
  for (let index = 0; index < weights.length; index++) {
    target -= weights[index] ?? 0;
    if (target < 0) return index;
  }
  return weights.length - 1;
}

function localInstant(date: string, hour: number, minute: number, second: number): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, shopTemplate.timeZone).getTime());
}

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");

/** The shop's orders created on one local day, driven by that day's ad revenue plus organic demand. */
export function ordersForDay(seed: number, date: string, sources: RevenueSource[]): SandboxOrder[] {
  const random = randomFor(seed, "orders", date);
  const dayIndex = daysBetween(anchorDate, date);
  const organic =
    shopTemplate.organicRevenue *
    100 *
    (weekdayFactor[dayOfWeek(date)] ?? 1) *
    Math.exp(0.1 * random.normal());
  const weights = [organic, ...sources.map((source) => source.revenue)];
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const count = poisson(random, total / (shopTemplate.averageOrderValue * 100));
  const orders: SandboxOrder[] = [];
  for (let index = 0; index < count; index++) {
    const orderRandom = randomFor(seed, "order", date, index);
    const number = dayIndex * 1000 + index;
    const created = localInstant(
      date,
      weightedIndex(orderRandom, hourWeights),
      orderRandom.int(0, 59),
      orderRandom.int(0, 59),
    );
    const createdAt = iso(created);

    const lineCount = orderRandom.chance(0.6) ? 1 : orderRandom.chance(0.7) ? 2 : 3;
    const lines = Array.from({ length: lineCount }, (_, line) => {
      const product = orderRandom.pick(products);
      return {
        id: `gid://shopify/LineItem/${13_500_000_000_000 + number * 10 + line}`,
        sku: product.sku,
        title: product.title,
        quantity: orderRandom.chance(0.85) ? 1 : 2,
        unitPrice: product.price * 100,
      };
    });
    const subtotal = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
    const discounts = orderRandom.chance(0.15) ? Math.round(subtotal * 0.1) : 0;
    const shipping = subtotal - discounts >= 7500 ? 0 : 695;
    const tax = Math.round((subtotal - discounts) * 0.07);
    const totalPrice = subtotal - discounts + shipping + tax;

    const sourceIndex = weightedIndex(orderRandom, weights) - 1;
    const source = sources[sourceIndex];
    const handle = (lines[0]?.sku ?? "home").toLowerCase();
    let landingSite: string | null = `/products/${handle}`;
    let referringSite: string | null = null;
    if (source) {
      const utm = utmBy[source.platform];
      referringSite = utm.referrer;
      // Some paid visits lose their UTM tags on the way (in-app browsers, privacy tools).
      if (orderRandom.chance(0.82)) {
        const content = source.adIds.length ? `&utm_content=${orderRandom.pick(source.adIds)}` : "";
        landingSite += `?utm_source=${utm.source}&utm_medium=${utm.medium}&utm_campaign=${source.campaignId}${content}`;
      }
    } else {
      const channel = orderRandom.float();
      if (channel < 0.3) referringSite = "https://www.google.com/";
      else if (channel < 0.5) landingSite += "?utm_source=klaviyo&utm_medium=email&utm_campaign=newsletter";
      else if (channel < 0.75) landingSite = "/";
    }

    const isNew = orderRandom.chance(0.68);
    const customer = orderRandom.chance(0.04)
      ? null
      : isNew
        ? {
            id: `gid://shopify/Customer/${7_000_000_000 + number}`,
            createdAt: iso(new Date(created.getTime() - 60_000)),
          }
        : {
            id: `gid://shopify/Customer/${6_000_000_000 + orderRandom.int(0, 40_000)}`,
            createdAt: iso(localInstant(addDays(date, -orderRandom.int(3, 700)), 12, 0, 0)),
          };

    const cancelled = orderRandom.chance(0.006);
    const refunded = cancelled || orderRandom.chance(0.05);
    const refundAt = cancelled
      ? new Date(created.getTime() + 2 * 3_600_000)
      : new Date(created.getTime() + orderRandom.int(2, 25) * 86_400_000 + orderRandom.int(0, 86_399) * 1000);
    const refundAmount = cancelled || orderRandom.chance(0.4) ? totalPrice : (lines[0]?.unitPrice ?? 0);
    orders.push({
      id: `gid://shopify/Order/${5_500_000_000_000 + number}`,
      name: `#J${number}`,
      date,
      createdAt,
      fulfilledAt: cancelled ? null : iso(new Date(created.getTime() + orderRandom.int(6, 60) * 3_600_000)),
      cancelledAt: cancelled ? iso(refundAt) : null,
      customer,
      lines,
      subtotal,
      discounts,
      shipping,
      tax,
      total: totalPrice,
      landingSite,
      referringSite,
      refund: refunded
        ? {
            id: `gid://shopify/Refund/${9_100_000_000 + number}`,
            createdAt: iso(refundAt),
            amount: refundAmount,
          }
        : null,
      source: source ? { platform: source.platform, campaignId: source.campaignId } : null,
    });
  }
  return orders;
}
