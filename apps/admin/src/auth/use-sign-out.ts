import { authClient, describeAuthError, useTRPC } from "@omnify/client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/**
 * Ends the session. Staff data fetched under it is dropped from the cache, then `account.me`
 * is set to signed out, which makes the staff gate send the page to sign-in.
 */
export function useSignOut() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signOut() {
    setPending(true);
    setError(null);
    let failure: { status?: number; message?: string } | null;
    try {
      failure = (await authClient.signOut()).error;
    } catch {
      // No answer at all: describeAuthError words a status-less error as a network failure.
      failure = {};
    }
    if (failure) {
      setError(describeAuthError(failure));
      setPending(false);
      return;
    }
    const staffData = [
      trpc.admin.pathFilter(),
      trpc.system.getStatus.pathFilter(),
      trpc.system.listWorkers.pathFilter(),
    ];
    for (const filter of staffData) queryClient.removeQueries(filter);
    queryClient.setQueryData(trpc.account.me.queryKey(), { user: null });
  }

  return { signOut, pending, error };
}
