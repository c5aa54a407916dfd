import { formatNumber, type StatusTone } from "@omnify/ui";
import type { Platform, SyncRun, SyncRunStatus, SyncTrigger } from "../../api-types.ts";
import { formatTime } from "../../components/format-date.ts";

export const platformNames: Record<Platform, string> = {
  meta: "Meta",
  google: "Google Ads",
  tiktok: "TikTok",
  shopify: "Shopify",
};

export const runStatusBadges: Record<SyncRunStatus, { label: string; tone: StatusTone }> = {
  queued: { label: "Queued", tone: "neutral" },
  running: { label: "Running", tone: "neutral" },
  succeeded: { label: "Succeeded", tone: "ok" },
  partial: { label: "Partly synced", tone: "warn" },
  failed: { label: "Failed", tone: "error" },
};

export const triggerLabels: Record<SyncTrigger, string> = {
  schedule: "Scheduled",
  user: "Sync now",
  backfill: "First sync",
};

/** The tables a run writes, as members would name them; unknown tables keep their own name. */
const tableLabels: Record<string, string> = {
  ad_campaigns: "Campaigns",
  ad_sets: "Ad sets",
  ads: "Ads",
  ad_creatives: "Creatives",
  ad_metrics_daily: "Daily ad metrics",
  orders: "Orders",
  order_lines: "Order lines",
  order_refunds: "Refunds",
};

export const tableLabel = (table: string) => tableLabels[table] ?? table;

export const rowsText = (rows: number) => `${formatNumber(rows)} ${rows === 1 ? "row" : "rows"}`;

export const isActive = (status: SyncRunStatus) => status === "queued" || status === "running";

/**
 * The line under a progress bar. A run waits with `waitingUntil` set when the platform
 * rate-limited it or it backs off; a queued run that never started waits for its turn.
 */
export function progressText(
  run: Pick<SyncRun, "status" | "progress" | "rows" | "waitingUntil" | "startedAt" | "platform">,
): string {
  const started = run.status === "running" || run.startedAt !== null || run.progress > 0;
  if (run.waitingUntil && started) {
    return `Waiting for ${platformNames[run.platform]}'s rate limit until ${formatTime(run.waitingUntil)}`;
  }
  if (!started) {
    return run.waitingUntil ? `Queued to start at ${formatTime(run.waitingUntil)}` : "Queued…";
  }
  return `Syncing… ${run.progress}% · ${rowsText(run.rows)}`;
}
