import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { type Auth, authBasePath, createAuth } from "@omnify/auth";
import { repositoryRoot } from "@omnify/config";
import type { Connectors } from "@omnify/connectors";
import { getReadiness } from "@omnify/core";
import type { Db } from "@omnify/db";
import { createMailer } from "@omnify/email";
import type { Logger } from "@omnify/logger";
import { createChannelAuthorizer, type RealtimeServerConfig } from "@omnify/realtime/server";
import type { SecretBox } from "@omnify/secrets";
import { type AppRouter, appRouter, type ClientConfig, createContext, type Viewer } from "@omnify/trpc";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { registerAuthRoutes } from "./auth-routes.ts";
import { registerCsrfGuard } from "./csrf.ts";
import { registerIntegrationRoutes, type SessionLookup } from "./integration-routes.ts";
import { type AuthRateLimits, createAuthRateLimiter, defaultAuthRateLimits } from "./rate-limits.ts";
import { registerRealtimeRoutes } from "./realtime-routes.ts";

export interface ServerOptions {
  db: Db;
  logger: Logger;
  clientConfig: ClientConfig;
  serveSpas: boolean;
  /** Public address of the web app (cookies, email links, the trusted origin). */
  appUrl: string;
  authSecret: string;
  /** Origins besides appUrl allowed to send cookie-authenticated requests. */
  trustedOrigins?: string[];
  /** Emails are queued for the worker's SMTP delivery; otherwise kept in the outbox and logged. */
  smtp?: boolean;
  /** Take the client address from X-Forwarded-For (behind a proxy). */
  trustProxy?: boolean;
  authRateLimits?: AuthRateLimits;
  /** Ad-platform and Shopify clients (null where a platform has no credentials). */
  connectors: Connectors;
  /** Seals platform tokens at rest. */
  secrets: SecretBox;
  /** The realtime server's credentials: the API signs members' subscriptions to private channels. */
  realtime: RealtimeServerConfig;
}

async function viewerFor(auth: Auth, headers: Headers): Promise<Viewer> {
  if (!headers.has("cookie")) return { kind: "anonymous" };
  const session = await auth.api.getSession({ headers });
  if (!session) return { kind: "anonymous" };
  const { user } = session;
  return {
    kind: "user",
    sessionId: session.session.id,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      emailVerified: user.emailVerified,
      isStaff: user.role === "staff",
    },
  };
}

const sessionOf: SessionLookup = async (auth, request) => {
  const headers = headersOf(request.headers);
  if (!headers.has("cookie")) return null;
  const session = await auth.api.getSession({ headers });
  return session
    ? { userId: session.user.id, sessionId: session.session.id, email: session.user.email }
    : null;
};

function headersOf(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(raw)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

const requestIdPattern = /^[\w.-]{1,128}$/;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db, logger, serveSpas, appUrl, clientConfig } = options;
  const trustedOrigins = options.trustedOrigins ?? [];
  const mailer = createMailer({ db, smtp: options.smtp ?? false, log: logger });
  const auth = createAuth({ db, mailer, log: logger, appUrl, secret: options.authSecret, trustedOrigins });
  const limiter = createAuthRateLimiter(db, options.authRateLimits ?? defaultAuthRateLimits);
  const { connectors, secrets } = options;
  const deps = { db, mailer, clientConfig, appUrl, connectors, secrets };

  const app = Fastify({
    trustProxy: options.trustProxy ?? false,
    loggerInstance: logger as FastifyBaseLogger,
    requestIdHeader: false,
    logController: new LogController({
      requestIdLogLabel: "requestId",
      // Probes arrive every few seconds and say nothing new.
      disableRequestLogging: (request) => request.url === "/healthz" || request.url === "/readyz",
    }),
    // A caller's id is kept when it looks like one, so a trace spans services.
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    // Batched tRPC calls put several procedure names in the path.
    routerOptions: { maxParamLength: 5_000 },
  });

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  app.get("/healthz", async () => ({ status: "ok" }));

  app.get("/readyz", async (_request, reply) => {
    const readiness = await getReadiness(db);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  registerCsrfGuard(app, {
    // A cross-site page must not obtain a member's channel signature with their cookie either.
    cookiePrefixes: ["/trpc", "/api/realtime"],
    alwaysPrefixes: [authBasePath],
    trustedOrigins: [appUrl, ...trustedOrigins],
  });
  registerAuthRoutes(app, { auth, db, limiter, appUrl });
  registerIntegrationRoutes(app, { deps, auth, sessionOf });
  await registerRealtimeRoutes(app, {
    db,
    auth,
    sessionOf,
    authorize: createChannelAuthorizer(options.realtime),
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: async ({ req }) =>
        createContext(deps, {
          requestId: req.id,
          log: req.log as Logger,
          viewer: await viewerFor(auth, headersOf(req.headers)),
          ip: req.ip,
          userAgent: req.headers["user-agent"] ?? null,
        }),
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  if (serveSpas) await serveBuiltSpas(app);
  return app;
}

/** Serves the production builds: web at `/`, admin at `/admin/`, each with its own SPA fallback. */
async function serveBuiltSpas(app: FastifyInstance): Promise<void> {
  const spas = [
    { prefix: "/admin/", root: path.join(repositoryRoot, "apps/admin/dist") },
    { prefix: "/", root: path.join(repositoryRoot, "apps/web/dist") },
  ];
  for (const [index, spa] of spas.entries()) {
    if (!existsSync(path.join(spa.root, "index.html"))) {
      throw new Error(`SERVE_SPAS is set but ${spa.root} has no build; run pnpm build first.`);
    }
    await app.register(fastifyStatic, {
      root: spa.root,
      prefix: spa.prefix,
      decorateReply: index === 0,
      wildcard: true,
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        const hashedAsset = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header("cache-control", hashedAsset ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && (request.headers.accept ?? "").includes("text/html");
    if (!wantsPage) return reply.code(404).send({ error: "Not Found" });
    const spa = request.url.startsWith("/admin") ? spas[0] : spas[1];
    return reply.header("cache-control", "no-cache").sendFile("index.html", spa?.root ?? "");
  });
}
