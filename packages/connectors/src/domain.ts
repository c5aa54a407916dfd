/**
 * The one shape every connector normalises to. Ids are the platform's own (as
 * strings); money is integer minor units of `currency`; dates are `YYYY-MM-DD`
 * in the account's time zone.
 */

export const platforms = ["meta", "google", "tiktok", "shopify"] as const;
export type Platform = (typeof platforms)[number];

export const adPlatforms = ["meta", "google", "tiktok"] as const;
export type AdPlatform = (typeof adPlatforms)[number];

/** An ISO 4217 code such as "USD". */
export type CurrencyCode = string;

export interface AdAccount {
  platform: Platform;
  /** Meta: numeric id without `act_`; Google: 10-digit customer id; TikTok: advertiser id; Shopify: shop domain. */
  externalId: string;
  name: string;
  currency: CurrencyCode;
  /** IANA time zone that defines the account's days. */
  timeZone: string;
  /** Whether the platform lets this account be read and synced now. */
  status: "active" | "disabled";
  /** Google: the manager id to send as `login-customer-id` for this client. */
  loginCustomerId?: string;
}

export type EntityStatus = "active" | "paused" | "archived" | "deleted";

export interface Campaign {
  platform: AdPlatform;
  accountId: string;
  id: string;
  name: string;
  status: EntityStatus;
  objective: string | null;
  /** Daily budget in minor units, when the campaign has one. */
  dailyBudget: number | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface AdSet {
  platform: AdPlatform;
  accountId: string;
  campaignId: string;
  id: string;
  name: string;
  status: EntityStatus;
  dailyBudget: number | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface Ad {
  platform: AdPlatform;
  accountId: string;
  campaignId: string;
  adSetId: string;
  id: string;
  name: string;
  status: EntityStatus;
  creativeId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface Creative {
  platform: AdPlatform;
  accountId: string;
  id: string;
  name: string;
  title: string | null;
  body: string | null;
  imageUrl: string | null;
}

/** One ad on one day, as the platform reports it (reports for recent days get restated). */
export interface AdDailyMetrics {
  platform: AdPlatform;
  accountId: string;
  campaignId: string;
  adSetId: string;
  adId: string;
  date: string;
  currency: CurrencyCode;
  spend: number;
  impressions: number;
  /** Unique people reached; null where the platform does not report it at this level. */
  reach: number | null;
  clicks: number;
  /** Purchases the platform attributes to the ad (may be fractional on Google). */
  conversions: number;
  /** Revenue the platform attributes to the ad, minor units. */
  conversionValue: number;
}

export interface OrderLine {
  id: string;
  sku: string | null;
  title: string;
  quantity: number;
  /** Unit price before discounts, minor units of the order's currency. */
  unitPrice: number;
}

export interface OrderRefund {
  id: string;
  createdAt: string;
  amount: number;
}

export interface Order {
  platform: "shopify";
  shopDomain: string;
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  /** `createdAt` as a day in the shop's time zone. */
  date: string;
  currency: CurrencyCode;
  totalPrice: number;
  subtotalPrice: number;
  totalDiscounts: number;
  totalTax: number;
  totalShipping: number;
  totalRefunded: number;
  customerId: string | null;
  /** Whether this is the customer's first order. */
  newCustomer: boolean | null;
  financialStatus: string | null;
  landingSite: string | null;
  referringSite: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null; content: string | null };
  lines: OrderLine[];
  refunds: OrderRefund[];
  test: boolean;
}

export interface DateRange {
  /** First day, inclusive, `YYYY-MM-DD`. */
  since: string;
  /** Last day, inclusive, `YYYY-MM-DD`. */
  until: string;
}
