import { useTRPC } from "@omnify/client";
import { useQueryClient } from "@tanstack/react-query";

/** After a change to a connection or its accounts: the cards read everything from one list. */
export function useRefreshIntegrations(shopId: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey({ shopId }) });
}
