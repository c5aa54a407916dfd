import { useTRPC } from "@omnify/client";
import { useMutation } from "@tanstack/react-query";
import type { Revocation } from "../../api-types.ts";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { useRefreshIntegrations } from "./use-refresh-integrations.ts";

export interface DisconnectButtonProps {
  shopId: string;
  integrationId: string;
  name: string;
  /** Told whether the platform confirmed it dropped Omnify's access. */
  onDisconnected: (revocation: Revocation) => void;
}

export function DisconnectButton({ shopId, integrationId, name, onDisconnected }: DisconnectButtonProps) {
  const trpc = useTRPC();
  const refreshIntegrations = useRefreshIntegrations(shopId);
  const disconnect = useMutation(trpc.integrations.disconnect.mutationOptions());

  return (
    <ConfirmButton
      size="md"
      title={`Disconnect ${name}?`}
      description="Omnify deletes its tokens and stops syncing; data already synced stays."
      confirmLabel="Disconnect"
      pendingLabel="Disconnecting…"
      action={async () => {
        const { revocation } = await disconnect.mutateAsync({ shopId, integrationId });
        onDisconnected(revocation);
        await refreshIntegrations();
      }}
    >
      Disconnect<span className="sr-only"> {name}</span>
    </ConfirmButton>
  );
}
