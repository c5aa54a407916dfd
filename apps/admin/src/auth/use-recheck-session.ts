import { httpStatusOf, useTRPC } from "@omnify/client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

const sessionProblems = new Set([401, 403]);

/**
 * A staff call answered UNAUTHORIZED (session expired or revoked) or FORBIDDEN (staff role
 * removed) means the cached `account.me` is out of date: fetch it again, so that the staff
 * gate shows sign-in or the staff-only notice instead of a page of errors.
 */
export function useRecheckSessionOnAuthErrors() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  useEffect(() => {
    const recheck = (error: unknown) => {
      if (sessionProblems.has(httpStatusOf(error) ?? 0)) {
        void queryClient.invalidateQueries(trpc.account.me.queryFilter());
      }
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") recheck(event.action.error);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "error") recheck(event.action.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, trpc]);
}
