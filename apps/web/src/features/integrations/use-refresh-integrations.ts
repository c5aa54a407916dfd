import { useTRPC } from "@omnify/client";
import { useQueryClient } from "@tanstack/react-query";

/**
 * After a change to a connection or its accounts: the cards read everything from one list, and
 * a change may have queued a sync (saving accounts starts the first one) whose bar they show.
 */
export function useRefreshIntegrations(shopId: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey({ shopId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.sync.active.queryKey({ shopId }) }),
    ]);
  };
}
