import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { initAnalytics } from "./analytics.ts";
import { useClientConfig } from "./client-config.ts";
import { createQueryClient } from "./query-client.ts";
import { RealtimeProvider } from "./realtime.tsx";
import { createTrpcClient, TRPCProvider, type TrpcClient } from "./trpc.ts";

export interface AppProvidersProps {
  children: ReactNode;
  /** Defaults to `createQueryClient()`; pass one to share it with code outside React. */
  queryClient?: QueryClient;
  /** Defaults to `createTrpcClient()`. */
  trpcClient?: TrpcClient;
}

function AnalyticsFromConfig() {
  const { data } = useClientConfig();
  useEffect(() => {
    if (data) initAnalytics(data.analytics);
  }, [data]);
  return null;
}

/** Query client, tRPC, realtime and analytics for an SPA: wrap the router in this. */
export function AppProviders({ children, queryClient, trpcClient }: AppProvidersProps) {
  const [queries] = useState(() => queryClient ?? createQueryClient());
  const [trpc] = useState(() => trpcClient ?? createTrpcClient());
  return (
    <QueryClientProvider client={queries}>
      <TRPCProvider queryClient={queries} trpcClient={trpc}>
        <RealtimeProvider>
          <AnalyticsFromConfig />
          {children}
        </RealtimeProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
