import { authClient } from "@omnify/client";
import { queryOptions } from "@tanstack/react-query";
import { unwrapAuth } from "../../forms/auth-call.ts";

// Better Auth's session endpoints are not tRPC procedures: their queries get keys of their own.
export const sessionsQueryKey = ["auth", "sessions"] as const;

export const sessionsQuery = queryOptions({
  queryKey: sessionsQueryKey,
  queryFn: () => unwrapAuth(authClient.listSessions()),
  retry: false,
});

/** The session of this browser, to mark "This device" in the list. */
export const currentSessionQuery = queryOptions({
  queryKey: ["auth", "current-session"] as const,
  queryFn: () => unwrapAuth(authClient.getSession()),
  retry: false,
});
