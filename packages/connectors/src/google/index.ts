import type { AdPlatformConnector } from "../connector.ts";
import { chunkRange, isoDatePattern } from "../dates.ts";
import type { AdAccount, AdDailyMetrics, DateRange } from "../domain.ts";
import { ConnectorError, isConnectorError } from "../errors.ts";
import type { TokenSource } from "../tokens.ts";
import { GoogleAdsClient } from "./client.ts";
import { type GoogleConfig, resolveConfig } from "./config.ts";
import { toAccount, toAd, toAdSet, toCampaign, toCreative, toDailyMetrics } from "./normalise.ts";
import { type GoogleAuth, googleAuth } from "./oauth.ts";
import { adGroupQuery, adQuery, campaignQuery, customerClientQuery, dailyMetricsQuery } from "./queries.ts";
import {
  adGroupRowSchema,
  adRowSchema,
  type CustomerClientRow,
  campaignRowSchema,
  customerClientRowSchema,
  metricRowSchema,
} from "./schemas.ts";

export { type GoogleConfig, googleDefaults } from "./config.ts";
export { defaultRetryAfterMs, formatCustomerId } from "./errors.ts";
export { adwordsScope, type GoogleAuth } from "./oauth.ts";

export interface GoogleConnector extends AdPlatformConnector {
  readonly platform: "google";
  readonly auth: GoogleAuth;
}

/**
 * The Google Ads API (REST, GAQL through searchStream). Accounts are found
 * through the login's accessible customers and, for managers, their client
 * tree; every call for a client names the manager as `login-customer-id`.
 */
export function createGoogleConnector(input: GoogleConfig): GoogleConnector {
  const config = resolveConfig(input);
  const client = new GoogleAdsClient(config);
  const scope = (account: AdAccount) => ({
    customerId: account.externalId,
    loginCustomerId: account.loginCustomerId,
  });
  const rows = async <T>(batches: Promise<T[][]>) => (await batches).flat();

  return {
    platform: "google",
    auth: googleAuth(config),

    async listAccounts(tokens: TokenSource): Promise<AdAccount[]> {
      const accounts = new Map<string, AdAccount>();
      const refused: ConnectorError[] = [];
      for (const root of await client.listAccessibleCustomers(tokens)) {
        let clients: CustomerClientRow[];
        try {
          clients = await rows(
            client.searchStream(
              tokens,
              { customerId: root, loginCustomerId: root },
              customerClientQuery,
              customerClientRowSchema,
              "the client accounts",
            ),
          );
        } catch (error) {
          // A cancelled account, or one reachable only through another manager, can still be listed as
          // accessible; the others are still worth listing.
          if (isConnectorError(error, "account_invalid") || isConnectorError(error, "permission_denied")) {
            refused.push(error);
            continue;
          }
          throw error;
        }
        for (const row of clients) {
          // Managers hold no metrics; a client reachable through two managers is kept once.
          if (row.customerClient.manager || accounts.has(row.customerClient.id)) continue;
          accounts.set(row.customerClient.id, toAccount(row, root));
        }
      }
      if (accounts.size === 0 && refused[0]) throw refused[0];
      return [...accounts.values()];
    },

    async listCampaigns(tokens, account) {
      const found = await rows(
        client.searchStream(tokens, scope(account), campaignQuery, campaignRowSchema, "the campaigns"),
      );
      return found.map((row) => toCampaign(row, account));
    },

    async listAdSets(tokens, account) {
      const found = await rows(
        client.searchStream(tokens, scope(account), adGroupQuery, adGroupRowSchema, "the ad groups"),
      );
      return found.map((row) => toAdSet(row, account));
    },

    async listAds(tokens, account) {
      const found = await rows(client.searchStream(tokens, scope(account), adQuery, adRowSchema, "the ads"));
      return found.map((row) => toAd(row, account));
    },

    async listCreatives(tokens, account) {
      const found = await rows(client.searchStream(tokens, scope(account), adQuery, adRowSchema, "the ads"));
      // One ad can sit in several ad groups; it is one creative.
      const creatives = new Map(found.map((row) => [row.adGroupAd.ad.id, toCreative(row, account)]));
      return [...creatives.values()];
    },

    async *dailyMetrics(tokens, account, range: DateRange): AsyncIterable<AdDailyMetrics[]> {
      if (!isoDatePattern.test(range.since) || !isoDatePattern.test(range.until))
        throw new ConnectorError("google", "bad_request", "The report dates must be days like 2026-11-22.");
      for (const slice of chunkRange(range, config.sliceDays)) {
        const batches = await client.searchStream(
          tokens,
          scope(account),
          dailyMetricsQuery(slice),
          metricRowSchema,
          "the daily ad metrics",
        );
        for (const batch of batches) {
          if (batch.length > 0) yield batch.map((row) => toDailyMetrics(row, account));
        }
      }
    },
  };
}
