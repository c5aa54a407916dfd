import { describeError } from "@omnify/client";
import { Button } from "@omnify/ui";
import { useId, useState } from "react";
import type { Platform } from "../../api-types.ts";
import { useConnect } from "./use-connect.ts";

export interface ConnectButtonProps {
  shopId: string;
  platform: Platform;
  name: string;
  /** False when this server has no credentials for the platform: the button explains instead. */
  available: boolean;
  /** "Reconnect" for a connection the platform stopped accepting; "Connect <Name>" otherwise. */
  reconnect?: boolean;
  /** Shopify's store, for a reconnect. */
  shopDomain?: string;
}

/** Sends the owner to the platform's consent page; the platform brings them back here. */
export function ConnectButton({
  shopId,
  platform,
  name,
  available,
  reconnect,
  shopDomain,
}: ConnectButtonProps) {
  const connect = useConnect(shopId, platform);
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();

  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        variant={reconnect ? "primary" : "secondary"}
        disabled={!available || connect.pending}
        aria-describedby={available ? undefined : noteId}
        aria-busy={connect.pending || undefined}
        onClick={async () => {
          setError(null);
          try {
            await connect.start(shopDomain);
          } catch (failure) {
            setError(describeError(failure));
          }
        }}
      >
        {connect.pending ? `Opening ${name}…` : reconnect ? "Reconnect" : `Connect ${name}`}
        {reconnect && !connect.pending ? <span className="sr-only"> {name}</span> : null}
      </Button>
      {available ? null : (
        <p id={noteId} className="text-sm text-slate-600">
          This Omnify server has no {name} app credentials, so it cannot connect {name} yet. Whoever runs the
          server can add them.
        </p>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
