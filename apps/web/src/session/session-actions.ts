import { authClient, describeAuthError, useTRPC } from "@omnify/client";
import { hashKey, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";

export interface SignOutOptions {
  /** Prefills the sign-in page, e.g. with an invitation's address. */
  email?: string;
  /** Where sign-in leads afterwards. */
  redirect?: string;
}

/**
 * Signs out and lands on the sign-in page. Returns an error sentence, or null on success.
 * The signed-out state is written into the cache before navigating, so that no guard sends
 * the visitor back; the previous account's data is dropped only after the page has changed,
 * so the page being left never refetches it without a session.
 */
export function useSignOut(): (options?: SignOutOptions) => Promise<string | null> {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const navigate = useNavigate();
  return async (options = {}) => {
    const { error } = await authClient.signOut();
    if (error) return describeAuthError(error);
    const meKey = trpc.account.me.queryKey();
    queryClient.setQueryData(meKey, { user: null });
    await navigate({ to: "/sign-in", search: options });
    const meHash = hashKey(meKey);
    queryClient.removeQueries({ predicate: (query) => query.queryHash !== meHash });
    return null;
  };
}

/** After sign-in, sign-up or a password reset: nothing cached belongs to the session now in place. */
export function useSessionChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.resetQueries();
}
