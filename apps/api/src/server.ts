import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import { repositoryRoot } from "@omnify/config";
import { getReadiness } from "@omnify/core";
import type { Logger } from "@omnify/logger";
import { type AppRouter, appRouter, createContext, type ServerDeps } from "@omnify/trpc";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";

export interface ServerOptions extends ServerDeps {
  logger: Logger;
  serveSpas: boolean;
}

const requestIdPattern = /^[\w.-]{1,128}$/;

export async function buildServer({ logger, serveSpas, ...deps }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
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
    const readiness = await getReadiness(deps.db);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }) => createContext(deps, { requestId: req.id, log: req.log as Logger }),
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
