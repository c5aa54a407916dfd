import { useRealtimeStatus, useTRPC } from "@omnify/client";
import { useQuery } from "@tanstack/react-query";
import type { SyncRun } from "../../api-types.ts";

/**
 * The shop's queued and running syncs. Events move them (useShopSyncEvents); while any is
 * active a slow poll catches an event that was lost, and a fast one stands in for events
 * when the realtime connection is down.
 */
export function useActiveRuns(shopId: string) {
  const trpc = useTRPC();
  const realtime = useRealtimeStatus();
  return useQuery({
    ...trpc.sync.active.queryOptions({ shopId }),
    refetchInterval: (query) =>
      query.state.data?.length ? (realtime === "connected" ? 30_000 : 5_000) : false,
  });
}

/** The newest active run of one integration, if any. */
export function activeRunOf(runs: SyncRun[] | undefined, integrationId: string): SyncRun | undefined {
  return runs?.find((run) => run.integrationId === integrationId);
}
