// Types only: the API's runtime (database, services) must never reach a browser bundle.
import type { AppRouter } from "@omnify/trpc";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext, type inferOutput, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import superjson from "superjson";

export type { AppRouter };

/** `useTRPC()` returns the typed proxy: `trpc.system.getStatus.queryOptions()`, `.queryKey()`, `.pathFilter()`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export interface TrpcClientOptions {
  /** Where the API's tRPC endpoint is; the SPAs are served from the API's origin, so "/trpc". */
  url?: string;
}

export function createTrpcClient({ url = "/trpc" }: TrpcClientOptions = {}) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url,
        transformer: superjson,
        // Session cookies travel with every call, also when the API sits on another origin.
        fetch: (input, init) => fetch(input, { ...(init as RequestInit), credentials: "include" }),
      }),
    ],
  });
}

export type TrpcClient = ReturnType<typeof createTrpcClient>;

type Api = TRPCOptionsProxy<AppRouter>;
/** `system.getStatus` as the browser sees it (dates are `Date`s thanks to superjson). */
export type SystemStatus = inferOutput<Api["system"]["getStatus"]>;
/** Runtime configuration of this deployment (`system.getClientConfig`). */
export type ClientConfig = inferOutput<Api["system"]["getClientConfig"]>;
