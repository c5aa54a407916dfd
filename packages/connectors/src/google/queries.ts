import { isoDatePattern } from "../dates.ts";
import type { DateRange } from "../domain.ts";

/**
 * The GAQL the connector sends. Entity queries read everything (REMOVED
 * included, so deletions reach us); metrics read one ad per day with
 * activity, in the customer's own calendar.
 */

export const customerClientQuery = `SELECT customer_client.client_customer, customer_client.level, customer_client.id,
  customer_client.manager, customer_client.descriptive_name, customer_client.currency_code,
  customer_client.time_zone, customer_client.status
FROM customer_client`;

export const campaignQuery = `SELECT campaign.id, campaign.name, campaign.status, campaign.advertising_channel_type,
  campaign_budget.amount_micros, campaign_budget.period
FROM campaign`;

export const adGroupQuery = `SELECT campaign.id, ad_group.id, ad_group.name, ad_group.status
FROM ad_group`;

export const adQuery = `SELECT campaign.id, ad_group.id, ad_group_ad.status, ad_group_ad.ad.id, ad_group_ad.ad.name,
  ad_group_ad.ad.type, ad_group_ad.ad.responsive_search_ad.headlines,
  ad_group_ad.ad.responsive_search_ad.descriptions
FROM ad_group_ad`;

export function dailyMetricsQuery(range: DateRange): string {
  // The dates go into the query text, so only well-formed ones may.
  if (!isoDatePattern.test(range.since) || !isoDatePattern.test(range.until))
    throw new Error(`not a YYYY-MM-DD range: ${range.since}..${range.until}`);
  return `SELECT campaign.id, ad_group.id, ad_group_ad.ad.id, segments.date,
  metrics.impressions, metrics.clicks, metrics.cost_micros, metrics.conversions, metrics.conversions_value
FROM ad_group_ad
WHERE segments.date BETWEEN '${range.since}' AND '${range.until}'`;
}
