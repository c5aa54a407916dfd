import { createConnectors } from "@omnify/connectors";
import { createDatabase } from "@omnify/db";
import { createSmtpSender } from "@omnify/email";
import { createLogger } from "@omnify/logger";
import { createRealtimePublisher, realtimeConfigFromEnv } from "@omnify/realtime/server";
import { createSecretBox } from "@omnify/secrets";
import { loadWorkerEnv, syncSettingsFromEnv } from "./env.ts";
import { startWorker } from "./runner.ts";

const env = loadWorkerEnv();
const log = createLogger({ service: "worker", level: env.LOG_LEVEL });
const db = createDatabase({ url: env.DATABASE_URL, maxConnections: env.WORKER_CONCURRENCY + 2 });
const realtime = createRealtimePublisher(realtimeConfigFromEnv(env));
const smtp = env.SMTP_URL ? createSmtpSender({ url: env.SMTP_URL, from: env.EMAIL_FROM }) : null;

const worker = await startWorker({
  db,
  databaseUrl: env.DATABASE_URL,
  log,
  realtime,
  smtp,
  connectors: createConnectors(env),
  secrets: createSecretBox(env.ENCRYPTION_KEYS),
  syncSettings: syncSettingsFromEnv(env),
  now: () => new Date(),
  concurrency: env.WORKER_CONCURRENCY,
  pollIntervalMs: env.WORKER_POLL_INTERVAL_MS,
  beatIntervalMs: env.WORKER_BEAT_INTERVAL_MS,
  deadAfterMs: env.WORKER_DEAD_AFTER_MS,
});
log.info({ concurrency: env.WORKER_CONCURRENCY }, "worker started");

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down: finishing running jobs");
  await worker.stop();
  smtp?.close();
  await db.$disconnect();
  log.info("stopped");
  process.exit(0);
}
process.once("SIGTERM", shutdown);
process.once("SIGINT", shutdown);

await worker.runner.promise;
