import {
  type Ad,
  type AdAccount,
  type AdDailyMetrics,
  type AdSet,
  type Campaign,
  type Connectors,
  type Creative,
  localDate,
  type Order,
  type TokenSource,
} from "@omnify/connectors";
import type { IntegrationAccount, Tx } from "@omnify/db";
import type { SyncStep } from "./plan.ts";
import { upsertAdMetrics, upsertAdSets, upsertAds, upsertCampaigns, upsertCreatives } from "./store/ads.ts";
import { upsertOrders } from "./store/orders.ts";

/** What one step fetched, held in memory until it is written with the checkpoint. */
export type StepData =
  | { kind: "campaigns"; rows: Campaign[] }
  | { kind: "ad_sets"; rows: AdSet[] }
  | { kind: "ads"; rows: Ad[] }
  | { kind: "creatives"; rows: Creative[] }
  | { kind: "ad_metrics"; metrics: AdDailyMetrics[] }
  | { kind: "orders"; orders: Order[] };

export const toAdAccount = (account: IntegrationAccount, platform: AdAccount["platform"]): AdAccount => ({
  platform,
  externalId: account.externalId,
  name: account.name,
  currency: account.currency,
  timeZone: account.timeZone,
  status: account.status === "active" ? "active" : "disabled",
  ...(account.loginCustomerId ? { loginCustomerId: account.loginCustomerId } : {}),
});

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for await (const page of pages) rows.push(...page);
  return rows;
}

/** Asks the platform for one step's data. Throws the connector's error as it is. */
export async function fetchStep(
  connectors: Connectors,
  tokens: TokenSource,
  step: SyncStep,
  account: AdAccount,
): Promise<StepData> {
  if (step.kind === "orders") {
    const store = connectors.shopify;
    if (!store) throw new Error("Shopify is not configured on this server.");
    const range = { updatedSince: new Date(step.updatedSince), updatedBefore: new Date(step.updatedBefore) };
    const orders = await collect(
      step.bulk ? store.bulkOrders(tokens, account, range) : store.orders(tokens, account, range),
    );
    return { kind: "orders", orders };
  }
  const platform = account.platform;
  const connector = platform === "shopify" ? null : connectors[platform];
  if (!connector) throw new Error(`${platform} is not configured on this server.`);
  if (step.kind === "dimensions") {
    switch (step.entity) {
      case "campaigns":
        return { kind: "campaigns", rows: await connector.listCampaigns(tokens, account) };
      case "ad_sets":
        return { kind: "ad_sets", rows: await connector.listAdSets(tokens, account) };
      case "ads":
        return { kind: "ads", rows: await connector.listAds(tokens, account) };
      case "creatives":
        return { kind: "creatives", rows: await connector.listCreatives(tokens, account) };
    }
  }
  const metrics = await collect(
    connector.dailyMetrics(tokens, account, { since: step.since, until: step.until }),
  );
  return { kind: "ad_metrics", metrics };
}

export interface WrittenStep {
  rows: Record<string, number>;
  /** Shop days whose rollups change, if any. */
  affected: { since: string; until: string } | null;
}

/** Upserts one step's rows in the caller's transaction. */
export async function writeStep(
  tx: Tx,
  target: { shopId: string; shopTimeZone: string; account: AdAccount },
  step: SyncStep,
  data: StepData,
  at: Date,
): Promise<WrittenStep> {
  const { shopId } = target;
  switch (data.kind) {
    case "campaigns":
      return {
        rows: { ad_campaigns: await upsertCampaigns(tx, shopId, data.rows, at, target.account.currency) },
        affected: null,
      };
    case "ad_sets":
      return { rows: { ad_sets: await upsertAdSets(tx, shopId, data.rows, at) }, affected: null };
    case "ads":
      return { rows: { ads: await upsertAds(tx, shopId, data.rows, at) }, affected: null };
    case "creatives":
      return { rows: { ad_creatives: await upsertCreatives(tx, shopId, data.rows, at) }, affected: null };
  }
  if (data.kind === "ad_metrics" && step.kind === "ad_metrics") {
    const written = await upsertAdMetrics(tx, shopId, data.metrics, at);
    // Ad days are the account's days, reported on the same calendar day for the shop.
    return { rows: { ad_metrics_daily: written }, affected: { since: step.since, until: step.until } };
  }
  if (data.kind !== "orders") throw new Error(`step ${step.kind} fetched ${data.kind}`);
  const counts = await upsertOrders(tx, shopId, data.orders, at);
  const days = data.orders.map((order) => localDate(order.createdAt, target.shopTimeZone)).sort();
  return {
    rows: { ...counts },
    affected: days.length ? { since: days[0] as string, until: days.at(-1) as string } : null,
  };
}
