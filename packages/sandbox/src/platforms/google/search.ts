import type { SandboxAccount, SandboxDataset, SandboxMetricRow } from "../../dataset/index.ts";
import { type Customer, encode, fields, jsonPath, type Row, resourceOf, type Totals } from "./fields.ts";
import { GaqlError, type GaqlQuery } from "./gaql.ts";
import { dateFilter, planQuery, type QueryPlan, sortRows } from "./plan.ts";

/** What a query runs against: one customer, seen at one moment. */
export interface SearchScope {
  dataset: SandboxDataset;
  now: Date;
  customer: Customer;
  /** The customer's demo account; null for the manager, which has no campaigns of its own. */
  account: SandboxAccount | null;
  /** The manager's clients (empty for a client). */
  clients: Customer[];
}

/** Runs a parsed query: rows as proto3 JSON, and the field mask Google echoes. */
export function runQuery(query: GaqlQuery, scope: SearchScope): { rows: object[]; fieldMask: string } {
  const plan = planQuery(query);
  if (plan.usesMetrics && scope.customer.manager)
    throw new GaqlError(
      "REQUESTED_METRICS_FOR_MANAGER",
      "Metrics cannot be requested for a manager account. To retrieve metrics, issue separate requests against each client account under the manager account.",
    );
  const { today } = scope.dataset.window(scope.customer.timeZone, scope.now);
  const dates = dateFilter(plan.dateConditions, today);
  if (plan.segmented && (dates.since === undefined || dates.until === undefined))
    throw new GaqlError(
      "EXPECTED_FILTERS_ON_DATE_RANGE",
      "A query that selects segments.date must filter it to a finite date range.",
      "segments.date",
    );
  let rows = entityRows(plan.from, scope, today);
  if (plan.usesMetrics || plan.segmented || plan.dateConditions.length > 0)
    rows = withMetrics(rows, plan, scope, dates);
  rows = sortRows(
    rows.filter((row) => plan.filters.every((keep) => keep(row))),
    plan.orderBy,
  );
  if (plan.limit !== null) rows = rows.slice(0, plan.limit);
  return {
    rows: rows.map((row) => project(row, plan)),
    fieldMask: query.select.map((name) => jsonPath(name).join(".")).join(","),
  };
}

function entityRows(from: string, scope: SearchScope, today: string): Row[] {
  const { customer, account } = scope;
  const campaigns = account?.campaigns ?? [];
  switch (from) {
    case "customer":
      return [{ customer, today }];
    case "customer_client":
      return [
        { customer, today, client: { customer, level: 0 } },
        ...scope.clients.map((client) => ({ customer, today, client: { customer: client, level: 1 } })),
      ];
    case "campaign":
      return campaigns.map((campaign) => ({ customer, today, campaign }));
    case "ad_group":
      return campaigns.flatMap((campaign) =>
        campaign.adSets.map((adSet) => ({ customer, today, campaign, adSet })),
      );
    default: {
      if (!account) return [];
      const adSets = new Map(
        campaigns.flatMap((campaign) => campaign.adSets.map((adSet) => [adSet.id, adSet])),
      );
      const byId = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
      return scope.dataset.ads(account, scope.now).map((ad) => ({
        customer,
        today,
        campaign: byId.get(ad.campaignId),
        adSet: adSets.get(ad.adSetId),
        ad,
      }));
    }
  }
}

/** The entity a metric row (or a result row) belongs to at the query's level. */
const keyOf: Record<string, (row: SandboxMetricRow | Row) => string> = {
  customer: () => "",
  campaign: (row) => ("adId" in row ? row.campaignId : (row.campaign?.id ?? "")),
  ad_group: (row) => ("adId" in row ? row.adSetId : (row.adSet?.id ?? "")),
  ad_group_ad: (row) => ("adId" in row ? row.adId : (row.ad?.id ?? "")),
};

const zero = (): Totals => ({ impressions: 0, clicks: 0, spend: 0, conversions: 0, conversionValue: 0 });

function add(totals: Totals, row: SandboxMetricRow): void {
  totals.impressions += row.impressions;
  totals.clicks += row.clicks;
  totals.spend += row.spend;
  // The dataset's fractional conversions have two decimals; keep sums free of float dust.
  totals.conversions = Math.round((totals.conversions + row.conversions) * 100) / 100;
  totals.conversionValue += row.conversionValue;
}

/**
 * Attaches metrics. Segmented by date, Google returns only the entity-days
 * with activity; unsegmented, every entity comes back with its totals over
 * the filtered days (zeros included).
 */
function withMetrics(
  rows: Row[],
  plan: QueryPlan,
  scope: SearchScope,
  dates: ReturnType<typeof dateFilter>,
): Row[] {
  const key = keyOf[plan.from];
  if (!scope.account || !key) return plan.segmented ? [] : rows;
  const window = scope.dataset.window(scope.customer.timeZone, scope.now);
  const metricRows = scope.dataset
    .metrics(scope.account, dates.since ?? window.since, dates.until ?? window.today, scope.now)
    .filter((row) => dates.test(row.date));
  if (plan.segmented) {
    const entities = new Map(rows.map((row) => [key(row), row]));
    const groups = new Map<string, Row & { metrics: Totals }>();
    for (const metric of metricRows) {
      const entity = entities.get(key(metric));
      if (!entity) continue;
      const id = `${key(metric)}|${metric.date}`;
      let group = groups.get(id);
      if (!group) {
        group = { ...entity, date: metric.date, metrics: zero() };
        groups.set(id, group);
      }
      add(group.metrics, metric);
    }
    return [...groups.values()];
  }
  const totals = new Map<string, Totals>();
  for (const metric of metricRows) {
    let sum = totals.get(key(metric));
    if (!sum) {
      sum = zero();
      totals.set(key(metric), sum);
    }
    add(sum, metric);
  }
  return rows.map((row) => ({ ...row, metrics: totals.get(key(row)) ?? zero() }));
}

type Json = Record<string, unknown>;

/** The nested object at `path`, created on the way. */
function objectAt(root: Json, path: string[]): Json {
  let target = root;
  for (const part of path) {
    target[part] ??= {};
    target = target[part] as Json;
  }
  return target;
}

/** Writes a row the way GoogleAdsRow serialises: nested by resource, with each resource's `resourceName`. */
function project(row: Row, plan: QueryPlan): Json {
  const out: Json = {};
  const touched = new Set<string>([plan.from]);
  for (const { name, def } of plan.select) {
    const value = def.get(row);
    if (value === undefined) continue;
    const path = jsonPath(name);
    const target = objectAt(out, path.slice(0, -1));
    target[path[path.length - 1] as string] = encode(def, value);
    touched.add(resourceOf(name));
    if (name.startsWith("ad_group_ad.ad.")) touched.add("ad_group_ad.ad");
  }
  for (const resource of touched) {
    const resourceName = fields[`${resource}.resource_name`]?.get(row);
    if (resourceName === undefined) continue;
    const path = jsonPath(resource);
    const parent = objectAt(out, path.slice(0, -1));
    const last = path[path.length - 1] as string;
    parent[last] = { resourceName, ...(parent[last] as Json | undefined) };
  }
  return out;
}
