import { describeError, useTRPC } from "@omnify/client";
import { Button } from "@omnify/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

export interface SyncNowButtonProps {
  shopId: string;
  integrationId: string;
  /** The platform's name: "Meta". */
  name: string;
  /** A run of this integration is queued or running: asking again would only join it. */
  active: boolean;
}

/** Asks for a sync of one integration now; its progress bar then appears on the card. */
export function SyncNowButton({ shopId, integrationId, name, active }: SyncNowButtonProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const syncNow = useMutation(
    trpc.sync.now.mutationOptions({
      // Pending until the run is in the active list, so the button never re-enables in between.
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.sync.active.queryKey({ shopId }) }),
          queryClient.invalidateQueries(trpc.sync.runs.pathFilter()),
        ]),
    }),
  );

  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        variant="secondary"
        disabled={active || syncNow.isPending}
        aria-busy={syncNow.isPending || undefined}
        onClick={async () => {
          setError(null);
          try {
            await syncNow.mutateAsync({ shopId, integrationId });
          } catch (failure) {
            setError(describeError(failure));
          }
        }}
      >
        {syncNow.isPending ? "Starting…" : "Sync now"}
        <span className="sr-only"> from {name}</span>
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
