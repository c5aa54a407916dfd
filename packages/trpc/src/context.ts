import type { Db } from "@omnify/db";
import type { Logger } from "@omnify/logger";
import type { RealtimeClientConfig } from "@omnify/realtime";

/** What the browser may know about this deployment: no secret ever goes here. */
export interface ClientConfig {
  environment: "development" | "production" | "test";
  realtime: RealtimeClientConfig;
  analytics: { posthogKey: string; posthogHost: string } | null;
}

/** Process-wide dependencies, created once at start-up and shared by every request. */
export interface ServerDeps {
  db: Db;
  clientConfig: ClientConfig;
}

/**
 * Who is calling. A discriminated union so that a procedure never sees half a
 * session; accounts add the signed-in variant.
 */
export type Viewer = { kind: "anonymous" };

export interface Context extends ServerDeps {
  requestId: string;
  /** Request-scoped: every line carries the request id. */
  log: Logger;
  viewer: Viewer;
}

export function createContext(deps: ServerDeps, request: { requestId: string; log: Logger }): Context {
  return { ...deps, ...request, viewer: { kind: "anonymous" } };
}
