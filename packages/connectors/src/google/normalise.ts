import type { Ad, AdAccount, AdDailyMetrics, AdSet, Campaign, Creative, EntityStatus } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { majorNumberToMinor, microsToMinor } from "../money.ts";
import { formatCustomerId } from "./errors.ts";
import type { AdGroupRow, AdRow, CampaignRow, CustomerClientRow, MetricRow } from "./schemas.ts";

/** ENABLED / PAUSED / REMOVED; anything newer (or UNKNOWN) is treated as not running. */
export function entityStatus(status: string | undefined): EntityStatus {
  if (status === "ENABLED") return "active";
  if (status === "REMOVED") return "deleted";
  return "paused";
}

export function toAccount(row: CustomerClientRow, loginCustomerId: string): AdAccount {
  const client = row.customerClient;
  return {
    platform: "google",
    externalId: client.id,
    name: client.descriptiveName || `Google Ads ${formatCustomerId(client.id)}`,
    currency: client.currencyCode,
    timeZone: client.timeZone,
    // CANCELED, SUSPENDED and CLOSED accounts cannot be reported on.
    status: client.status === "ENABLED" ? "active" : "disabled",
    loginCustomerId,
  };
}

function minor(micros: string, currency: string): number {
  const value = microsToMinor(micros, currency);
  if (value === null)
    throw new ConnectorError(
      "google",
      "malformed_response",
      "Google Ads sent an amount that is not a number",
    );
  return value;
}

export function toCampaign(row: CampaignRow, account: AdAccount): Campaign {
  const budget = row.campaignBudget;
  // Only a daily budget is a daily budget; custom-period budgets carry a total instead.
  const daily = budget?.amountMicros !== undefined && (budget.period ?? "DAILY") === "DAILY";
  return {
    platform: "google",
    accountId: account.externalId,
    id: row.campaign.id,
    name: row.campaign.name,
    status: entityStatus(row.campaign.status),
    objective: row.campaign.advertisingChannelType ?? null,
    dailyBudget: daily && budget?.amountMicros ? minor(budget.amountMicros, account.currency) : null,
    createdAt: null,
    updatedAt: null,
  };
}

export function toAdSet(row: AdGroupRow, account: AdAccount): AdSet {
  return {
    platform: "google",
    accountId: account.externalId,
    campaignId: row.campaign.id,
    id: row.adGroup.id,
    name: row.adGroup.name,
    status: entityStatus(row.adGroup.status),
    dailyBudget: null,
    createdAt: null,
    updatedAt: null,
  };
}

const firstText = (assets: { text?: string }[] | undefined) =>
  assets?.find((asset) => asset.text)?.text ?? null;

/** In Google Ads the ad is its own creative, so both carry the ad's id. */
export function toAd(row: AdRow, account: AdAccount): Ad {
  const { ad } = row.adGroupAd;
  return {
    platform: "google",
    accountId: account.externalId,
    campaignId: row.campaign.id,
    adSetId: row.adGroup.id,
    id: ad.id,
    // Responsive search ads have no name of their own; their first headline is what people recognise.
    name: ad.name || firstText(ad.responsiveSearchAd?.headlines) || `Ad ${ad.id}`,
    status: entityStatus(row.adGroupAd.status),
    creativeId: ad.id,
    createdAt: null,
    updatedAt: null,
  };
}

export function toCreative(row: AdRow, account: AdAccount): Creative {
  const { ad } = row.adGroupAd;
  const title = firstText(ad.responsiveSearchAd?.headlines);
  return {
    platform: "google",
    accountId: account.externalId,
    id: ad.id,
    name: ad.name || title || `Ad ${ad.id}`,
    title,
    body: firstText(ad.responsiveSearchAd?.descriptions),
    imageUrl: null,
  };
}

export function toDailyMetrics(row: MetricRow, account: AdAccount): AdDailyMetrics {
  const { metrics } = row;
  return {
    platform: "google",
    accountId: account.externalId,
    campaignId: row.campaign.id,
    adSetId: row.adGroup.id,
    adId: row.adGroupAd.ad.id,
    // Already a day in the customer's time zone.
    date: row.segments.date,
    currency: account.currency,
    spend: minor(metrics.costMicros ?? "0", account.currency),
    impressions: Number(metrics.impressions ?? "0"),
    reach: null,
    clicks: Number(metrics.clicks ?? "0"),
    conversions: metrics.conversions ?? 0,
    conversionValue: majorNumberToMinor(metrics.conversionsValue ?? 0, account.currency),
  };
}
