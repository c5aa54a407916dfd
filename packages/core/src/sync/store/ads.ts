import type { Ad, AdDailyMetrics, AdSet, Campaign, Creative } from "@omnify/connectors";
import type { Tx } from "@omnify/db";
import { batches, column, lastByKey } from "./batches.ts";

// Bulk upserts of one shop's ad data: one multi-row `INSERT … SELECT FROM unnest(…)
// ON CONFLICT DO UPDATE` per batch, keyed by the platform's ids. Rows that did not
// change are left alone (no dead tuples, `synced_at` says when a row last changed).

export async function upsertCampaigns(
  tx: Tx,
  shopId: string,
  campaigns: Campaign[],
  at: Date,
  currency: string,
) {
  const rows = lastByKey(campaigns, (row) => row.id);
  for (const batch of batches(rows)) {
    await tx.$executeRaw`
      INSERT INTO ad_campaigns (shop_id, platform, id, account_id, name, status, objective, currency, daily_budget, synced_at)
      SELECT ${shopId}::uuid, r.platform::platform, r.id, r.account_id, r.name, r.status, r.objective, ${currency}, r.daily_budget, ${at}
      FROM unnest(${column(batch, (c) => c.platform)}::text[], ${column(batch, (c) => c.id)}::text[],
                  ${column(batch, (c) => c.accountId)}::text[], ${column(batch, (c) => c.name)}::text[],
                  ${column(batch, (c) => c.status)}::text[], ${column(batch, (c) => c.objective)}::text[],
                  ${column(batch, (c) => c.dailyBudget)}::bigint[])
        AS r(platform, id, account_id, name, status, objective, daily_budget)
      ON CONFLICT (shop_id, platform, id) DO UPDATE SET
        account_id = EXCLUDED.account_id, name = EXCLUDED.name, status = EXCLUDED.status,
        objective = EXCLUDED.objective, currency = EXCLUDED.currency, daily_budget = EXCLUDED.daily_budget,
        synced_at = EXCLUDED.synced_at
      WHERE (ad_campaigns.account_id, ad_campaigns.name, ad_campaigns.status, ad_campaigns.objective,
             ad_campaigns.currency, ad_campaigns.daily_budget)
        IS DISTINCT FROM (EXCLUDED.account_id, EXCLUDED.name, EXCLUDED.status, EXCLUDED.objective,
             EXCLUDED.currency, EXCLUDED.daily_budget)`;
  }
  return rows.length;
}

export async function upsertAdSets(tx: Tx, shopId: string, adSets: AdSet[], at: Date) {
  const rows = lastByKey(adSets, (row) => row.id);
  for (const batch of batches(rows)) {
    await tx.$executeRaw`
      INSERT INTO ad_sets (shop_id, platform, id, account_id, campaign_id, name, status, daily_budget, synced_at)
      SELECT ${shopId}::uuid, r.platform::platform, r.id, r.account_id, r.campaign_id, r.name, r.status, r.daily_budget, ${at}
      FROM unnest(${column(batch, (s) => s.platform)}::text[], ${column(batch, (s) => s.id)}::text[],
                  ${column(batch, (s) => s.accountId)}::text[], ${column(batch, (s) => s.campaignId)}::text[],
                  ${column(batch, (s) => s.name)}::text[], ${column(batch, (s) => s.status)}::text[],
                  ${column(batch, (s) => s.dailyBudget)}::bigint[])
        AS r(platform, id, account_id, campaign_id, name, status, daily_budget)
      ON CONFLICT (shop_id, platform, id) DO UPDATE SET
        account_id = EXCLUDED.account_id, campaign_id = EXCLUDED.campaign_id, name = EXCLUDED.name,
        status = EXCLUDED.status, daily_budget = EXCLUDED.daily_budget, synced_at = EXCLUDED.synced_at
      WHERE (ad_sets.account_id, ad_sets.campaign_id, ad_sets.name, ad_sets.status, ad_sets.daily_budget)
        IS DISTINCT FROM (EXCLUDED.account_id, EXCLUDED.campaign_id, EXCLUDED.name, EXCLUDED.status,
             EXCLUDED.daily_budget)`;
  }
  return rows.length;
}

export async function upsertAds(tx: Tx, shopId: string, ads: Ad[], at: Date) {
  const rows = lastByKey(ads, (row) => row.id);
  for (const batch of batches(rows)) {
    await tx.$executeRaw`
      INSERT INTO ads (shop_id, platform, id, account_id, campaign_id, ad_set_id, name, status, creative_id, synced_at)
      SELECT ${shopId}::uuid, r.platform::platform, r.id, r.account_id, r.campaign_id, r.ad_set_id, r.name, r.status, r.creative_id, ${at}
      FROM unnest(${column(batch, (a) => a.platform)}::text[], ${column(batch, (a) => a.id)}::text[],
                  ${column(batch, (a) => a.accountId)}::text[], ${column(batch, (a) => a.campaignId)}::text[],
                  ${column(batch, (a) => a.adSetId)}::text[], ${column(batch, (a) => a.name)}::text[],
                  ${column(batch, (a) => a.status)}::text[], ${column(batch, (a) => a.creativeId)}::text[])
        AS r(platform, id, account_id, campaign_id, ad_set_id, name, status, creative_id)
      ON CONFLICT (shop_id, platform, id) DO UPDATE SET
        account_id = EXCLUDED.account_id, campaign_id = EXCLUDED.campaign_id, ad_set_id = EXCLUDED.ad_set_id,
        name = EXCLUDED.name, status = EXCLUDED.status, creative_id = EXCLUDED.creative_id,
        synced_at = EXCLUDED.synced_at
      WHERE (ads.account_id, ads.campaign_id, ads.ad_set_id, ads.name, ads.status, ads.creative_id)
        IS DISTINCT FROM (EXCLUDED.account_id, EXCLUDED.campaign_id, EXCLUDED.ad_set_id, EXCLUDED.name,
             EXCLUDED.status, EXCLUDED.creative_id)`;
  }
  return rows.length;
}

export async function upsertCreatives(tx: Tx, shopId: string, creatives: Creative[], at: Date) {
  const rows = lastByKey(creatives, (row) => row.id);
  for (const batch of batches(rows)) {
    await tx.$executeRaw`
      INSERT INTO ad_creatives (shop_id, platform, id, account_id, name, title, body, image_url, synced_at)
      SELECT ${shopId}::uuid, r.platform::platform, r.id, r.account_id, r.name, r.title, r.body, r.image_url, ${at}
      FROM unnest(${column(batch, (c) => c.platform)}::text[], ${column(batch, (c) => c.id)}::text[],
                  ${column(batch, (c) => c.accountId)}::text[], ${column(batch, (c) => c.name)}::text[],
                  ${column(batch, (c) => c.title)}::text[], ${column(batch, (c) => c.body)}::text[],
                  ${column(batch, (c) => c.imageUrl)}::text[])
        AS r(platform, id, account_id, name, title, body, image_url)
      ON CONFLICT (shop_id, platform, id) DO UPDATE SET
        account_id = EXCLUDED.account_id, name = EXCLUDED.name, title = EXCLUDED.title, body = EXCLUDED.body,
        image_url = EXCLUDED.image_url, synced_at = EXCLUDED.synced_at
      WHERE (ad_creatives.account_id, ad_creatives.name, ad_creatives.title, ad_creatives.body, ad_creatives.image_url)
        IS DISTINCT FROM (EXCLUDED.account_id, EXCLUDED.name, EXCLUDED.title, EXCLUDED.body, EXCLUDED.image_url)`;
  }
  return rows.length;
}

export async function upsertAdMetrics(tx: Tx, shopId: string, metrics: AdDailyMetrics[], at: Date) {
  const rows = lastByKey(metrics, (row) => `${row.platform}|${row.adId}|${row.date}`);
  for (const batch of batches(rows)) {
    await tx.$executeRaw`
      INSERT INTO ad_metrics_daily (shop_id, platform, ad_id, date, account_id, campaign_id, ad_set_id, currency,
                                    spend, impressions, reach, clicks, conversions, conversion_value, synced_at)
      SELECT ${shopId}::uuid, r.platform::platform, r.ad_id, r.date, r.account_id, r.campaign_id, r.ad_set_id,
             r.currency, r.spend, r.impressions, r.reach, r.clicks, r.conversions, r.conversion_value, ${at}
      FROM unnest(${column(batch, (m) => m.platform)}::text[], ${column(batch, (m) => m.adId)}::text[],
                  ${column(batch, (m) => m.date)}::date[], ${column(batch, (m) => m.accountId)}::text[],
                  ${column(batch, (m) => m.campaignId)}::text[], ${column(batch, (m) => m.adSetId)}::text[],
                  ${column(batch, (m) => m.currency)}::text[], ${column(batch, (m) => m.spend)}::bigint[],
                  ${column(batch, (m) => m.impressions)}::bigint[], ${column(batch, (m) => m.reach)}::bigint[],
                  ${column(batch, (m) => m.clicks)}::bigint[], ${column(batch, (m) => m.conversions)}::numeric[],
                  ${column(batch, (m) => m.conversionValue)}::bigint[])
        AS r(platform, ad_id, date, account_id, campaign_id, ad_set_id, currency, spend, impressions, reach, clicks,
             conversions, conversion_value)
      ON CONFLICT (shop_id, platform, ad_id, date) DO UPDATE SET
        account_id = EXCLUDED.account_id, campaign_id = EXCLUDED.campaign_id, ad_set_id = EXCLUDED.ad_set_id,
        currency = EXCLUDED.currency, spend = EXCLUDED.spend, impressions = EXCLUDED.impressions,
        reach = EXCLUDED.reach, clicks = EXCLUDED.clicks, conversions = EXCLUDED.conversions,
        conversion_value = EXCLUDED.conversion_value, synced_at = EXCLUDED.synced_at
      WHERE (ad_metrics_daily.spend, ad_metrics_daily.impressions, ad_metrics_daily.reach, ad_metrics_daily.clicks,
             ad_metrics_daily.conversions, ad_metrics_daily.conversion_value, ad_metrics_daily.campaign_id,
             ad_metrics_daily.ad_set_id, ad_metrics_daily.account_id, ad_metrics_daily.currency)
        IS DISTINCT FROM (EXCLUDED.spend, EXCLUDED.impressions, EXCLUDED.reach, EXCLUDED.clicks,
             EXCLUDED.conversions, EXCLUDED.conversion_value, EXCLUDED.campaign_id, EXCLUDED.ad_set_id,
             EXCLUDED.account_id, EXCLUDED.currency)`;
  }
  return rows.length;
}
