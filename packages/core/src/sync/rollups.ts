import type { Db } from "@omnify/db";

/**
 * Which channel an order's UTM source names. Paid search needs a paid medium
 * (a Google organic visit is not an ad); anything else is "organic".
 */
const orderChannelSql = `
  CASE
    WHEN lower(o.utm_source) IN ('facebook', 'fb', 'instagram', 'ig', 'meta') THEN 'meta'
    WHEN lower(o.utm_source) IN ('google', 'youtube') AND lower(coalesce(o.utm_medium, '')) IN ('cpc', 'ppc', 'paid', 'paidsearch', 'paid_search') THEN 'google'
    WHEN lower(o.utm_source) = 'tiktok' THEN 'tiktok'
    ELSE 'organic'
  END`;

/**
 * Rebuilds a shop's daily rollups for its days in [since, until]: ad spend and
 * platform-reported results per channel and campaign, next to the store's
 * orders attributed to them by UTM (the campaign when `utm_campaign` names a
 * synced campaign's id). Delete and insert in one transaction: readers see the
 * old or the new days, never half. Orders count on the shop's local day, net of
 * refunds, without test or cancelled orders.
 */
export async function rebuildRollups(
  db: Db,
  input: { shopId: string; since: string; until: string },
  now = new Date(),
): Promise<{ rows: number }> {
  const { shopId, since, until } = input;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      DELETE FROM daily_rollups WHERE shop_id = ${shopId}::uuid AND date BETWEEN ${since}::date AND ${until}::date`;
    const rows = await tx.$executeRawUnsafe(
      `
      WITH shop AS (SELECT id, currency, time_zone FROM shops WHERE id = $1::uuid),
      ad_days AS (
        SELECT m.date, m.platform::text AS channel, m.campaign_id, min(m.currency) AS currency,
               sum(m.spend) AS spend, sum(m.impressions) AS impressions, sum(m.clicks) AS clicks,
               sum(m.conversions) AS conversions, sum(m.conversion_value) AS platform_revenue
        FROM ad_metrics_daily m
        WHERE m.shop_id = $1::uuid AND m.date BETWEEN $2::date AND $3::date
        GROUP BY m.date, m.platform, m.campaign_id
      ),
      tagged_orders AS (
        SELECT (o.created_at AT TIME ZONE shop.time_zone)::date AS date, ${orderChannelSql} AS channel,
               o.utm_campaign, o.currency, o.total_price - o.total_refunded AS net, o.new_customer
        FROM orders o CROSS JOIN shop
        WHERE o.shop_id = $1::uuid AND NOT o.test AND o.cancelled_at IS NULL
          AND o.created_at >= ($2::date::timestamp AT TIME ZONE shop.time_zone)
          AND o.created_at < (($3::date + 1)::timestamp AT TIME ZONE shop.time_zone)
      ),
      order_days AS (
        SELECT t.date, t.channel, coalesce(c.id, '') AS campaign_id, min(t.currency) AS currency,
               sum(t.net) AS store_revenue, count(*) AS orders, count(*) FILTER (WHERE t.new_customer) AS new_customers
        FROM tagged_orders t
        LEFT JOIN ad_campaigns c
          ON c.shop_id = $1::uuid AND c.platform::text = t.channel AND c.id = t.utm_campaign
        GROUP BY t.date, t.channel, coalesce(c.id, '')
      )
      INSERT INTO daily_rollups (shop_id, date, channel, campaign_id, campaign_name, currency, spend, impressions,
                                 clicks, conversions, platform_revenue, store_revenue, orders, new_customers, computed_at)
      SELECT $1::uuid, coalesce(a.date, o.date), coalesce(a.channel, o.channel), coalesce(a.campaign_id, o.campaign_id),
             c.name, coalesce(a.currency, o.currency, shop.currency),
             coalesce(a.spend, 0), coalesce(a.impressions, 0), coalesce(a.clicks, 0), coalesce(a.conversions, 0),
             coalesce(a.platform_revenue, 0), coalesce(o.store_revenue, 0), coalesce(o.orders, 0),
             coalesce(o.new_customers, 0), $4
      FROM ad_days a
      FULL OUTER JOIN order_days o
        ON o.date = a.date AND o.channel = a.channel AND o.campaign_id = a.campaign_id
      CROSS JOIN shop
      LEFT JOIN ad_campaigns c
        ON c.shop_id = $1::uuid AND c.platform::text = coalesce(a.channel, o.channel)
       AND c.id = coalesce(a.campaign_id, o.campaign_id)`,
      shopId,
      since,
      until,
      now,
    );
    return { rows };
  });
}
