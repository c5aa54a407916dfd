import { fields, loadConfigOrExit, pusherFields } from "@omnify/config";
import { z } from "zod";

export const workerEnvSchema = z.object({
  NODE_ENV: fields.nodeEnv,
  LOG_LEVEL: fields.logLevel,
  DATABASE_URL: fields.databaseUrl,
  /** Jobs run at once by this process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
  /** Where emails are sent; without it they stay in the outbox. */
  SMTP_URL: z.url({ error: "must be an smtp:// or smtps:// URL" }).optional(),
  EMAIL_FROM: z.string().min(3).default("Omnify <no-reply@omnify.local>"),
  ...pusherFields,
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export const loadWorkerEnv = (): WorkerEnv => loadConfigOrExit(workerEnvSchema);
