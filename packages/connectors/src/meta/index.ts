import type { AdPlatformConnector, PlatformAuth } from "../connector.ts";
import type { AdAccount } from "../domain.ts";
import type { TokenSource } from "../tokens.ts";
import { type MetaConfig, resolveConfig } from "./config.ts";
import { GraphClient } from "./graph.ts";
import { dailyMetrics } from "./insights.ts";
import { toAccount, toAd, toAdSet, toCampaign, toCreative } from "./normalise.ts";
import { metaAuth } from "./oauth.ts";
import { adAccountSchema, adSchema, adSetSchema, campaignSchema, creativeSchema } from "./schemas.ts";

export { type MetaConfig, metaDefaults, metaScopes } from "./config.ts";
export { throttleDelayMs } from "./errors.ts";

/**
 * Meta's status filter that lists every status, so archived and deleted
 * objects (which still have history in insights) come back too.
 */
const everyStatus = (entity: string, statuses: string[]) =>
  JSON.stringify([{ field: `${entity}.effective_status`, operator: "IN", value: statuses }]);
const baseStatuses = ["ACTIVE", "PAUSED", "ARCHIVED", "DELETED", "IN_PROCESS", "WITH_ISSUES"];

/** The Meta Marketing API connector (Graph API). */
export function createMetaConnector(
  config: MetaConfig,
): AdPlatformConnector & { auth: PlatformAuth & { revoke: NonNullable<PlatformAuth["revoke"]> } } {
  const graph = new GraphClient(resolveConfig(config));

  async function collect<Row, Out>(pages: AsyncIterable<Row[]>, map: (row: Row) => Out): Promise<Out[]> {
    const out: Out[] = [];
    for await (const page of pages) for (const row of page) out.push(map(row));
    return out;
  }

  const edge = (account: AdAccount, name: string) => `act_${account.externalId}/${name}`;

  return {
    platform: "meta",
    auth: metaAuth(graph),

    listAccounts: (tokens: TokenSource) =>
      collect(
        graph.pages(
          tokens,
          "me/adaccounts",
          { fields: "id,account_id,name,currency,timezone_name,account_status" },
          adAccountSchema,
          "ad accounts",
        ),
        toAccount,
      ),

    listCampaigns: (tokens, account) =>
      collect(
        graph.pages(
          tokens,
          edge(account, "campaigns"),
          {
            fields: "id,name,status,effective_status,objective,daily_budget,created_time,updated_time",
            filtering: everyStatus("campaign", baseStatuses),
          },
          campaignSchema,
          "campaigns",
        ),
        (row) => toCampaign(account, row),
      ),

    listAdSets: (tokens, account) =>
      collect(
        graph.pages(
          tokens,
          edge(account, "adsets"),
          {
            fields: "id,name,campaign_id,status,effective_status,daily_budget,created_time,updated_time",
            filtering: everyStatus("adset", [...baseStatuses, "CAMPAIGN_PAUSED"]),
          },
          adSetSchema,
          "ad sets",
        ),
        (row) => toAdSet(account, row),
      ),

    listAds: (tokens, account) =>
      collect(
        graph.pages(
          tokens,
          edge(account, "ads"),
          {
            fields:
              "id,name,campaign_id,adset_id,status,effective_status,creative{id},created_time,updated_time",
            filtering: everyStatus("ad", [
              ...baseStatuses,
              "CAMPAIGN_PAUSED",
              "ADSET_PAUSED",
              "DISAPPROVED",
              "PENDING_REVIEW",
              "PREAPPROVED",
              "PENDING_BILLING_INFO",
            ]),
          },
          adSchema,
          "ads",
        ),
        (row) => toAd(account, row),
      ),

    listCreatives: (tokens, account) =>
      collect(
        graph.pages(
          tokens,
          edge(account, "adcreatives"),
          { fields: "id,name,title,body,image_url,thumbnail_url" },
          creativeSchema,
          "ad creatives",
        ),
        (row) => toCreative(account, row),
      ),

    dailyMetrics: (tokens, account, range) => dailyMetrics(graph, tokens, account, range),
  };
}
