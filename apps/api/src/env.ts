import { fields, loadConfigOrExit, pusherFields } from "@omnify/config";
import { z } from "zod";

export const apiEnvSchema = z.object({
  NODE_ENV: fields.nodeEnv,
  LOG_LEVEL: fields.logLevel,
  API_HOST: z.string().min(1).default("127.0.0.1"),
  API_PORT: fields.port.default(3000),
  DATABASE_URL: fields.databaseUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Serve the built SPAs (web at /, admin at /admin/) from this process. */
  SERVE_SPAS: fields.boolean.default(false),
  POSTHOG_KEY: z.string().min(1).optional(),
  POSTHOG_HOST: fields.url.default("https://us.i.posthog.com"),
  ...pusherFields,
});

export type ApiEnv = z.infer<typeof apiEnvSchema>;

export const loadApiEnv = (): ApiEnv => loadConfigOrExit(apiEnvSchema);
