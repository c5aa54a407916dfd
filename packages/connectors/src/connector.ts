import type {
  Ad,
  AdAccount,
  AdDailyMetrics,
  AdSet,
  Campaign,
  Creative,
  DateRange,
  Order,
  Platform,
} from "./domain.ts";
import type { TokenSource } from "./tokens.ts";

/** What an authorization-code exchange or a refresh returns. */
export interface TokenGrant {
  accessToken: string;
  /** Google, and Shopify's expiring offline tokens. */
  refreshToken: string | null;
  /** When the access token stops working; null when it does not expire. */
  expiresAt: Date | null;
  refreshTokenExpiresAt: Date | null;
  /** Scopes the user actually granted (may be fewer than asked for). */
  scopes: string[];
  /** TikTok: the advertisers the user authorised. */
  accountIds?: string[];
}

export interface AuthorizationRequest {
  /** The opaque `state` the product binds to the user's session and shop. */
  state: string;
  /** Our callback URL, registered with the platform's app. */
  redirectUri: string;
  /** Shopify: the shop's myshopify.com domain. */
  shopDomain?: string;
}

export interface CodeExchange {
  code: string;
  redirectUri: string;
  shopDomain?: string;
}

/** The OAuth side of a platform: consent URL, code exchange, refresh and revocation. */
export interface PlatformAuth {
  readonly platform: Platform;
  /** Scopes the product asks for. */
  readonly scopes: readonly string[];
  authorizationUrl(request: AuthorizationRequest): URL;
  exchangeCode(exchange: CodeExchange): Promise<TokenGrant>;
  /** Absent where the platform has no refresh grant. */
  refresh?(refreshToken: string, shopDomain?: string): Promise<TokenGrant>;
  /**
   * Checks the platform's signature on its redirect back to us (Shopify's
   * `hmac`); absent where the platform does not sign redirects.
   */
  verifyCallback?(query: URLSearchParams): boolean;
  /** Revokes the grant at the platform, where it allows that. */
  revoke?(grant: { accessToken: string; refreshToken: string | null; shopDomain?: string }): Promise<void>;
}

/** Reading one ad platform for one connection. */
export interface AdPlatformConnector {
  readonly platform: "meta" | "google" | "tiktok";
  readonly auth: PlatformAuth;
  /** Ad accounts the token can read, with their currency and time zone. */
  listAccounts(tokens: TokenSource): Promise<AdAccount[]>;
  listCampaigns(tokens: TokenSource, account: AdAccount): Promise<Campaign[]>;
  listAdSets(tokens: TokenSource, account: AdAccount): Promise<AdSet[]>;
  listAds(tokens: TokenSource, account: AdAccount): Promise<Ad[]>;
  listCreatives(tokens: TokenSource, account: AdAccount): Promise<Creative[]>;
  /** Daily ad-level metrics for the account's days in `range`, one page (or stream batch) at a time. */
  dailyMetrics(tokens: TokenSource, account: AdAccount, range: DateRange): AsyncIterable<AdDailyMetrics[]>;
}

/** Reading one Shopify store. */
export interface StoreConnector {
  readonly platform: "shopify";
  readonly auth: PlatformAuth;
  /** The shop itself, as an account (its domain, name, currency and time zone). */
  getShop(tokens: TokenSource, shopDomain: string): Promise<AdAccount>;
  /** Orders updated at or after `updatedSince` (all when null), oldest update first, a page at a time. */
  orders(
    tokens: TokenSource,
    shop: AdAccount,
    options: { updatedSince: Date | null; updatedBefore?: Date },
  ): AsyncIterable<Order[]>;
  /** The same orders through a bulk operation (long backfills), yielded in batches once the export is ready. */
  bulkOrders(
    tokens: TokenSource,
    shop: AdAccount,
    options: { updatedSince: Date | null; updatedBefore?: Date },
  ): AsyncIterable<Order[]>;
}
