import type { AppRouter } from "@omnify/client";
import type { QueryClient } from "@tanstack/react-query";
import type { TRPCOptionsProxy } from "@trpc/tanstack-react-query";

/** What every route's `beforeLoad` may use: the guards read the session through the query cache. */
export interface RouterContext {
  queryClient: QueryClient;
  trpc: TRPCOptionsProxy<AppRouter>;
}
