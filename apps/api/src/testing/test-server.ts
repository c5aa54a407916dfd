import type { Connectors } from "@omnify/connectors";
import type { Db } from "@omnify/db";
import { createLogger, type Logger } from "@omnify/logger";
import { type RealtimeServerConfig, toClientConfig } from "@omnify/realtime/server";
import type { SecretBox } from "@omnify/secrets";
import type { ClientConfig } from "@omnify/trpc";
import { testConnectors, testSecrets } from "@omnify/trpc/testing";
import type { FastifyInstance } from "fastify";
import type { AuthRateLimits } from "../rate-limits.ts";
import { buildServer } from "../server.ts";

/** Nothing listens there: tests only check the signatures the API makes with the secret. */
export const testRealtimeConfig: RealtimeServerConfig = {
  appId: "test-app",
  key: "test-key",
  secret: "test-realtime-secret",
  cluster: "mt1",
  host: "127.0.0.1",
  port: 6001,
  useTLS: false,
};

export const testClientConfig: ClientConfig = {
  environment: "test",
  realtime: toClientConfig(testRealtimeConfig),
  analytics: null,
};

export const testAppUrl = "http://omnify.test";

export interface TestServerOptions {
  environment?: ClientConfig["environment"];
  authRateLimits?: AuthRateLimits;
  smtp?: boolean;
  /** Defaults: the sandbox's app credentials on the real base URLs (MSW answers them). */
  connectors?: Connectors;
  secrets?: SecretBox;
  /** Defaults to a silent logger. */
  logger?: Logger;
}

/** The real server on a test database, with logs silenced. */
export function buildTestServer(db: Db, options: TestServerOptions = {}) {
  return buildServer({
    db,
    logger: options.logger ?? createLogger({ service: "api-test", level: "silent" }),
    serveSpas: false,
    clientConfig: { ...testClientConfig, environment: options.environment ?? "test" },
    appUrl: testAppUrl,
    authSecret: "test-secret-that-is-at-least-32-characters-long",
    authRateLimits: options.authRateLimits,
    smtp: options.smtp,
    connectors: options.connectors ?? testConnectors,
    secrets: options.secrets ?? testSecrets,
    realtime: testRealtimeConfig,
  });
}

/** The query string of a tRPC GET with superjson input. */
export const trpcInput = (input: unknown) => `input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** Headers a browser on our own page sends. */
export const sameOrigin = { origin: testAppUrl };

/** The Cookie header that carries the session a Better Auth response set. */
export function sessionCookie(setCookie: string | string[] | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const session = cookies
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter((pair) => pair.includes("session_token"));
  if (session.length === 0) throw new Error("The response set no session cookie");
  return session.join("; ");
}

export async function signUp(
  app: FastifyInstance,
  account: { email: string; password: string; name: string },
) {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-up/email",
    headers: sameOrigin,
    payload: account,
  });
  if (response.statusCode !== 200) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  return { cookie: sessionCookie(response.headers["set-cookie"]), userId: response.json().user.id as string };
}

export function signIn(app: FastifyInstance, credentials: { email: string; password: string }) {
  return app.inject({
    method: "POST",
    url: "/api/auth/sign-in/email",
    headers: sameOrigin,
    payload: credentials,
  });
}

/** Calls a procedure over HTTP as a browser on our page with the given session. */
export async function callTrpc(
  app: FastifyInstance,
  {
    path,
    input,
    cookie,
    type,
  }: { path: string; input?: unknown; cookie?: string; type: "query" | "mutation" },
) {
  const headers = { ...sameOrigin, ...(cookie ? { cookie } : {}) };
  const response =
    type === "query"
      ? await app.inject({ method: "GET", url: `/trpc/${path}?${trpcInput(input)}`, headers })
      : await app.inject({ method: "POST", url: `/trpc/${path}`, headers, payload: { json: input } });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}
