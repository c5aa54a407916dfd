import { createConnectors } from "@omnify/connectors";
import { createDatabase } from "@omnify/db";
import { createLogger } from "@omnify/logger";
import { realtimeConfigFromEnv, toClientConfig } from "@omnify/realtime/server";
import { createSecretBox } from "@omnify/secrets";
import { loadApiEnv } from "./env.ts";
import { buildServer } from "./server.ts";

const env = loadApiEnv();
const logger = createLogger({ service: "api", level: env.LOG_LEVEL });
const db = createDatabase({
  url: env.DATABASE_URL,
  maxConnections: env.DATABASE_POOL_SIZE,
  onPoolError: (error) => logger.warn({ err: error }, "database connection lost"),
});

const realtime = realtimeConfigFromEnv(env);
const app = await buildServer({
  logger,
  db,
  serveSpas: env.SERVE_SPAS,
  appUrl: env.APP_URL,
  authSecret: env.AUTH_SECRET,
  trustedOrigins: env.TRUSTED_ORIGINS,
  smtp: env.SMTP_URL !== undefined,
  trustProxy: env.TRUST_PROXY,
  connectors: createConnectors(env),
  secrets: createSecretBox(env.ENCRYPTION_KEYS),
  realtime,
  clientConfig: {
    environment: env.NODE_ENV,
    realtime: toClientConfig(realtime),
    analytics: env.POSTHOG_KEY ? { posthogKey: env.POSTHOG_KEY, posthogHost: env.POSTHOG_HOST } : null,
  },
});

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  await app.close();
  await db.$disconnect();
  logger.info("stopped");
  process.exit(0);
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

await app.listen({ host: env.API_HOST, port: env.API_PORT });
