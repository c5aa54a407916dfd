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
import { onTestFinished } from "vitest";
import { createQueryClient } from "./query-client.ts";
import { type AnyChannel, RealtimeConnectionProvider } from "./realtime.tsx";
import { type AppRouter, createTrpcClient, type SystemStatus, TRPCProvider } from "./trpc.ts";

export interface TestHarnessOptions {
  /** Put in the cache as the answer of `system.getStatus`, so the component has it at once. */
  systemStatus?: SystemStatus;
}

/** Call inside a test: the harness is disposed of when that test finishes. */
export function createTestHarness({ systemStatus }: TestHarnessOptions = {}) {
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
  if (systemStatus) queryClient.setQueryData(trpc.system.getStatus.queryKey(), systemStatus);

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
  onTestFinished(dispose);

  return { queryClient, trpc, realtime, Providers, deliver, dispose };
}

export type TestHarness = ReturnType<typeof createTestHarness>;

/** A healthy `system.getStatus` answer checked just now: migrations current, no heartbeat yet. */
export function createSystemStatus(overrides: Partial<SystemStatus> = {}): SystemStatus {
  return {
    database: { version: "PostgreSQL 18.1 on x86_64-pc-linux-gnu, compiled by gcc 12.2.0, 64-bit" },
    migrations: { applied: ["20261121000000_init"], pending: [], failed: [], current: true },
    latestHeartbeat: null,
    checkedAt: new Date(),
    ...overrides,
  };
}
