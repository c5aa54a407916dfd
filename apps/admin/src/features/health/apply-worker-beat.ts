import type { HeartbeatEvent } from "@omnify/realtime";
import type { WorkerRow } from "../../components/types.ts";

/**
 * The cached workers list after a `worker.heartbeat` event: the worker's row takes the newer
 * beat in place. Returns null when the worker is not on a loaded page (a new process): only a
 * refetch can place it.
 */
export function applyWorkerBeat<Page extends { items: WorkerRow[] }, Data extends { pages: Page[] }>(
  data: Data,
  event: HeartbeatEvent,
): Data | null {
  const beatAt = new Date(event.beatAt);
  let found = false;
  const pages: Page[] = data.pages.map((page) => ({
    ...page,
    items: page.items.map((worker) => {
      if (worker.workerId !== event.workerId) return worker;
      found = true;
      // Events may arrive late or twice: never go back in time.
      return beatAt > worker.beatAt ? { ...worker, hostname: event.hostname, beatAt } : worker;
    }),
  }));
  return found ? { ...data, pages } : null;
}
