import { systemChannel } from "@omnify/realtime";
import { replaceEqualDeep, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRealtimeEvent, useRealtimeStatus } from "./realtime.tsx";
import { applyHeartbeat, keepNewestHeartbeat } from "./system-status.ts";
import { type SystemStatus, useTRPC } from "./trpc.ts";

/** Without live updates the status is polled instead. */
const pollWithoutRealtimeMs = 60_000;

/**
 * `system.getStatus`, kept live: each `worker.heartbeat` event updates the cached
 * `latestHeartbeat` in place, and each (re)subscription refetches what may have been missed
 * (so a page load fetches twice: once at once, once when the channel is subscribed).
 */
export function useSystemStatus() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const realtime = useRealtimeStatus();

  useRealtimeEvent(
    systemChannel,
    "worker.heartbeat",
    (event) => {
      queryClient.setQueryData(trpc.system.getStatus.queryKey(), (status) => applyHeartbeat(status, event));
    },
    { onSubscribed: () => void queryClient.invalidateQueries(trpc.system.getStatus.pathFilter()) },
  );

  return useQuery({
    ...trpc.system.getStatus.queryOptions(),
    refetchInterval: realtime === "connected" ? false : pollWithoutRealtimeMs,
    structuralSharing: (previous, next) =>
      replaceEqualDeep(
        previous,
        keepNewestHeartbeat(previous as SystemStatus | undefined, next as SystemStatus),
      ),
  });
}
