/**
 * Workers beat once a minute (workers/crontab); three missed beats mean no worker is
 * running the schedule, or none can reach the database.
 */
export const staleAfterMs = 3 * 60_000;

export type HeartbeatFreshness = "none" | "fresh" | "stale";

export function heartbeatFreshness(beatAt: Date | undefined, now: Date): HeartbeatFreshness {
  if (!beatAt) return "none";
  return now.getTime() - beatAt.getTime() > staleAfterMs ? "stale" : "fresh";
}
