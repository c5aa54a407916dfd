import type { z } from "zod";
import type { Ad, AdAccount, AdDailyMetrics, AdSet, Campaign, Creative, EntityStatus } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { decimalToMinor } from "../money.ts";
import type {
  ActionEntry,
  adAccountSchema,
  adSchema,
  adSetSchema,
  campaignSchema,
  creativeSchema,
  InsightRow,
} from "./schemas.ts";

/** `account_status` values under which Meta lets the account be read and synced: 1 active, 9 in grace period. */
const readableStatuses = new Set([1, 9]);

export function toAccount(row: z.infer<typeof adAccountSchema>): AdAccount {
  return {
    platform: "meta",
    // `account_id` is the bare number; `id` carries the `act_` prefix.
    externalId: row.account_id,
    name: row.name,
    currency: row.currency,
    timeZone: row.timezone_name,
    status: readableStatuses.has(row.account_status) ? "active" : "disabled",
  };
}

/** The advertiser's own setting (`status`), else what Meta derives (`effective_status`). */
function statusOf(row: { status?: string; effective_status?: string }): EntityStatus {
  const status = row.status ?? row.effective_status ?? "";
  if (status === "ARCHIVED") return "archived";
  if (status === "DELETED") return "deleted";
  if (status === "ACTIVE") return "active";
  return "paused";
}

/** "2024-03-12T15:02:47-0700" → an ISO instant; null when absent or unreadable. */
export function toInstant(time: string | undefined): string | null {
  if (!time) return null;
  const parsed = Date.parse(time.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/** Budgets are minor units as text; "0" means the object has no such budget. */
function budget(value: string | undefined): number | null {
  if (value === undefined) return null;
  const minor = Number(value);
  return minor > 0 ? minor : null;
}

export function toCampaign(account: AdAccount, row: z.infer<typeof campaignSchema>): Campaign {
  return {
    platform: "meta",
    accountId: account.externalId,
    id: row.id,
    name: row.name,
    status: statusOf(row),
    objective: row.objective ?? null,
    dailyBudget: budget(row.daily_budget),
    createdAt: toInstant(row.created_time),
    updatedAt: toInstant(row.updated_time),
  };
}

export function toAdSet(account: AdAccount, row: z.infer<typeof adSetSchema>): AdSet {
  return {
    platform: "meta",
    accountId: account.externalId,
    campaignId: row.campaign_id,
    id: row.id,
    name: row.name,
    status: statusOf(row),
    dailyBudget: budget(row.daily_budget),
    createdAt: toInstant(row.created_time),
    updatedAt: toInstant(row.updated_time),
  };
}

export function toAd(account: AdAccount, row: z.infer<typeof adSchema>): Ad {
  return {
    platform: "meta",
    accountId: account.externalId,
    campaignId: row.campaign_id,
    adSetId: row.adset_id,
    id: row.id,
    name: row.name,
    status: statusOf(row),
    creativeId: row.creative?.id ?? null,
    createdAt: toInstant(row.created_time),
    updatedAt: toInstant(row.updated_time),
  };
}

export function toCreative(account: AdAccount, row: z.infer<typeof creativeSchema>): Creative {
  return {
    platform: "meta",
    accountId: account.externalId,
    id: row.id,
    name: row.name ?? "",
    title: row.title ?? null,
    body: row.body ?? null,
    imageUrl: row.image_url ?? row.thumbnail_url ?? null,
  };
}

/**
 * Purchase action types in order of preference. Meta reports several of them
 * for the same purchases (each with the same number), so the first present
 * is taken, never their sum.
 */
const purchaseTypes = ["omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase"];

function purchaseEntry(entries: ActionEntry[] | undefined): ActionEntry | undefined {
  for (const type of purchaseTypes) {
    const entry = entries?.find((candidate) => candidate.action_type === type);
    if (entry) return entry;
  }
  return undefined;
}

/** One insights row (an ad on a day, in the account's time zone) in the domain shape. */
export function toDailyMetrics(account: AdAccount, row: InsightRow): AdDailyMetrics {
  const currency = row.account_currency ?? account.currency;
  const money = (value: string | undefined, what: string) => {
    const minor = decimalToMinor(value ?? "0", currency);
    if (minor === null)
      throw new ConnectorError("meta", "malformed_response", `Meta sent ${what} we could not read as money`);
    return minor;
  };
  const purchases = purchaseEntry(row.actions);
  return {
    platform: "meta",
    accountId: account.externalId,
    campaignId: row.campaign_id,
    adSetId: row.adset_id,
    adId: row.ad_id,
    date: row.date_start,
    currency,
    spend: money(row.spend, "a spend"),
    impressions: Number(row.impressions ?? "0"),
    reach: row.reach === undefined ? null : Number(row.reach),
    clicks: Number(row.clicks ?? "0"),
    conversions: purchases ? Number(purchases.value) : 0,
    conversionValue: money(purchaseEntry(row.action_values)?.value, "a purchase value"),
  };
}
