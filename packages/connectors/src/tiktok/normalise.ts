import type { Ad, AdAccount, AdDailyMetrics, AdSet, Campaign, EntityStatus } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { decimalToMinor, majorNumberToMinor } from "../money.ts";
import type { AdGroupRecord, AdRecord, AdvertiserInfo, CampaignRecord, ReportRow } from "./schemas.ts";

const malformed = (what: string) =>
  new ConnectorError("tiktok", "malformed_response", `TikTok sent ${what} that Omnify cannot read`);

function isTimeZone(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * `display_timezone` is the IANA zone the account's report days follow;
 * `timezone` can be a fixed offset ("Etc/GMT+5") that ignores daylight saving,
 * so it is only the fallback.
 */
export function normaliseAccount(info: AdvertiserInfo, fallbackName?: string): AdAccount {
  const timeZone = [info.display_timezone, info.timezone].find(isTimeZone);
  if (!timeZone) throw malformed(`ad account ${info.advertiser_id} without a time zone`);
  return {
    platform: "tiktok",
    externalId: info.advertiser_id,
    name: info.name ?? fallbackName ?? info.advertiser_id,
    currency: info.currency,
    timeZone,
    // Only STATUS_ENABLE delivers; pending review, rejected, punished (STATUS_LIMIT) and closed accounts do not.
    status: info.status === "STATUS_ENABLE" ? "active" : "disabled",
  };
}

/** TikTok's "YYYY-MM-DD HH:MM:SS" (UTC) or an ISO instant, as an ISO instant. */
export function tiktokTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    value.trim(),
  );
  if (!match) return null;
  const instant = new Date(`${match[1]}T${match[2]}${match[3] ?? "Z"}`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** `secondary_status` says deleted (…_STATUS_DELETE); otherwise `operation_status` ENABLE/DISABLE decides. */
export function entityStatus(
  operation: string | null | undefined,
  secondary: string | null | undefined,
): EntityStatus {
  if (secondary?.endsWith("_STATUS_DELETE") || operation === "DELETE") return "deleted";
  if (operation === "ENABLE") return "active";
  if (operation === "DISABLE" || operation === "FROZEN") return "paused";
  return secondary?.endsWith("_DISABLE") ? "paused" : "active";
}

const dailyModes = new Set(["BUDGET_MODE_DAY", "BUDGET_MODE_DYNAMIC_DAILY_BUDGET"]);

/** Budgets are major-unit numbers; only daily ones count as a daily budget (total and unlimited do not). */
export function dailyBudget(
  budget: number | string | null | undefined,
  mode: string | null | undefined,
  currency: string,
): number | null {
  if (!mode || !dailyModes.has(mode) || budget === null || budget === undefined) return null;
  const minor =
    typeof budget === "number" ? majorNumberToMinor(budget, currency) : decimalToMinor(budget, currency);
  if (minor === null) throw malformed("a budget");
  return minor > 0 ? minor : null;
}

export function normaliseCampaign(account: AdAccount, record: CampaignRecord): Campaign {
  return {
    platform: "tiktok",
    accountId: account.externalId,
    id: record.campaign_id,
    name: record.campaign_name,
    status: entityStatus(record.operation_status, record.secondary_status),
    objective: record.objective_type ?? null,
    dailyBudget: dailyBudget(record.budget, record.budget_mode, account.currency),
    createdAt: tiktokTime(record.create_time),
    updatedAt: tiktokTime(record.modify_time),
  };
}

export function normaliseAdSet(account: AdAccount, record: AdGroupRecord): AdSet {
  return {
    platform: "tiktok",
    accountId: account.externalId,
    campaignId: record.campaign_id,
    id: record.adgroup_id,
    name: record.adgroup_name,
    status: entityStatus(record.operation_status, record.secondary_status),
    dailyBudget: dailyBudget(record.budget, record.budget_mode, account.currency),
    createdAt: tiktokTime(record.create_time),
    updatedAt: tiktokTime(record.modify_time),
  };
}

/** The creative is the ad's video (or its first image): TikTok has no separate creative object. */
export const creativeIdOf = (record: AdRecord): string | null =>
  record.video_id || record.image_ids?.[0] || null;

export function normaliseAd(account: AdAccount, record: AdRecord): Ad {
  return {
    platform: "tiktok",
    accountId: account.externalId,
    campaignId: record.campaign_id,
    adSetId: record.adgroup_id,
    id: record.ad_id,
    name: record.ad_name,
    status: entityStatus(record.operation_status, record.secondary_status),
    creativeId: creativeIdOf(record),
    createdAt: tiktokTime(record.create_time),
    updatedAt: tiktokTime(record.modify_time),
  };
}

/**
 * The report metrics Omnify asks for. Purchases are the web pixel's
 * "Complete Payment" event: `complete_payment` counts them and
 * `total_complete_payment_rate` is their total value (a "rate" in name only).
 */
export const reportMetrics = [
  "spend",
  "impressions",
  "clicks",
  "reach",
  "complete_payment",
  "total_complete_payment_rate",
  "campaign_id",
  "adgroup_id",
] as const;

/** "-" is TikTok's "not available": zero for an additive counter. */
const unavailable = (value: string | null | undefined) =>
  value === undefined || value === null || value === "-" || value === "";

function count(metrics: ReportRow["metrics"], name: string): number {
  const value = metrics[name];
  if (unavailable(value)) return 0;
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value ?? "") || !Number.isFinite(number))
    throw malformed(`a report value for ${name}`);
  return number;
}

function money(metrics: ReportRow["metrics"], name: string, currency: string): number {
  const value = metrics[name];
  if (unavailable(value)) return 0;
  const minor = decimalToMinor(value ?? "", currency);
  if (minor === null) throw malformed(`a report amount for ${name}`);
  return minor;
}

function identifier(metrics: ReportRow["metrics"], name: string): string {
  const value = metrics[name];
  if (unavailable(value)) throw malformed(`a report row without ${name}`);
  return value as string;
}

/** `stat_time_day` is "YYYY-MM-DD 00:00:00" in the advertiser's time zone; bare dates are accepted too. */
export function reportDate(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00:00)?$/.exec(value.trim());
  if (!match?.[1]) throw malformed(`a report day "${value.slice(0, 40)}"`);
  return match[1];
}

export function normaliseReportRow(account: AdAccount, row: ReportRow): AdDailyMetrics {
  const { metrics } = row;
  return {
    platform: "tiktok",
    accountId: account.externalId,
    campaignId: identifier(metrics, "campaign_id"),
    adSetId: identifier(metrics, "adgroup_id"),
    adId: row.dimensions.ad_id,
    date: reportDate(row.dimensions.stat_time_day),
    currency: account.currency,
    spend: money(metrics, "spend", account.currency),
    impressions: count(metrics, "impressions"),
    // Reach is not additive: unknown stays unknown.
    reach: unavailable(metrics.reach) ? null : count(metrics, "reach"),
    clicks: count(metrics, "clicks"),
    conversions: count(metrics, "complete_payment"),
    conversionValue: money(metrics, "total_complete_payment_rate", account.currency),
  };
}
