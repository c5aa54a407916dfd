import type { AdPlatform } from "@omnify/connectors";

/** How much a sync fetches and how it waits; every field has an environment variable in the worker. */
export interface SyncSettings {
  /** Days of history fetched when an account syncs for the first time. */
  backfillDays: number;
  /** Days per step: a step's rows and its checkpoint commit together. */
  chunkDays: number;
  /**
   * Days re-fetched by every incremental sync, per platform: platforms keep
   * restating recent days while conversions are attributed.
   */
  lookbackDays: Record<AdPlatform, number>;
  /** Days re-fetched by the nightly full sync (slow restatements, late refunds). */
  fullLookbackDays: number;
  /** First backoff after a failure; doubles with each failure in a row. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Failures in a row (rate limits included) after which a run gives up. */
  maxFailureStreak: number;
  /** Scheduled syncs start spread over this window, so 1,000 shops do not start in the same second. */
  scheduleSpreadSeconds: number;
}

export const defaultSyncSettings: SyncSettings = {
  backfillDays: 90,
  chunkDays: 14,
  // Meta's default attribution is 7-day click; Google's conversions keep arriving for
  // weeks; TikTok's window is 7 days. (Shopify re-reads orders by update time instead.)
  lookbackDays: { meta: 7, google: 14, tiktok: 7 },
  fullLookbackDays: 30,
  backoffBaseMs: 2_000,
  backoffMaxMs: 5 * 60_000,
  maxFailureStreak: 20,
  scheduleSpreadSeconds: 600,
};

/** The wait before retrying after the n-th failure in a row: exponential, capped, with ±20 % jitter. */
export function backoffMs(settings: SyncSettings, failureStreak: number, random = Math.random): number {
  const exponential = settings.backoffBaseMs * 2 ** Math.max(0, failureStreak - 1);
  const capped = Math.min(settings.backoffMaxMs, exponential);
  return Math.round(capped * (0.8 + 0.4 * random()));
}
