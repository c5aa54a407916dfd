import { addDays, chunkRange, localDate, type Platform } from "@omnify/connectors";
import { z } from "zod";
import type { SyncSettings } from "./settings.ts";

export const dimensionEntities = ["campaigns", "ad_sets", "ads", "creatives"] as const;

/**
 * One unit of a run: fetched whole, then written together with the run's
 * checkpoint in one transaction. Ad-account steps name the account by our id.
 */
export const syncStep = z.discriminatedUnion("kind", [
  /**
   * One kind of an ad account's entities. Each is its own step, so a rate
   * limit costs at most one list's requests.
   */
  z.object({ kind: z.literal("dimensions"), accountId: z.uuid(), entity: z.enum(dimensionEntities) }),
  /** Daily ad metrics for the account's days in [since, until]. */
  z.object({ kind: z.literal("ad_metrics"), accountId: z.uuid(), since: z.iso.date(), until: z.iso.date() }),
  /** Orders updated in [updatedSince, updatedBefore); `bulk` for backfills (Shopify bulk operation). */
  z.object({
    kind: z.literal("orders"),
    accountId: z.uuid(),
    updatedSince: z.iso.datetime(),
    updatedBefore: z.iso.datetime(),
    bulk: z.boolean(),
  }),
]);
export type SyncStep = z.output<typeof syncStep>;
export type DimensionEntity = (typeof dimensionEntities)[number];
export const syncPlan = z.array(syncStep);

export type SyncMode = "incremental" | "full";

/** What an account has synced so far (`integration_accounts.sync_state`). */
export const accountSyncState = z.object({
  /** Ad accounts: the last day whose metrics were fetched (possibly a partial today). */
  metricsThrough: z.iso.date().optional(),
  /** Stores: orders updated before this instant are in. */
  ordersUpdatedBefore: z.iso.datetime().optional(),
});
export type AccountSyncState = z.output<typeof accountSyncState>;

export interface PlannedAccount {
  id: string;
  timeZone: string;
  syncState: AccountSyncState;
}

const earliest = (a: string, b: string) => (a < b ? a : b);

/**
 * The steps of one run, oldest data first. A first sync backfills
 * `backfillDays`; later ones fetch from where the last one stopped, and always
 * re-fetch the lookback window because platforms restate recent days.
 */
export function planSync(input: {
  platform: Platform;
  mode: SyncMode;
  accounts: PlannedAccount[];
  now: Date;
  settings: SyncSettings;
}): SyncStep[] {
  const { platform, mode, accounts, now, settings } = input;
  if (platform === "shopify") {
    return accounts.flatMap((account) => {
      const synced = account.syncState.ordersUpdatedBefore;
      const backfill = !synced;
      const day = 86_400_000;
      // Orders are read by update time: a refund or an edit brings an old order back.
      // A little before the cursor is re-read, as the writers' clocks differ.
      const since = backfill
        ? new Date(now.getTime() - settings.backfillDays * day)
        : new Date(
            Math.min(
              Date.parse(synced) - 5 * 60_000,
              mode === "full" ? now.getTime() - settings.fullLookbackDays * day : Number.POSITIVE_INFINITY,
            ),
          );
      return timeWindows(since, now, settings.chunkDays).map(([from, to]) => ({
        kind: "orders" as const,
        accountId: account.id,
        updatedSince: from.toISOString(),
        updatedBefore: to.toISOString(),
        bulk: backfill,
      }));
    });
  }
  const lookback = mode === "full" ? settings.fullLookbackDays : settings.lookbackDays[platform];
  return accounts.flatMap((account) => {
    const today = localDate(now, account.timeZone);
    const through = account.syncState.metricsThrough;
    const since = through
      ? earliest(through, addDays(today, -(lookback - 1)))
      : addDays(today, -(settings.backfillDays - 1));
    return [
      ...dimensionEntities.map((entity) => ({ kind: "dimensions" as const, accountId: account.id, entity })),
      ...chunkRange({ since, until: today }, settings.chunkDays).map((range) => ({
        kind: "ad_metrics" as const,
        accountId: account.id,
        ...range,
      })),
    ];
  });
}

/** [from, to) windows of at most `days` days covering [since, until). */
function timeWindows(since: Date, until: Date, days: number): [Date, Date][] {
  const windows: [Date, Date][] = [];
  const width = days * 86_400_000;
  for (let start = since.getTime(); start < until.getTime(); start += width) {
    windows.push([new Date(start), new Date(Math.min(start + width, until.getTime()))]);
  }
  return windows;
}

/** How much of the run a step is worth, for the progress bar (days of data; an account's entities as a day). */
export function stepWeight(step: SyncStep): number {
  if (step.kind === "dimensions") return 1 / dimensionEntities.length;
  if (step.kind === "ad_metrics")
    return Date.parse(step.until) / 86_400_000 - Date.parse(step.since) / 86_400_000 + 1;
  return Math.max(1, (Date.parse(step.updatedBefore) - Date.parse(step.updatedSince)) / 86_400_000);
}

export function progressAfter(plan: SyncStep[], stepsDone: number): number {
  const total = plan.reduce((sum, step) => sum + stepWeight(step), 0);
  if (total === 0) return 100;
  const done = plan.slice(0, stepsDone).reduce((sum, step) => sum + stepWeight(step), 0);
  return Math.min(100, Math.floor((done / total) * 100));
}
