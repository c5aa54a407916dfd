import type { SyncRunEvent } from "@omnify/realtime";
import type { SyncRun } from "../../api-types.ts";
import { isActive } from "./labels.ts";

/**
 * The cached `sync.active` list after a `sync.progress` or `sync.finished` event: the run moves
 * in place, and leaves the list once it is no longer queued or running. Returns null when the
 * event is about a run the list does not hold (queued by a schedule or another member): only a
 * refetch can add it with everything the page shows.
 */
export function applySyncEvent(runs: SyncRun[], event: SyncRunEvent): SyncRun[] | null {
  const current = runs.find((run) => run.id === event.runId);
  if (!current) return isActive(event.status) ? null : runs;
  if (!isActive(event.status)) return runs.filter((run) => run.id !== event.runId);
  // Events can arrive late or twice; counters of one run only grow.
  const next: SyncRun = {
    ...current,
    status: event.status,
    progress: Math.max(current.progress, event.progress),
    rows: Math.max(current.rows, event.rows),
    apiCalls: Math.max(current.apiCalls, event.apiCalls),
    waitingUntil: event.waitingUntil ? new Date(event.waitingUntil) : null,
    error: event.error,
  };
  return runs.map((run) => (run.id === event.runId ? next : run));
}
