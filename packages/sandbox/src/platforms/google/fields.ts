import type { SandboxAd, SandboxAdSet, SandboxCampaign } from "../../dataset/index.ts";

/** A customer as the Ads API sees it: the manager or one of its clients. */
export interface Customer {
  id: string;
  name: string;
  currency: string;
  timeZone: string;
  manager: boolean;
  status: "ENABLED" | "CANCELED";
}

/** One ad-level (or coarser) total, money in minor units as the dataset keeps it. */
export interface Totals {
  impressions: number;
  clicks: number;
  spend: number;
  conversions: number;
  conversionValue: number;
}

/** Everything a result row can be read from. */
export interface Row {
  customer: Customer;
  /** FROM customer_client: the client this row describes and how far below `customer` it sits. */
  client?: { customer: Customer; level: number };
  campaign?: SandboxCampaign;
  adSet?: SandboxAdSet;
  ad?: SandboxAd;
  /** The customer's today, which decides whether an ad still runs. */
  today: string;
  date?: string;
  metrics?: Totals;
}

/**
 * How a field is written in proto3 JSON: int64 as a string, double as a
 * number, enums by name; `list` values are written as they are.
 */
export type FieldKind = "int64" | "double" | "string" | "enum" | "bool" | "date" | "list";

export interface FieldDef {
  kind: FieldKind;
  /** For enums: the constants a WHERE clause may name. */
  values?: readonly string[];
  /** The value, or undefined when the row does not set it. */
  get(row: Row): string | number | boolean | unknown[] | undefined;
}

const customerStatuses = ["ENABLED", "CANCELED", "SUSPENDED", "CLOSED"] as const;
const entityStatuses = ["ENABLED", "PAUSED", "REMOVED"] as const;
const channelTypes = ["SEARCH", "DISPLAY", "SHOPPING", "VIDEO", "PERFORMANCE_MAX", "DEMAND_GEN"] as const;

/** Digits per minor unit, so micros and major-unit doubles come out right for any currency. */
function exponent(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

const minorToMicros = (minor: number, currency: string) =>
  (BigInt(minor) * 10n ** BigInt(6 - exponent(currency))).toString();
const minorToMajor = (minor: number, currency: string) => minor / 10 ** exponent(currency);

const customerFields = (
  prefix: string,
  of: (row: Row) => Customer | undefined,
): Record<string, FieldDef> => ({
  [`${prefix}.id`]: { kind: "int64", get: (row) => of(row)?.id },
  [`${prefix}.descriptive_name`]: { kind: "string", get: (row) => of(row)?.name },
  [`${prefix}.currency_code`]: { kind: "string", get: (row) => of(row)?.currency },
  [`${prefix}.time_zone`]: { kind: "string", get: (row) => of(row)?.timeZone },
  [`${prefix}.manager`]: { kind: "bool", get: (row) => of(row)?.manager },
  [`${prefix}.test_account`]: { kind: "bool", get: (row) => (of(row) ? false : undefined) },
  [`${prefix}.status`]: { kind: "enum", values: customerStatuses, get: (row) => of(row)?.status },
});

const base = (row: Row) => `customers/${row.customer.id}`;
const budgetId = (campaign: SandboxCampaign) => `5${campaign.id.slice(1)}`;
const adStatus = (row: Row) => (row.ad ? (row.ad.end < row.today ? "PAUSED" : "ENABLED") : undefined);

/** Every field the sandbox knows, by its GAQL name. */
export const fields: Record<string, FieldDef> = {
  "customer.resource_name": { kind: "string", get: base },
  ...customerFields("customer", (row) => row.customer),

  "customer_client.resource_name": {
    kind: "string",
    get: (row) => row.client && `${base(row)}/customerClients/${row.client.customer.id}`,
  },
  "customer_client.client_customer": {
    kind: "string",
    get: (row) => row.client && `customers/${row.client.customer.id}`,
  },
  "customer_client.level": { kind: "int64", get: (row) => row.client?.level },
  "customer_client.hidden": { kind: "bool", get: (row) => (row.client ? false : undefined) },
  ...customerFields("customer_client", (row) => row.client?.customer),

  "campaign.resource_name": {
    kind: "string",
    get: (row) => row.campaign && `${base(row)}/campaigns/${row.campaign.id}`,
  },
  "campaign.id": { kind: "int64", get: (row) => row.campaign?.id },
  "campaign.name": { kind: "string", get: (row) => row.campaign?.name },
  "campaign.status": { kind: "enum", values: entityStatuses, get: (row) => row.campaign && "ENABLED" },
  "campaign.advertising_channel_type": {
    kind: "enum",
    values: channelTypes,
    get: (row) => row.campaign?.objective,
  },
  "campaign.campaign_budget": {
    kind: "string",
    get: (row) => row.campaign && `${base(row)}/campaignBudgets/${budgetId(row.campaign)}`,
  },

  "campaign_budget.resource_name": {
    kind: "string",
    get: (row) => row.campaign && `${base(row)}/campaignBudgets/${budgetId(row.campaign)}`,
  },
  "campaign_budget.id": { kind: "int64", get: (row) => row.campaign && budgetId(row.campaign) },
  "campaign_budget.amount_micros": {
    kind: "int64",
    get: (row) => row.campaign && minorToMicros(row.campaign.dailyBudget * 100, row.customer.currency),
  },
  "campaign_budget.period": {
    kind: "enum",
    values: ["DAILY", "CUSTOM_PERIOD"],
    get: (row) => row.campaign && "DAILY",
  },

  "ad_group.resource_name": {
    kind: "string",
    get: (row) => row.adSet && `${base(row)}/adGroups/${row.adSet.id}`,
  },
  "ad_group.id": { kind: "int64", get: (row) => row.adSet?.id },
  "ad_group.name": { kind: "string", get: (row) => row.adSet?.name },
  "ad_group.status": { kind: "enum", values: entityStatuses, get: (row) => row.adSet && "ENABLED" },
  "ad_group.campaign": {
    kind: "string",
    get: (row) => row.adSet && `${base(row)}/campaigns/${row.adSet.campaignId}`,
  },

  "ad_group_ad.resource_name": {
    kind: "string",
    get: (row) => row.ad && `${base(row)}/adGroupAds/${row.ad.adSetId}~${row.ad.id}`,
  },
  "ad_group_ad.status": { kind: "enum", values: entityStatuses, get: adStatus },
  "ad_group_ad.ad_group": {
    kind: "string",
    get: (row) => row.ad && `${base(row)}/adGroups/${row.ad.adSetId}`,
  },
  "ad_group_ad.ad.resource_name": { kind: "string", get: (row) => row.ad && `${base(row)}/ads/${row.ad.id}` },
  "ad_group_ad.ad.id": { kind: "int64", get: (row) => row.ad?.id },
  "ad_group_ad.ad.name": { kind: "string", get: (row) => row.ad?.name },
  "ad_group_ad.ad.type": {
    kind: "enum",
    values: ["RESPONSIVE_SEARCH_AD", "RESPONSIVE_DISPLAY_AD", "IMAGE_AD"],
    get: (row) => row.ad && "RESPONSIVE_SEARCH_AD",
  },
  "ad_group_ad.ad.final_urls": {
    kind: "list",
    get: (row) => row.ad && [`https://juniper-and-pine.example/?utm_source=google&utm_content=${row.ad.id}`],
  },
  "ad_group_ad.ad.responsive_search_ad.headlines": {
    kind: "list",
    get: (row) => row.ad && [{ text: row.ad.creative.title }],
  },
  "ad_group_ad.ad.responsive_search_ad.descriptions": {
    kind: "list",
    get: (row) => row.ad && [{ text: row.ad.creative.body }],
  },

  "segments.date": { kind: "date", get: (row) => row.date },

  // Metric fields are proto3 `optional`: Google writes a zero it computed ("clicks": "0").
  "metrics.impressions": { kind: "int64", get: (row) => row.metrics?.impressions },
  "metrics.clicks": { kind: "int64", get: (row) => row.metrics?.clicks },
  "metrics.cost_micros": {
    kind: "int64",
    get: (row) => row.metrics && minorToMicros(row.metrics.spend, row.customer.currency),
  },
  "metrics.conversions": { kind: "double", get: (row) => row.metrics?.conversions },
  "metrics.conversions_value": {
    kind: "double",
    get: (row) => row.metrics && minorToMajor(row.metrics.conversionValue, row.customer.currency),
  },
  "metrics.ctr": {
    kind: "double",
    get: (row) => row.metrics && (row.metrics.impressions ? row.metrics.clicks / row.metrics.impressions : 0),
  },
};

/** The resources whose fields a query FROM each resource may name (the resource itself and its attributed ones). */
export const resources: Record<string, { selectable: readonly string[]; metrics: boolean }> = {
  customer: { selectable: ["customer"], metrics: true },
  customer_client: { selectable: ["customer_client", "customer"], metrics: false },
  campaign: { selectable: ["campaign", "campaign_budget", "customer"], metrics: true },
  ad_group: { selectable: ["ad_group", "campaign", "customer"], metrics: true },
  ad_group_ad: { selectable: ["ad_group_ad", "ad_group", "campaign", "customer"], metrics: true },
};

/** `ad_group_ad.ad.id` → `ad_group_ad`. */
export const resourceOf = (field: string) => field.slice(0, field.indexOf("."));

/** proto3 JSON's names: `ad_group_ad.ad.final_urls` → `adGroupAd.ad.finalUrls`. */
export const jsonPath = (field: string) =>
  field.split(".").map((part) => part.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()));

/** A value as proto3 JSON writes it. */
export function encode(def: FieldDef, value: NonNullable<ReturnType<FieldDef["get"]>>): unknown {
  if (def.kind === "int64") return String(value);
  if (def.kind === "double") return Number(value);
  return value;
}
