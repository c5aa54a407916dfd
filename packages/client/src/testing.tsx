/**
 * Helpers for component tests of the SPAs: real providers around a seeded query cache and a
 * real (never connected) pusher-js client whose channels the test can deliver events to.
 */
import type { EventName } from "@omnify/realtime";
import { connectRealtime } from "@omnify/realtime/browser";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type Pusher from "pusher-js";
import type { ReactNode } from "react";
import { createQueryClient } from "./query-client.ts";
import { type AnyChannel, RealtimeConnectionProvider } from "./realtime.tsx";
import { type AppRouter, createTrpcClient, TRPCProvider } from "./trpc.ts";

export function createTestHarness() {
  const queryClient = createQueryClient();
  // Nothing listens here: tests seed the cache, and a request reaching the network fails loudly.
  const trpcClient = createTrpcClient({ url: "http://127.0.0.1:9/trpc" });
  const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
  const realtime: Pusher = connectRealtime({
    key: "test",
    cluster: "test",
    host: "127.0.0.1",
    port: 9,
    useTLS: false,
  });
  realtime.disconnect();

  function Providers({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <TRPCProvider queryClient={queryClient} trpcClient={trpcClient}>
          <RealtimeConnectionProvider connection={realtime}>{children}</RealtimeConnectionProvider>
        </TRPCProvider>
      </QueryClientProvider>
    );
  }

  /** Hands `payload` to the channel as if it had just arrived from the server. */
  function deliver<C extends AnyChannel>(channel: C, event: EventName<C>, payload: unknown): void {
    realtime.channel(channel.name).emit(event, payload);
  }

  function dispose(): void {
    queryClient.clear();
    realtime.disconnect();
  }

  return { queryClient, trpc, realtime, Providers, deliver, dispose };
}
