import { useTRPC } from "@omnify/client";
import { useQueryClient } from "@tanstack/react-query";

/** After a change to the team: members, invitations, and your own role (it may have changed). */
export function useRefreshTeam(shopId: string): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.team.listMembers.queryKey({ shopId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.team.listInvitations.queryKey({ shopId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.shops.get.queryKey({ shopId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.shops.listMine.queryKey() }),
    ]);
  };
}
