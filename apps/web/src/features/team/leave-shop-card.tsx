import { useTRPC } from "@omnify/client";
import { Card } from "@omnify/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { Shop } from "../../api-types.ts";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { forgetLastShop } from "../../session/last-shop.ts";

export function LeaveShopCard({ shop }: { shop: Shop }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const leave = useMutation(trpc.team.leave.mutationOptions());

  return (
    <Card
      title="Leave this shop"
      description="You lose access at once; someone has to invite you again to come back."
    >
      <ConfirmButton
        size="md"
        title={`Leave ${shop.name}?`}
        description={
          shop.role === "owner"
            ? "A shop needs an owner: if you are the only one, make someone else owner first."
            : "You will no longer see this shop or its data."
        }
        confirmLabel="Leave shop"
        pendingLabel="Leaving…"
        action={async () => {
          await leave.mutateAsync({ shopId: shop.id });
          forgetLastShop(shop.id);
          await queryClient.invalidateQueries({ queryKey: trpc.shops.listMine.queryKey() });
          await navigate({ to: "/" });
          // Only now: refetching while its pages were still open would show "not found".
          queryClient.removeQueries({ queryKey: trpc.shops.get.queryKey({ shopId: shop.id }) });
        }}
      >
        Leave shop
      </ConfirmButton>
    </Card>
  );
}
