import {
  addDays,
  anchorDate,
  localDay,
  type SandboxAccount,
  type SandboxAd,
  type SandboxAdSet,
  type SandboxCampaign,
} from "../../dataset/index.ts";

/**
 * The demo world as TikTok's GET endpoints describe it. Times are
 * "YYYY-MM-DD HH:MM:SS" in UTC, budgets are major-unit numbers, ids strings.
 */

const dateTime = (date: string, time: string) => `${date} ${time}`;

/** A moment that may not lie after `now` (an edit "yesterday at 09:00" has not happened yet if it is 08:00). */
function notAfter(moment: string, now: Date): string {
  const current = now.toISOString().slice(0, 19).replace("T", " ");
  return moment < current ? moment : current;
}

/** TikTok's legacy objective names map onto its current `objective_type` values. */
const objectiveTypes: Record<string, string> = { CONVERSIONS: "WEB_CONVERSIONS" };

export const campaignFields = [
  "advertiser_id",
  "campaign_id",
  "campaign_name",
  "campaign_type",
  "objective_type",
  "budget_optimize_on",
  "budget_mode",
  "budget",
  "operation_status",
  "secondary_status",
  "is_smart_performance_campaign",
  "create_time",
  "modify_time",
] as const;

export function campaignObject(
  account: SandboxAccount,
  campaign: SandboxCampaign,
): Record<(typeof campaignFields)[number], unknown> {
  return {
    advertiser_id: account.id,
    campaign_id: campaign.id,
    campaign_name: campaign.name,
    campaign_type: "REGULAR_CAMPAIGN",
    objective_type: objectiveTypes[campaign.objective] ?? campaign.objective,
    // Campaign budget optimisation: the daily budget sits on the campaign, the ad groups have none.
    budget_optimize_on: true,
    budget_mode: "BUDGET_MODE_DAY",
    budget: campaign.dailyBudget,
    operation_status: "ENABLE",
    secondary_status: "CAMPAIGN_STATUS_ENABLE",
    is_smart_performance_campaign: false,
    create_time: dateTime(campaign.createdAt, "14:05:31"),
    modify_time: dateTime(campaign.createdAt, "14:22:09"),
  };
}

export const adGroupFields = [
  "advertiser_id",
  "campaign_id",
  "adgroup_id",
  "adgroup_name",
  "budget_mode",
  "budget",
  "optimization_goal",
  "optimization_event",
  "billing_event",
  "placement_type",
  "placements",
  "operation_status",
  "secondary_status",
  "create_time",
  "modify_time",
] as const;

export function adGroupObject(
  account: SandboxAccount,
  adSet: SandboxAdSet,
): Record<(typeof adGroupFields)[number], unknown> {
  return {
    advertiser_id: account.id,
    campaign_id: adSet.campaignId,
    adgroup_id: adSet.id,
    adgroup_name: adSet.name,
    budget_mode: "BUDGET_MODE_INFINITE",
    budget: 0,
    optimization_goal: "CONVERT",
    optimization_event: "SHOPPING",
    billing_event: "OCPM",
    placement_type: "PLACEMENT_TYPE_NORMAL",
    placements: ["PLACEMENT_TIKTOK"],
    operation_status: "ENABLE",
    secondary_status: "ADGROUP_STATUS_DELIVERY_OK",
    create_time: dateTime(adSet.createdAt, "14:31:48"),
    modify_time: dateTime(adSet.createdAt, "14:31:48"),
  };
}

/** TikTok video ids look like `v10033g50000c…`; the sandbox derives one from the creative. */
export const videoIdOf = (ad: SandboxAd) => `v10033g50000${ad.creativeId}`;

export const adFields = [
  "advertiser_id",
  "campaign_id",
  "adgroup_id",
  "ad_id",
  "ad_name",
  "ad_format",
  "ad_text",
  "display_name",
  "call_to_action",
  "landing_page_url",
  "video_id",
  "image_ids",
  "identity_type",
  "operation_status",
  "secondary_status",
  "create_time",
  "modify_time",
] as const;

export function adObject(
  account: SandboxAccount,
  ad: SandboxAd,
  now: Date,
): Record<(typeof adFields)[number], unknown> {
  const today = localDay(now, account.timeZone).date;
  // Ads rotate out when their two cycles end: the advertiser switches them off the next morning.
  const ended = ad.end < today;
  return {
    advertiser_id: account.id,
    campaign_id: ad.campaignId,
    adgroup_id: ad.adSetId,
    ad_id: ad.id,
    ad_name: ad.name,
    ad_format: "SINGLE_VIDEO",
    ad_text: ad.creative.body,
    display_name: "Juniper & Pine",
    call_to_action: "SHOP_NOW",
    landing_page_url: `https://juniper-and-pine.example/collections/all?utm_source=tiktok&utm_content=${ad.id}`,
    video_id: videoIdOf(ad),
    image_ids: [],
    identity_type: "CUSTOMIZED_USER",
    operation_status: ended ? "DISABLE" : "ENABLE",
    secondary_status: ended ? "AD_STATUS_DISABLE" : "AD_STATUS_DELIVERY_OK",
    create_time: dateTime(addDays(ad.start, -1), "16:40:12"),
    modify_time: ended
      ? notAfter(dateTime(addDays(ad.end, 1), "09:12:44"), now)
      : dateTime(addDays(ad.start, -1), "16:40:12"),
  };
}

export function videoObject(ad: SandboxAd) {
  return {
    video_id: videoIdOf(ad),
    file_name: `${ad.creative.name}.mp4`,
    video_cover_url: ad.creative.imageUrl,
    preview_url: ad.creative.imageUrl.replace(/\.jpg$/, ".mp4"),
    format: "mp4",
    duration: 21.3,
    width: 1080,
    height: 1920,
    displayable: true,
  };
}

/**
 * `timezone` may be a fixed GMT offset ("Etc/GMT+5", the sign inverted as in
 * the tz database) while `display_timezone` is the IANA name the account's
 * days follow.
 */
function fixedOffsetZone(timeZone: string): string {
  const offset = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(new Date("2026-01-15T12:00:00Z"))
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /^GMT(?:([+-])(\d{2}):00)?$/.exec(offset ?? "");
  if (!match) return timeZone;
  if (!match[1] || Number(match[2]) === 0) return "Etc/GMT";
  return `Etc/GMT${match[1] === "-" ? "+" : "-"}${Number(match[2])}`;
}

export const advertiserFields = [
  "advertiser_id",
  "name",
  "company",
  "status",
  "role",
  "advertiser_account_type",
  "currency",
  "timezone",
  "display_timezone",
  "country",
  "language",
  "industry",
  "balance",
  "create_time",
] as const;

export function advertiserObject(
  account: SandboxAccount,
): Record<(typeof advertiserFields)[number], unknown> {
  return {
    advertiser_id: account.id,
    name: account.name,
    company: "Juniper & Pine Home Goods LLC",
    status: account.disabled ? "STATUS_DISABLE" : "STATUS_ENABLE",
    role: "ROLE_ADVERTISER",
    advertiser_account_type: "AUCTION",
    currency: account.currency,
    timezone: fixedOffsetZone(account.timeZone),
    display_timezone: account.timeZone,
    country: "US",
    language: "en",
    industry: "291905",
    balance: 0,
    create_time: Math.floor(Date.parse(`${addDays(anchorDate, -90 + account.index)}T15:00:00Z`) / 1000),
  };
}
