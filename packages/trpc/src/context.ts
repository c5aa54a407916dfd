import type { Connectors } from "@omnify/connectors";
import type { Actor } from "@omnify/core";
import type { Db } from "@omnify/db";
import type { Mailer } from "@omnify/email";
import type { Logger } from "@omnify/logger";
import type { RealtimeClientConfig } from "@omnify/realtime";
import type { SecretBox } from "@omnify/secrets";

/** What the browser may know about this deployment: no secret ever goes here. */
export interface ClientConfig {
  environment: "development" | "production" | "test";
  realtime: RealtimeClientConfig;
  analytics: { posthogKey: string; posthogHost: string } | null;
}

/** Process-wide dependencies, created once at start-up and shared by every request. */
export interface ServerDeps {
  db: Db;
  mailer: Mailer;
  clientConfig: ClientConfig;
  /** Public address of the web app, for links in emails and OAuth callbacks. */
  appUrl: string;
  /** Platform clients (null where a platform has no credentials). */
  connectors: Connectors;
  /** Seals and opens platform tokens. */
  secrets: SecretBox;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  isStaff: boolean;
}

/** Who is calling. A discriminated union so that a procedure never sees half a session. */
export type Viewer = { kind: "anonymous" } | { kind: "user"; user: SignedInUser; sessionId: string };

export interface RequestInfo {
  requestId: string;
  /** Request-scoped: every line carries the request id. */
  log: Logger;
  viewer: Viewer;
  ip: string | null;
  userAgent: string | null;
}

export interface Context extends ServerDeps, RequestInfo {
  /** The audit log's view of the caller. */
  actor: Actor;
}

export function createContext(deps: ServerDeps, request: RequestInfo): Context {
  const user = request.viewer.kind === "user" ? request.viewer.user : null;
  return {
    ...deps,
    ...request,
    actor: {
      userId: user?.id ?? null,
      email: user?.email ?? null,
      ip: request.ip,
      userAgent: request.userAgent,
    },
  };
}
