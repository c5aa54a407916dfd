import type { AdPlatformConnector } from "../connector.ts";
import { chunkRange } from "../dates.ts";
import type { AdAccount, AdDailyMetrics, Creative, DateRange } from "../domain.ts";
import type { TokenSource } from "../tokens.ts";
import { resolveConfig, TikTokClient, type TikTokConfig } from "./client.ts";
import {
  creativeIdOf,
  normaliseAccount,
  normaliseAd,
  normaliseAdSet,
  normaliseCampaign,
  normaliseReportRow,
  reportMetrics,
} from "./normalise.ts";
import { tiktokAuth } from "./oauth.ts";
import {
  type AdRecord,
  adGroupSchema,
  adSchema,
  advertiserInfoSchema,
  authorizedAdvertiserSchema,
  campaignSchema,
  listSchema,
  reportRowSchema,
  videoSchema,
} from "./schemas.ts";

/** Longest date span of one synchronous report with `stat_time_day`. */
export const reportSliceDays = 30;
/** `/advertiser/info/` takes up to 100 ids, `/file/video/ad/info/` up to 60. */
const advertiserBatch = 100;
const videoBatch = 60;

const campaignFields = [
  "campaign_id",
  "campaign_name",
  "objective_type",
  "budget",
  "budget_mode",
  "operation_status",
  "secondary_status",
  "create_time",
  "modify_time",
];
const adGroupFields = [
  "adgroup_id",
  "campaign_id",
  "adgroup_name",
  "budget",
  "budget_mode",
  "operation_status",
  "secondary_status",
  "create_time",
  "modify_time",
];
const adFields = [
  "ad_id",
  "adgroup_id",
  "campaign_id",
  "ad_name",
  "ad_text",
  "video_id",
  "image_ids",
  "operation_status",
  "secondary_status",
  "create_time",
  "modify_time",
];

const batches = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

/**
 * TikTok API for Business (Marketing API v1.3): advertisers the token
 * reaches, their campaigns, ad groups, ads and videos, and daily ad-level
 * reports. Deleted objects are included (reports still name them).
 */
export function createTikTokConnector(config: TikTokConfig): AdPlatformConnector {
  const client = new TikTokClient(resolveConfig(config));
  const { appId, appSecret } = client.config;

  const ads = (tokens: TokenSource, account: AdAccount) =>
    collect(
      client.pages(
        tokens,
        "ad/get/",
        {
          advertiser_id: account.externalId,
          fields: adFields,
          filtering: { secondary_status: "AD_STATUS_ALL" },
        },
        adSchema,
        "the list of ads",
      ),
    );

  async function listCreatives(tokens: TokenSource, account: AdAccount): Promise<Creative[]> {
    const byCreative = new Map<string, AdRecord>();
    for (const ad of await ads(tokens, account)) {
      const id = creativeIdOf(ad);
      if (id && !byCreative.has(id)) byCreative.set(id, ad);
    }
    const videoIds = [...byCreative.values()].flatMap((ad) => (ad.video_id ? [ad.video_id] : []));
    const videos = new Map<string, { file_name?: string | null; video_cover_url?: string | null }>();
    for (const batch of batches(videoIds, videoBatch)) {
      const { list } = await client.get(
        tokens,
        "file/video/ad/info/",
        { advertiser_id: account.externalId, video_ids: batch },
        listSchema(videoSchema),
        "video details",
      );
      for (const video of list) videos.set(video.video_id, video);
    }
    return [...byCreative].map(([id, ad]) => {
      const video = videos.get(id);
      return {
        platform: "tiktok",
        accountId: account.externalId,
        id,
        name: video?.file_name ?? ad.ad_name,
        title: null,
        body: ad.ad_text ?? null,
        imageUrl: video?.video_cover_url ?? null,
      };
    });
  }

  /**
   * The report in 30-day slices, page by page. Reports are not snapshots:
   * rows can move between pages while we read, so (ad, day) pairs already
   * yielded are dropped.
   */
  async function* dailyMetrics(
    tokens: TokenSource,
    account: AdAccount,
    range: DateRange,
  ): AsyncIterable<AdDailyMetrics[]> {
    const seen = new Set<string>();
    for (const slice of chunkRange(range, reportSliceDays)) {
      const pages = client.pages(
        tokens,
        "report/integrated/get/",
        {
          advertiser_id: account.externalId,
          service_type: "AUCTION",
          report_type: "BASIC",
          data_level: "AUCTION_AD",
          dimensions: ["ad_id", "stat_time_day"],
          metrics: reportMetrics,
          start_date: slice.since,
          end_date: slice.until,
        },
        reportRowSchema,
        "the daily ad report",
      );
      for await (const rows of pages) {
        const batch: AdDailyMetrics[] = [];
        for (const row of rows) {
          const metrics = normaliseReportRow(account, row);
          const key = `${metrics.adId}|${metrics.date}`;
          if (seen.has(key)) continue;
          seen.add(key);
          batch.push(metrics);
        }
        if (batch.length > 0) yield batch;
      }
    }
  }

  return {
    platform: "tiktok",
    auth: tiktokAuth(client),

    async listAccounts(tokens) {
      const { list: authorised } = await client.get(
        tokens,
        "oauth2/advertiser/get/",
        // TikTok takes the app's credentials only as query parameters here; the token stays in the header.
        { app_id: appId, secret: appSecret },
        listSchema(authorizedAdvertiserSchema),
        "the list of authorised ad accounts",
      );
      const names = new Map(authorised.map((item) => [item.advertiser_id, item.advertiser_name]));
      const accounts: AdAccount[] = [];
      for (const ids of batches([...names.keys()], advertiserBatch)) {
        const { list } = await client.get(
          tokens,
          "advertiser/info/",
          {
            advertiser_ids: ids,
            fields: ["advertiser_id", "name", "currency", "timezone", "display_timezone", "status"],
          },
          listSchema(advertiserInfoSchema),
          "ad account details",
        );
        accounts.push(...list.map((info) => normaliseAccount(info, names.get(info.advertiser_id))));
      }
      return accounts;
    },

    async listCampaigns(tokens, account) {
      const records = await collect(
        client.pages(
          tokens,
          "campaign/get/",
          {
            advertiser_id: account.externalId,
            fields: campaignFields,
            filtering: { secondary_status: "CAMPAIGN_STATUS_ALL" },
          },
          campaignSchema,
          "the list of campaigns",
        ),
      );
      return records.map((record) => normaliseCampaign(account, record));
    },

    async listAdSets(tokens, account) {
      const records = await collect(
        client.pages(
          tokens,
          "adgroup/get/",
          {
            advertiser_id: account.externalId,
            fields: adGroupFields,
            filtering: { secondary_status: "ADGROUP_STATUS_ALL" },
          },
          adGroupSchema,
          "the list of ad groups",
        ),
      );
      return records.map((record) => normaliseAdSet(account, record));
    },

    async listAds(tokens, account) {
      return (await ads(tokens, account)).map((record) => normaliseAd(account, record));
    },

    listCreatives,
    dailyMetrics,
  };
}

export { type TikTokConfig, tiktokDefaults } from "./client.ts";
