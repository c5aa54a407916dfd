import { useTRPC } from "@omnify/client";
import { useQuery } from "@tanstack/react-query";

/**
 * `account.me`: who is signed in, or `{ user: null }`. The staff gate, the header and the
 * sign-in page all read this one cached answer.
 */
export function useViewer() {
  const trpc = useTRPC();
  return useQuery(trpc.account.me.queryOptions());
}

export type Viewer = NonNullable<NonNullable<ReturnType<typeof useViewer>["data"]>["user"]>;
