import { addDays } from "../../dataset/calendar.ts";
import type { SandboxAccount } from "../../dataset/index.ts";
import type { SandboxContext } from "../../platform.ts";
import { invalidParameter, nonexistingField } from "./errors.ts";
import { metaTime, offsetHours, secondOfDay } from "./format.ts";
import { type FieldRequest, jsonParam, parseFields } from "./params.ts";

export type GraphRow = Record<string, unknown>;

/** A Graph node type: the fields it has, and its rows for an account. */
export interface NodeType {
  name: string;
  /** The prefix Graph uses for this type in `filtering` (`ad.effective_status`). */
  filterPrefix: string;
  fields: readonly string[];
  rows(context: SandboxContext, account: SandboxAccount, now: Date): GraphRow[];
}

const pageId = "110000000000001";

export const adAccountType: NodeType = {
  name: "AdAccount",
  filterPrefix: "adaccount",
  fields: [
    "id",
    "account_id",
    "name",
    "currency",
    "timezone_name",
    "timezone_offset_hours_utc",
    "account_status",
    "disable_reason",
    "business_name",
    "created_time",
  ],
  rows: (context, account, now) => [
    {
      id: `act_${account.id}`,
      account_id: account.id,
      name: account.name,
      currency: account.currency,
      timezone_name: account.timeZone,
      timezone_offset_hours_utc: offsetHours(account.timeZone, now),
      // 1 ACTIVE, 2 DISABLED (Meta's codes).
      account_status: account.disabled ? 2 : 1,
      disable_reason: account.disabled ? 1 : 0,
      business_name: context.dataset.shop.name,
      created_time: metaTime("2022-11-01", secondOfDay(account.id), account.timeZone),
    },
  ],
};

export const campaignType: NodeType = {
  name: "Campaign",
  filterPrefix: "campaign",
  fields: [
    "id",
    "account_id",
    "name",
    "objective",
    "status",
    "configured_status",
    "effective_status",
    "buying_type",
    "daily_budget",
    "lifetime_budget",
    "special_ad_categories",
    "start_time",
    "stop_time",
    "created_time",
    "updated_time",
  ],
  rows: (_context, account) =>
    account.campaigns.map((campaign) => ({
      id: campaign.id,
      account_id: account.id,
      name: campaign.name,
      objective: campaign.objective,
      status: "ACTIVE",
      configured_status: "ACTIVE",
      effective_status: "ACTIVE",
      buying_type: "AUCTION",
      // Campaign budget optimisation: the budget sits on the campaign, in cents, as a string.
      daily_budget: String(Math.round(campaign.dailyBudget * 100)),
      lifetime_budget: "0",
      special_ad_categories: [],
      start_time: metaTime(campaign.createdAt, secondOfDay(campaign.id), account.timeZone),
      created_time: metaTime(campaign.createdAt, secondOfDay(campaign.id), account.timeZone),
      updated_time: metaTime(
        addDays(campaign.createdAt, 3),
        secondOfDay(`${campaign.id}u`),
        account.timeZone,
      ),
    })),
};

export const adSetType: NodeType = {
  name: "AdSet",
  filterPrefix: "adset",
  fields: [
    "id",
    "account_id",
    "campaign_id",
    "name",
    "status",
    "configured_status",
    "effective_status",
    "daily_budget",
    "lifetime_budget",
    "billing_event",
    "optimization_goal",
    "bid_strategy",
    "targeting",
    "start_time",
    "end_time",
    "created_time",
    "updated_time",
  ],
  rows: (_context, account) =>
    account.campaigns.flatMap((campaign) =>
      campaign.adSets.map((adSet) => ({
        id: adSet.id,
        account_id: account.id,
        campaign_id: campaign.id,
        name: adSet.name,
        status: "ACTIVE",
        configured_status: "ACTIVE",
        effective_status: "ACTIVE",
        // No ad-set budget under campaign budget optimisation: Meta leaves the field out.
        billing_event: "IMPRESSIONS",
        optimization_goal: "OFFSITE_CONVERSIONS",
        bid_strategy: "LOWEST_COST_WITHOUT_CAP",
        targeting: { age_min: 25, age_max: 54, geo_locations: { countries: ["US"] } },
        start_time: metaTime(adSet.createdAt, secondOfDay(adSet.id), account.timeZone),
        created_time: metaTime(adSet.createdAt, secondOfDay(adSet.id), account.timeZone),
        updated_time: metaTime(addDays(adSet.createdAt, 2), secondOfDay(`${adSet.id}u`), account.timeZone),
      })),
    ),
};

export const adType: NodeType = {
  name: "Ad",
  filterPrefix: "ad",
  fields: [
    "id",
    "account_id",
    "campaign_id",
    "adset_id",
    "name",
    "status",
    "configured_status",
    "effective_status",
    "creative",
    "created_time",
    "updated_time",
  ],
  rows: (context, account, now) => {
    const { today } = context.dataset.window(account.timeZone, now);
    return context.dataset.ads(account, now).map((ad) => {
      // An ad whose creative cycle is over has been paused by the advertiser.
      const live = ad.end >= today;
      const status = live ? "ACTIVE" : "PAUSED";
      const created = metaTime(addDays(ad.start, -1), secondOfDay(ad.id), account.timeZone);
      return {
        id: ad.id,
        account_id: account.id,
        campaign_id: ad.campaignId,
        adset_id: ad.adSetId,
        name: ad.name,
        status,
        configured_status: status,
        effective_status: status,
        creative: { id: ad.creativeId, name: ad.creative.name },
        created_time: created,
        updated_time: live
          ? created
          : metaTime(addDays(ad.end, 1), secondOfDay(`${ad.id}u`), account.timeZone),
      };
    });
  },
};

export const adCreativeType: NodeType = {
  name: "AdCreative",
  filterPrefix: "adcreative",
  fields: [
    "id",
    "account_id",
    "name",
    "title",
    "body",
    "image_url",
    "thumbnail_url",
    "object_story_spec",
    "call_to_action_type",
    "status",
  ],
  rows: (context, account, now) =>
    context.dataset.ads(account, now).map((ad) => ({
      id: ad.creativeId,
      account_id: account.id,
      name: ad.creative.name,
      title: ad.creative.title,
      body: ad.creative.body,
      image_url: ad.creative.imageUrl,
      thumbnail_url: `${ad.creative.imageUrl}?stp=dst-jpg_p64x64`,
      object_story_spec: {
        page_id: pageId,
        link_data: {
          link: "https://juniper-and-pine.example/",
          message: ad.creative.body,
          name: ad.creative.title,
          call_to_action: { type: "SHOP_NOW" },
        },
      },
      call_to_action_type: "SHOP_NOW",
      status: "ACTIVE",
    })),
};

/**
 * Picks the requested fields in the order asked (Graph adds `id` last when it
 * was not asked for); fields without a value are left out, as Meta does.
 */
export function selectFields(
  row: GraphRow,
  fields: FieldRequest[],
  type: NodeType,
): { ok: true; value: GraphRow } | { ok: false; error: Response } {
  const out: GraphRow = {};
  const requested = fields.length > 0 ? fields : [{ name: "id", sub: null }];
  for (const field of requested) {
    if (!type.fields.includes(field.name))
      return { ok: false, error: nonexistingField(field.name, type.name) };
    const value = row[field.name];
    if (value === undefined) continue;
    out[field.name] =
      field.sub && value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(field.sub.map((sub) => [sub.name, (value as GraphRow)[sub.name]]))
        : value;
  }
  if (!("id" in out) && row.id !== undefined) out.id = row.id;
  return { ok: true, value: out };
}

export function selectAll(
  rows: GraphRow[],
  fieldsParam: string | undefined,
  type: NodeType,
): { ok: true; rows: GraphRow[] } | { ok: false; error: Response } {
  const fields = parseFields(fieldsParam);
  const selected: GraphRow[] = [];
  for (const row of rows) {
    const picked = selectFields(row, fields, type);
    if (!picked.ok) return picked;
    selected.push(picked.value);
  }
  if (rows.length === 0) {
    // Unknown fields are refused even when there is nothing to return.
    const unknown = fields.find((field) => !type.fields.includes(field.name));
    if (unknown) return { ok: false, error: nonexistingField(unknown.name, type.name) };
  }
  return { ok: true, rows: selected };
}

interface Filter {
  field: string;
  operator: string;
  value: unknown;
}

const timeFields = new Set(["created_time", "updated_time", "start_time", "stop_time", "end_time"]);

/**
 * Graph's `filtering` on entity edges. Without a filter on
 * `effective_status`, archived and deleted objects are left out, as at Meta.
 */
export function applyFiltering(
  rows: GraphRow[],
  type: NodeType,
  filtering: string | undefined,
): { ok: true; rows: GraphRow[] } | { ok: false; error: Response } {
  const parsed = jsonParam(filtering);
  if (!parsed.ok || (parsed.value !== undefined && !Array.isArray(parsed.value)))
    return { ok: false, error: invalidParameter("param filtering must be an array.") };
  const filters = ((parsed.value ?? []) as Filter[]).map((filter) => ({
    ...filter,
    field: String(filter?.field ?? "").replace(new RegExp(`^${type.filterPrefix}\\.`), ""),
  }));
  for (const filter of filters)
    if (!type.fields.includes(filter.field) || typeof filter.operator !== "string")
      return { ok: false, error: invalidParameter(`Filtering field ${filter.field} is invalid.`) };
  const statusFiltered = filters.some((filter) => filter.field === "effective_status");
  return {
    ok: true,
    rows: rows.filter(
      (row) =>
        (statusFiltered || !["ARCHIVED", "DELETED"].includes(String(row.effective_status))) &&
        filters.every((filter) => matches(row[filter.field], filter)),
    ),
  };
}

function matches(raw: unknown, filter: Filter): boolean {
  const value = timeFields.has(filter.field) && typeof raw === "string" ? toUnix(raw) : raw;
  const list = Array.isArray(filter.value) ? filter.value.map(String) : [];
  switch (filter.operator) {
    case "EQUAL":
      return String(value) === String(filter.value);
    case "NOT_EQUAL":
      return String(value) !== String(filter.value);
    case "IN":
      return list.includes(String(value));
    case "NOT_IN":
      return !list.includes(String(value));
    case "GREATER_THAN":
      return Number(value) > Number(filter.value);
    case "LESS_THAN":
      return Number(value) < Number(filter.value);
    case "CONTAIN":
      return String(value).toLowerCase().includes(String(filter.value).toLowerCase());
    default:
      return false;
  }
}

/** "2024-03-12T15:02:47-0700" → epoch seconds. */
const toUnix = (time: string) => Math.floor(Date.parse(time.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) / 1000);
