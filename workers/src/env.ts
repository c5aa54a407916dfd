import { encryptionKeysField, fields, loadConfigOrExit, platformFields, pusherFields } from "@omnify/config";
import { defaultSyncSettings, type SyncSettings } from "@omnify/core";
import { z } from "zod";

const days = (fallback: number) => z.coerce.number().int().min(1).max(3650).default(fallback);
const milliseconds = (fallback: number) => z.coerce.number().int().min(10).max(3_600_000).default(fallback);

export const workerEnvSchema = z.object({
  NODE_ENV: fields.nodeEnv,
  LOG_LEVEL: fields.logLevel,
  DATABASE_URL: fields.databaseUrl,
  /** Jobs run at once by this process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  /** How often this process looks for jobs that are due (new jobs also arrive by LISTEN/NOTIFY). */
  WORKER_POLL_INTERVAL_MS: milliseconds(2_000),
  /** How often this process records that it is alive. */
  WORKER_BEAT_INTERVAL_MS: milliseconds(5_000),
  /** A worker silent for this long is dead: its jobs are unlocked for others. */
  WORKER_DEAD_AFTER_MS: milliseconds(30_000),
  /** Without it, emails stay in the outbox. */
  SMTP_URL: z.url({ error: "must be an smtp:// or smtps:// URL" }).optional(),
  EMAIL_FROM: z.string().min(3).default("Omnify <no-reply@omnify.local>"),
  /** Opens the platform tokens the API sealed (the same keys as the API's). */
  ENCRYPTION_KEYS: encryptionKeysField,
  SYNC_BACKFILL_DAYS: days(defaultSyncSettings.backfillDays),
  SYNC_CHUNK_DAYS: days(defaultSyncSettings.chunkDays),
  SYNC_LOOKBACK_DAYS_META: days(defaultSyncSettings.lookbackDays.meta),
  SYNC_LOOKBACK_DAYS_GOOGLE: days(defaultSyncSettings.lookbackDays.google),
  SYNC_LOOKBACK_DAYS_TIKTOK: days(defaultSyncSettings.lookbackDays.tiktok),
  SYNC_FULL_LOOKBACK_DAYS: days(defaultSyncSettings.fullLookbackDays),
  SYNC_BACKOFF_BASE_MS: milliseconds(defaultSyncSettings.backoffBaseMs),
  SYNC_SCHEDULE_SPREAD_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_000)
    .default(defaultSyncSettings.scheduleSpreadSeconds),
  ...platformFields,
  ...pusherFields,
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export const loadWorkerEnv = (): WorkerEnv => loadConfigOrExit(workerEnvSchema);

export function syncSettingsFromEnv(env: WorkerEnv): SyncSettings {
  return {
    ...defaultSyncSettings,
    backfillDays: env.SYNC_BACKFILL_DAYS,
    chunkDays: env.SYNC_CHUNK_DAYS,
    lookbackDays: {
      meta: env.SYNC_LOOKBACK_DAYS_META,
      google: env.SYNC_LOOKBACK_DAYS_GOOGLE,
      tiktok: env.SYNC_LOOKBACK_DAYS_TIKTOK,
    },
    fullLookbackDays: env.SYNC_FULL_LOOKBACK_DAYS,
    backoffBaseMs: env.SYNC_BACKOFF_BASE_MS,
    scheduleSpreadSeconds: env.SYNC_SCHEDULE_SPREAD_SECONDS,
  };
}
