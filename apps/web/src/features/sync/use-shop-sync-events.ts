import { useRealtimeEvent, useTRPC } from "@omnify/client";
import { type SyncRunEvent, shopChannel } from "@omnify/realtime";
import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { applySyncEvent } from "./apply-sync-event.ts";

/**
 * Keeps the shop's sync caches live from its private channel: progress moves the runs in
 * `sync.active` in place; a finished run also changes the history and may change a connection's
 * status (a refused token marks it for reconnecting), so those are fetched again.
 */
export function useShopSyncEvents(shopId: string): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // useRealtimeEvent subscribes again whenever the channel object changes.
  const channel = useMemo(() => shopChannel(shopId), [shopId]);
  const activeKey = trpc.sync.active.queryKey({ shopId });

  const moveRun = (event: SyncRunEvent) => {
    const runs = queryClient.getQueryData(activeKey);
    const next = runs ? applySyncEvent(runs, event) : null;
    if (next) queryClient.setQueryData(activeKey, next);
    else void queryClient.invalidateQueries({ queryKey: activeKey });
  };

  useRealtimeEvent(channel, "sync.progress", moveRun, {
    // Whatever moved while the connection was down was missed.
    onSubscribed: () => void queryClient.invalidateQueries({ queryKey: activeKey }),
  });
  useRealtimeEvent(channel, "sync.finished", (event) => {
    moveRun(event);
    void queryClient.invalidateQueries(trpc.sync.runs.pathFilter());
    void queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey({ shopId }) });
  });
}
