import { addDays } from "../../dataset/calendar.ts";
import type { ReportingSnapshot, SandboxAccount, SandboxMetricRow } from "../../dataset/index.ts";
import type { SandboxContext } from "../../platform.ts";
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

/** The query's time buckets in order, each `[date_start, date_stop]` clamped to the range. */
export function insightBuckets(query: InsightQuery): [string, string][] {
  const clamp = (start: string, stop: string): [string, string] => [
    start < query.since ? query.since : start,
    stop > query.until ? query.until : stop,
  ];
  if (query.increment === "all_days") return [[query.since, query.until]];
  const buckets: [string, string][] = [];
  if (query.increment === "monthly") {
    for (let first = `${query.since.slice(0, 7)}-01`; first <= query.until; ) {
      const next = `${addDays(first, 32).slice(0, 7)}-01`;
      buckets.push(clamp(first, addDays(next, -1)));
      first = next;
    }
    return buckets;
  }
  for (let start = query.since; start <= query.until; start = addDays(start, query.increment))
    buckets.push(clamp(start, addDays(start, query.increment - 1)));
  return buckets;
}

/**
 * One time bucket's rows as Meta reports them, each already written as JSON:
 * one per object at the query's level that had delivery, in order of first
 * appearance, every metric a string, money in major units. Rows of the whole
 * report are the buckets' rows in bucket order, so a page needs only the
 * buckets it covers. Text rather than objects: a report can run to a million
 * rows, and objects cost memory to keep and time to serialise.
 */
export function bucketRows(
  context: SandboxContext,
  account: SandboxAccount,
  query: InsightQuery,
  [start, stop]: [string, string],
  snapshot: ReportingSnapshot,
): string[] {
  const groups: Group[] = [];
  const rows = context.dataset.reportedRows(account, start, stop, snapshot);
  if (query.level === "ad" && start === stop) {
    // One day at ad level: every row is its own group (an ad has one row a day).
    for (const row of rows) groups.push({ row, totals: row });
  } else {
    const byId = new Map<string, Group>();
    for (const row of rows) {
      const id =
        query.level === "ad"
          ? row.adId
          : query.level === "adset"
            ? row.adSetId
            : query.level === "campaign"
              ? row.campaignId
              : account.id;
      let group = byId.get(id);
      if (!group) {
        group = {
          row,
          totals: { spend: 0, impressions: 0, reach: 0, clicks: 0, conversions: 0, conversionValue: 0 },
        };
        byId.set(id, group);
        groups.push(group);
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
  }
  if (groups.length === 0) return [];

  const depth = levels.indexOf(query.level);
  const names: Names = {
    account,
    accountName: JSON.stringify(account.name),
    accountCurrency: JSON.stringify(account.currency),
    campaigns: new Map(account.campaigns.map((campaign) => [campaign.id, campaign])),
    adSets: new Map(
      account.campaigns.flatMap((campaign) =>
        campaign.adSets.map((adSet) => [adSet.id, adSet.name] as const),
      ),
    ),
    ads:
      query.level === "ad" && query.fields.includes("ad_name")
        ? new Map(context.dataset.ads(account, snapshot.now).map((ad) => [ad.id, ad.name]))
        : new Map<string, string>(),
  };
  // Only the fields asked for are worked out, each with its key already quoted.
  const wanted = query.fields.flatMap((field) => {
    const write = fieldJson[field as InsightField];
    return write && depth >= (levelOf[field as InsightField] ?? 0)
      ? [{ key: `${JSON.stringify(field)}:`, write }]
      : [];
  });
  const dates = `"date_start":${JSON.stringify(start)},"date_stop":${JSON.stringify(stop)}}`;
  const out: string[] = [];
  const parts: string[] = [];
  for (const group of groups) {
    if (group.totals.impressions === 0) continue;
    parts.length = 0;
    parts.push("{");
    for (const { key, write } of wanted) {
      const value = write(group, names);
      if (value !== undefined) parts.push(key, value, ",");
    }
    parts.push(dates);
    // Joined, so each row is one flat string rather than a tree of pieces.
    out.push(parts.join(""));
  }
  return out;
}

type InsightField = (typeof insightFields)[number];

/** One output row before formatting: the object (any of its rows) and its summed metrics. */
interface Group {
  row: SandboxMetricRow;
  totals: Totals;
}

interface Names {
  account: SandboxAccount;
  /** JSON, once per bucket. */
  accountName: string;
  accountCurrency: string;
  campaigns: Map<string, SandboxAccount["campaigns"][number]>;
  adSets: Map<string, string>;
  ads: Map<string, string>;
}

/** The shallowest level at which a field has a value (account fields have one at every level). */
const levelOf: Partial<Record<InsightField, number>> = {
  campaign_id: 1,
  campaign_name: 1,
  objective: 1,
  adset_id: 2,
  adset_name: 2,
  ad_id: 3,
  ad_name: 3,
};

const linkClicksOf = (totals: Totals) => Math.floor(totals.clicks * 0.8);

/** A JSON string; ids and numbers as strings need no escaping. */
const text = (value: string | number) => `"${value}"`;
const json = (value: string | undefined) => (value === undefined ? undefined : JSON.stringify(value));

/**
 * How each field is written from a group, as JSON; `undefined` leaves the
 * field out, as Meta does. `date_start` and `date_stop` end every row.
 */
const fieldJson: Record<InsightField, ((group: Group, names: Names) => string | undefined) | undefined> = {
  account_id: (_group, names) => text(names.account.id),
  account_name: (_group, names) => names.accountName,
  account_currency: (_group, names) => names.accountCurrency,
  campaign_id: ({ row }) => text(row.campaignId),
  campaign_name: ({ row }, names) => json(names.campaigns.get(row.campaignId)?.name),
  adset_id: ({ row }) => text(row.adSetId),
  adset_name: ({ row }, names) => json(names.adSets.get(row.adSetId)),
  ad_id: ({ row }) => text(row.adId),
  ad_name: ({ row }, names) => json(names.ads.get(row.adId)),
  objective: ({ row }, names) => json(names.campaigns.get(row.campaignId)?.objective),
  impressions: ({ totals }) => text(totals.impressions),
  reach: ({ totals }) => text(totals.reach),
  frequency: ({ totals }) => (totals.reach > 0 ? text(ratio(totals.impressions / totals.reach)) : undefined),
  clicks: ({ totals }) => text(totals.clicks),
  inline_link_clicks: ({ totals }) => text(linkClicksOf(totals)),
  spend: ({ totals }) => text(centsToDecimal(totals.spend)),
  cpc: ({ totals }) => (totals.clicks > 0 ? text(ratio(totals.spend / 100 / totals.clicks)) : undefined),
  cpm: ({ totals }) => text(ratio((totals.spend / 100 / totals.impressions) * 1000)),
  ctr: ({ totals }) => text(ratio((totals.clicks / totals.impressions) * 100)),
  actions: ({ totals }) => {
    const linkClicks = linkClicksOf(totals);
    return actionList(
      linkClicks > 0 ? action("link_click", String(linkClicks)) : "",
      totals.conversions > 0 ? String(totals.conversions) : null,
    );
  },
  action_values: ({ totals }) =>
    actionList("", totals.conversionValue > 0 ? centsToDecimal(totals.conversionValue) : null),
  cost_per_action_type: ({ totals }) => {
    const linkClicks = linkClicksOf(totals);
    return actionList(
      linkClicks > 0 ? action("link_click", ratio(totals.spend / 100 / linkClicks)) : "",
      totals.conversions > 0 ? ratio(totals.spend / 100 / totals.conversions) : null,
    );
  },
  purchase_roas: ({ totals }) =>
    totals.spend > 0 && totals.conversionValue > 0
      ? `[${action("omni_purchase", ratio(totals.conversionValue / totals.spend))}]`
      : undefined,
  date_start: undefined,
  date_stop: undefined,
};

const action = (type: string, value: string) => `{"action_type":"${type}","value":"${value}"}`;

/**
 * `[{action_type, value}]` as JSON: an optional first entry, then the purchase
 * types side by side with one value, left out when no purchase happened; the
 * field is absent when the list is empty.
 */
function actionList(first: string, purchases: string | null): string | undefined {
  if (!first && purchases === null) return undefined;
  const entries = purchases === null ? [] : purchaseTypes.map((type) => action(type, purchases));
  return `[${first ? [first, ...entries].join(",") : entries.join(",")}]`;
}
