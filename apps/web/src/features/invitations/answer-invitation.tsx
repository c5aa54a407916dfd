import { describeError, useTRPC } from "@omnify/client";
import { Button, FormAlert } from "@omnify/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { rememberLastShop } from "../../session/last-shop.ts";

/** Accept or decline, for the invited address's account. */
export function AnswerInvitation({ token, shopName }: { token: string; shopName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const decline = useMutation(trpc.invitations.decline.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  async function onAccept() {
    setError(null);
    let shopId: string;
    try {
      ({ shopId } = await accept.mutateAsync({ token }));
    } catch (failure) {
      setError(describeError(failure));
      // The invitation may have changed meanwhile (expired, withdrawn): show its state.
      await queryClient.invalidateQueries({ queryKey: trpc.invitations.preview.queryKey({ token }) });
      return;
    }
    rememberLastShop(shopId);
    // Accepting also verified the address, and added a shop to the switcher.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.shops.listMine.queryKey() }),
    ]);
    await navigate({ to: "/shops/$shopId", params: { shopId } });
  }

  return (
    <div className="flex flex-col gap-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="flex flex-wrap gap-2">
        <Button
          onClick={() => void onAccept()}
          disabled={accept.isPending}
          aria-busy={accept.isPending || undefined}
        >
          {accept.isPending ? "Joining…" : "Accept invitation"}
        </Button>
        <ConfirmButton
          size="md"
          title={`Decline the invitation to ${shopName}?`}
          description="The link stops working. To join later, you would need a new invitation."
          confirmLabel="Decline invitation"
          pendingLabel="Declining…"
          action={async () => {
            await decline.mutateAsync({ token });
            await queryClient.invalidateQueries({ queryKey: trpc.invitations.preview.queryKey({ token }) });
          }}
        >
          Decline
        </ConfirmButton>
      </div>
    </div>
  );
}
