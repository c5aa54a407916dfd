import { addDays, daysBetween } from "../../dataset/calendar.ts";
import type { SandboxAccount, SandboxMetricRow } from "../../dataset/index.ts";
import type { SandboxContext } from "../../platform.ts";
import type { GraphRow } from "./entities.ts";
import { graphError, invalidParameter } from "./errors.ts";
import { centsToDecimal, ratio } from "./format.ts";
import { jsonParam, parseFields } from "./params.ts";

/** An Ads Insights query: the parameters the sandbox honours. */
export interface InsightQuery {
  level: Level;
  increment: number | "monthly" | "all_days";
  since: string;
  until: string;
  fields: string[];
}

const levels = ["account", "campaign", "adset", "ad"] as const;
type Level = (typeof levels)[number];

export const insightFields = [
  "account_id",
  "account_name",
  "account_currency",
  "campaign_id",
  "campaign_name",
  "adset_id",
  "adset_name",
  "ad_id",
  "ad_name",
  "objective",
  "impressions",
  "reach",
  "frequency",
  "clicks",
  "inline_link_clicks",
  "spend",
  "cpc",
  "cpm",
  "ctr",
  "actions",
  "action_values",
  "cost_per_action_type",
  "purchase_roas",
  "date_start",
  "date_stop",
] as const;

/** The purchase action types Meta reports side by side, each carrying the same number. */
const purchaseTypes = ["offsite_conversion.fb_pixel_purchase", "omni_purchase", "purchase"];

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Reads and checks the insights parameters, the way Meta words its refusals. */
export function parseInsightQuery(
  params: Record<string, string>,
  account: SandboxAccount,
  context: SandboxContext,
): { ok: true; query: InsightQuery } | { ok: false; error: Response } {
  const fail = (message: string) => ({ ok: false as const, error: invalidParameter(message) });
  const level = (params.level ?? "account") as Level;
  if (!levels.includes(level)) return fail("param level must be one of {ad, adset, campaign, account}");

  const incrementText = params.time_increment ?? "all_days";
  let increment: InsightQuery["increment"];
  if (incrementText === "monthly" || incrementText === "all_days") increment = incrementText;
  else {
    const days = Number(incrementText);
    if (!Number.isInteger(days) || days < 1 || days > 90)
      return fail("param time_increment must be an integer between 1 and 90, 'monthly' or 'all_days'");
    increment = days;
  }
  if (params.breakdowns !== undefined) return fail("The sandbox does not serve breakdowns");

  const { today } = context.dataset.window(account.timeZone, context.now());
  let since: string;
  let until: string;
  const range = jsonParam(params.time_range);
  if (params.time_range !== undefined) {
    const value = range.ok ? (range.value as { since?: unknown; until?: unknown } | null) : null;
    if (!value || typeof value.since !== "string" || typeof value.until !== "string")
      return fail("param time_range must be a JSON object with since and until");
    if (!datePattern.test(value.since) || !datePattern.test(value.until))
      return fail("param time_range: since and until must be dates as YYYY-MM-DD");
    since = value.since;
    until = value.until;
  } else {
    const preset = presetRange(params.date_preset ?? "last_30d", today);
    if (!preset)
      return fail(
        `param date_preset must be one of {today, yesterday, last_3d, last_7d, last_14d, last_28d, last_30d, last_90d, this_month, maximum}`,
      );
    ({ since, until } = preset);
  }
  if (since > until) return fail("param time_range: since must not be after until");
  if (since < monthsBefore(today, 37))
    return {
      ok: false,
      error: graphError(400, {
        message: "(#3018) The start date of the time range cannot be beyond 37 months from the current date",
        type: "OAuthException",
        code: 3018,
      }),
    };

  const requested = parseFields(params.fields).map((field) => field.name);
  const unknown = requested.find((field) => !(insightFields as readonly string[]).includes(field));
  if (unknown)
    return fail(
      `${unknown} is not valid for fields param. please check https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ for all valid values`,
    );
  const fields = requested.length > 0 ? requested : ["impressions", "spend"];
  return { ok: true, query: { level, increment, since, until, fields } };
}

function presetRange(preset: string, today: string): { since: string; until: string } | null {
  if (preset === "today") return { since: today, until: today };
  if (preset === "yesterday") return { since: addDays(today, -1), until: addDays(today, -1) };
  if (preset === "this_month") return { since: `${today.slice(0, 7)}-01`, until: today };
  if (preset === "maximum") return { since: monthsBefore(today, 37), until: today };
  const match = /^last_(3|7|14|28|30|90)d$/.exec(preset);
  return match ? { since: addDays(today, -Number(match[1])), until: addDays(today, -1) } : null;
}

function monthsBefore(date: string, months: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCMonth(value.getUTCMonth() - months);
  return value.toISOString().slice(0, 10);
}

interface Totals {
  spend: number;
  impressions: number;
  reach: number;
  clicks: number;
  conversions: number;
  conversionValue: number;
}

/**
 * Rows as Meta reports them: one per object (at the query's level) and time
 * bucket that had delivery, every metric a string, money in major units.
 */
export function insightRows(
  context: SandboxContext,
  account: SandboxAccount,
  query: InsightQuery,
  now: Date,
): GraphRow[] {
  const campaigns = new Map(account.campaigns.map((campaign) => [campaign.id, campaign]));
  const adSetNames = new Map(
    account.campaigns.flatMap((campaign) => campaign.adSets.map((adSet) => [adSet.id, adSet.name] as const)),
  );
  const adNames =
    query.level === "ad" && query.fields.includes("ad_name")
      ? new Map(context.dataset.ads(account, now).map((ad) => [ad.id, ad.name]))
      : new Map<string, string>();

  const groups = new Map<string, { row: SandboxMetricRow; start: string; stop: string; totals: Totals }>();
  for (const row of context.dataset.metrics(account, query.since, query.until, now)) {
    const [start, stop] = bucket(row.date, query);
    const id = { account: account.id, campaign: row.campaignId, adset: row.adSetId, ad: row.adId }[
      query.level
    ];
    const key = `${start}|${id}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        row,
        start,
        stop,
        totals: { spend: 0, impressions: 0, reach: 0, clicks: 0, conversions: 0, conversionValue: 0 },
      };
      groups.set(key, group);
    }
    const { totals } = group;
    totals.spend += row.spend;
    totals.impressions += row.impressions;
    // Reach is not additive at Meta either; the sandbox sums it as an upper bound.
    totals.reach += row.reach;
    totals.clicks += row.clicks;
    totals.conversions += row.conversions;
    totals.conversionValue += row.conversionValue;
  }

  const depth = levels.indexOf(query.level);
  const out: GraphRow[] = [];
  for (const { row, start, stop, totals } of groups.values()) {
    if (totals.impressions === 0) continue;
    const campaign = campaigns.get(row.campaignId);
    const linkClicks = Math.floor(totals.clicks * 0.8);
    const values: GraphRow = {
      account_id: account.id,
      account_name: account.name,
      account_currency: account.currency,
      campaign_id: depth >= 1 ? row.campaignId : undefined,
      campaign_name: depth >= 1 ? campaign?.name : undefined,
      adset_id: depth >= 2 ? row.adSetId : undefined,
      adset_name: depth >= 2 ? adSetNames.get(row.adSetId) : undefined,
      ad_id: depth >= 3 ? row.adId : undefined,
      ad_name: depth >= 3 ? adNames.get(row.adId) : undefined,
      objective: depth >= 1 ? campaign?.objective : undefined,
      impressions: String(totals.impressions),
      reach: String(totals.reach),
      frequency: totals.reach > 0 ? ratio(totals.impressions / totals.reach) : undefined,
      clicks: String(totals.clicks),
      inline_link_clicks: String(linkClicks),
      spend: centsToDecimal(totals.spend),
      cpc: totals.clicks > 0 ? ratio(totals.spend / 100 / totals.clicks) : undefined,
      cpm: ratio((totals.spend / 100 / totals.impressions) * 1000),
      ctr: ratio((totals.clicks / totals.impressions) * 100),
      actions: actionList([
        ["link_click", linkClicks > 0 ? String(linkClicks) : null],
        ...purchaseTypes.map(
          (type) => [type, totals.conversions > 0 ? String(totals.conversions) : null] as const,
        ),
      ]),
      action_values: actionList(
        purchaseTypes.map((type) => [
          type,
          totals.conversionValue > 0 ? centsToDecimal(totals.conversionValue) : null,
        ]),
      ),
      cost_per_action_type: actionList([
        ["link_click", linkClicks > 0 ? ratio(totals.spend / 100 / linkClicks) : null],
        ...purchaseTypes.map(
          (type) =>
            [type, totals.conversions > 0 ? ratio(totals.spend / 100 / totals.conversions) : null] as const,
        ),
      ]),
      purchase_roas: actionList([
        [
          "omni_purchase",
          totals.spend > 0 && totals.conversionValue > 0
            ? ratio(totals.conversionValue / totals.spend)
            : null,
        ],
      ]),
    };
    const result: GraphRow = {};
    for (const field of query.fields) if (values[field] !== undefined) result[field] = values[field];
    result.date_start = start;
    result.date_stop = stop;
    out.push(result);
  }
  return out;
}

/** `[{action_type, value}]`, without the action types that did not happen; absent when none did. */
function actionList(entries: readonly (readonly [string, string | null])[]) {
  const list = entries
    .filter((entry): entry is readonly [string, string] => entry[1] !== null)
    .map(([action_type, value]) => ({ action_type, value }));
  return list.length > 0 ? list : undefined;
}

/** The first and last day of the time bucket a day falls in. */
function bucket(date: string, query: InsightQuery): [string, string] {
  const clamp = (start: string, stop: string): [string, string] => [
    start < query.since ? query.since : start,
    stop > query.until ? query.until : stop,
  ];
  if (query.increment === "all_days") return [query.since, query.until];
  if (query.increment === "monthly") {
    const first = `${date.slice(0, 7)}-01`;
    return clamp(first, addDays(`${addDays(first, 32).slice(0, 7)}-01`, -1));
  }
  const index = Math.floor(daysBetween(query.since, date) / query.increment);
  const start = addDays(query.since, index * query.increment);
  return clamp(start, addDays(start, query.increment - 1));
}
