import { daysBetween, type SandboxAccount, type SandboxMetricRow } from "../../dataset/index.ts";
import { hash32 } from "../../dataset/random.ts";
import type { SandboxContext } from "../../platform.ts";
import { invalid, jsonParam, paginate, paging, required, stringList } from "./params.ts";

type Query = Record<string, string | undefined>;

/** Longest span `report/integrated/get/` accepts with `stat_time_day`. */
export const maxReportDays = 30;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

interface RowContext {
  account: SandboxAccount;
  row: SandboxMetricRow;
  names: Names;
  unavailableReach: boolean;
}

const exponentOf = (currency: string) =>
  new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** Minor units to TikTok's major-unit decimal string ("1234" cents → "12.34"). */
function major(minor: number, currency: string): string {
  const exponent = exponentOf(currency);
  if (exponent === 0) return String(minor);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  return `${minor < 0 ? "-" : ""}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const ratio = (numerator: number, denominator: number, scale = 1) =>
  denominator === 0 ? "0.00" : ((numerator / denominator) * scale).toFixed(2);

/**
 * Every metric the sandbox serves, as TikTok does: all values are strings,
 * money in major units, `"-"` where a value is not available. Purchases are
 * the web "Complete Payment" event: `complete_payment` (count) and
 * `total_complete_payment_rate` (its total value, despite the name).
 */
const metricValues: Record<string, (row: RowContext) => string> = {
  spend: ({ row, account }) => major(row.spend, account.currency),
  impressions: ({ row }) => String(row.impressions),
  clicks: ({ row }) => String(row.clicks),
  reach: ({ row, unavailableReach }) => (unavailableReach ? "-" : String(row.reach)),
  frequency: ({ row, unavailableReach }) => (unavailableReach ? "-" : ratio(row.impressions, row.reach)),
  ctr: ({ row }) => ratio(row.clicks, row.impressions, 100),
  cpc: ({ row }) => ratio(row.spend / 100, row.clicks),
  cpm: ({ row }) => ratio(row.spend / 100, row.impressions, 1000),
  conversion: ({ row }) => String(row.conversions),
  cost_per_conversion: ({ row }) => ratio(row.spend / 100, row.conversions),
  complete_payment: ({ row }) => String(row.conversions),
  total_complete_payment_rate: ({ row, account }) => major(row.conversionValue, account.currency),
  cost_per_complete_payment: ({ row }) => ratio(row.spend / 100, row.conversions),
  value_per_complete_payment: ({ row }) => ratio(row.conversionValue / 100, row.conversions),
  complete_payment_roas: ({ row }) => ratio(row.conversionValue, row.spend),
  campaign_id: ({ row }) => row.campaignId,
  campaign_name: ({ row, names }) => names.campaigns.get(row.campaignId) ?? "",
  adgroup_id: ({ row }) => row.adSetId,
  adgroup_name: ({ row, names }) => names.adSets.get(row.adSetId) ?? "",
  ad_name: ({ row, names }) => names.ads.get(row.adId) ?? "",
  currency: ({ account }) => account.currency,
};

export const reportMetrics = Object.keys(metricValues);

interface Names {
  campaigns: Map<string, string>;
  adSets: Map<string, string>;
  ads: Map<string, string>;
}

function namesOf(ctx: SandboxContext, account: SandboxAccount, now: Date): Names {
  const campaigns = new Map(account.campaigns.map((campaign) => [campaign.id, campaign.name]));
  const adSets = new Map(
    account.campaigns.flatMap((campaign) => campaign.adSets.map((adSet) => [adSet.id, adSet.name] as const)),
  );
  const ads = new Map(ctx.dataset.ads(account, now).map((ad) => [ad.id, ad.name]));
  return { campaigns, adSets, ads };
}

/**
 * The synchronous BASIC report at ad × day level: `dimensions` must be
 * `["ad_id","stat_time_day"]`, dates are the advertiser's own days,
 * inclusive, at most 30 of them. Rows without delivery are left out.
 */
export function integratedReport(ctx: SandboxContext, account: SandboxAccount, query: Query) {
  const serviceType = query.service_type ?? "AUCTION";
  if (serviceType !== "AUCTION")
    throw invalid(`service_type: ${serviceType} is not supported in the sandbox.`);
  const reportType = required(query, "report_type");
  if (reportType !== "BASIC") throw invalid(`report_type: ${reportType} is not supported in the sandbox.`);
  const dataLevel = required(query, "data_level");
  if (dataLevel !== "AUCTION_AD") throw invalid(`data_level: ${dataLevel} is not supported in the sandbox.`);
  const dimensions = stringList(query, "dimensions", 4);
  if (!dimensions) throw invalid("dimensions: Missing data for required field.");
  if (dimensions.length !== 2 || !dimensions.includes("ad_id") || !dimensions.includes("stat_time_day"))
    throw invalid(
      `dimensions: ${JSON.stringify(dimensions)} is not supported in the sandbox; use ["ad_id","stat_time_day"].`,
    );
  const metrics = stringList(query, "metrics", 100) ?? ["spend", "impressions"];
  const unknown = metrics.filter((metric) => !(metric in metricValues));
  if (unknown.length) throw invalid(`metrics: Invalid metric field(s) ${JSON.stringify(unknown)}.`);
  if (query.query_lifetime === "true") throw invalid("query_lifetime: Not supported with stat_time_day.");
  const filters = adFilters(query);

  const startDate = required(query, "start_date");
  const endDate = required(query, "end_date");
  for (const [name, value] of [
    ["start_date", startDate],
    ["end_date", endDate],
  ] as const)
    if (!datePattern.test(value) || Number.isNaN(Date.parse(value)))
      throw invalid(`${name}: Time format should be %Y-%m-%d.`);
  if (endDate < startDate) throw invalid("end_date: end_date must be later than or equal to start_date.");
  if (daysBetween(startDate, endDate) + 1 > maxReportDays)
    throw invalid(
      `The time span between start_date and end_date cannot exceed ${maxReportDays} days when stat_time_day is a dimension.`,
    );
  const pages = paging(query);

  const now = ctx.now();
  const rows = ctx.dataset
    .metrics(account, startDate, endDate, now)
    .filter((row) => filters.every((keep) => keep(row)));
  const names = namesOf(ctx, account, now);
  const page = paginate(rows, pages);
  return {
    ...page,
    list: page.list.map((row) => {
      const context = { account, row, names, unavailableReach: reachUnavailable(ctx, row) };
      return {
        dimensions: { ad_id: row.adId, stat_time_day: `${row.date} 00:00:00` },
        metrics: Object.fromEntries(
          metrics.map((metric) => [metric, metricValues[metric]?.(context) ?? "-"]),
        ),
      };
    }),
  };
}

/** Some rows carry no reach ("-"): deterministic per ad and day, about one in eight. */
const reachUnavailable = (ctx: SandboxContext, row: SandboxMetricRow) =>
  Math.abs(hash32(ctx.dataset.seed, "tiktok-reach", row.adId, row.date)) % 8 === 0;

/** `filtering=[{"field_name":"campaign_ids","filter_type":"IN","filter_value":"[\"…\"]"}]`. */
function adFilters(query: Query): ((row: SandboxMetricRow) => boolean)[] {
  const value = jsonParam(query, "filtering");
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw invalid("filtering: Not a valid list.");
  const keys: Record<string, keyof SandboxMetricRow> = {
    campaign_ids: "campaignId",
    adgroup_ids: "adSetId",
    ad_ids: "adId",
  };
  return value.map((filter: unknown) => {
    const {
      field_name: field,
      filter_type: type,
      filter_value: raw,
    } = (filter ?? {}) as Record<string, unknown>;
    const key = typeof field === "string" ? keys[field] : undefined;
    if (!key || type !== "IN" || typeof raw !== "string")
      throw invalid(`filtering: Unsupported filter ${JSON.stringify(filter)}.`);
    let ids: unknown;
    try {
      ids = JSON.parse(raw);
    } catch {
      throw invalid("filtering: filter_value is not a valid JSON list.");
    }
    if (!Array.isArray(ids)) throw invalid("filtering: filter_value is not a valid JSON list.");
    const wanted = new Set(ids.map(String));
    return (row: SandboxMetricRow) => wanted.has(String(row[key]));
  });
}
