export { type AnalyticsConfig, identifyUser, initAnalytics, trackPageView } from "./analytics.ts";
export { AppProviders, type AppProvidersProps } from "./app-providers.tsx";
export { AppRoot, type AppRootProps, appContainer } from "./app-root.tsx";
export { authClient, describeAuthError, serverFieldErrors } from "./auth-client.ts";
export { useClientConfig } from "./client-config.ts";
export { ErrorBoundary, type ErrorBoundaryProps } from "./error-boundary.tsx";
export { type ErrorScreenProps, type ReloadableRouter, routeErrorProps } from "./error-screens.ts";
export { type NavigatingRouter, trackPageViews } from "./page-views.ts";
export { createQueryClient, describeError, httpStatusOf, shouldRetry } from "./query-client.ts";
export {
  type AnyChannel,
  RealtimeConnectionProvider,
  type RealtimeConnectionProviderProps,
  type RealtimeEventOptions,
  RealtimeProvider,
  type RealtimeStatus,
  toRealtimeStatus,
  useRealtimeEvent,
  useRealtimeStatus,
} from "./realtime.tsx";
export {
  applyHeartbeat,
  keepNewestHeartbeat,
  type MigrationHealth,
  migrationHealth,
  shortDatabaseVersion,
} from "./system-status.ts";
export {
  type AppRouter,
  type ClientConfig,
  createTrpcClient,
  type SystemStatus,
  TRPCProvider,
  type TrpcClient,
  type TrpcClientOptions,
  useTRPC,
  useTRPCClient,
} from "./trpc.ts";
export { useSystemStatus } from "./use-system-status.ts";
