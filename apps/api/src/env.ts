import { encryptionKeysField, fields, loadConfigOrExit, platformFields, pusherFields } from "@omnify/config";
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
  /** Public address of the web app: cookies, email links and the trusted origin derive from it. */
  APP_URL: fields.url,
  /** Other origins allowed to send cookie-authenticated requests, comma-separated (Vite dev servers). */
  TRUSTED_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ error: "must be comma-separated absolute URLs" }))),
  AUTH_SECRET: z
    .string({ error: "is required: a random secret of at least 32 characters" })
    .min(32, { error: "must be at least 32 characters" }),
  /** Behind a reverse proxy, take the client address from X-Forwarded-For. */
  TRUST_PROXY: fields.boolean.default(false),
  /** Without it, emails stay in the outbox and their links are logged (local use). */
  SMTP_URL: z.url({ error: "must be an smtp:// or smtps:// URL" }).optional(),
  POSTHOG_KEY: z.string().min(1).optional(),
  POSTHOG_HOST: fields.url.default("https://us.i.posthog.com"),
  /** Keys that seal platform tokens at rest; the local stack keeps them in .omnify/encryption-keys. */
  ENCRYPTION_KEYS: encryptionKeysField,
  ...platformFields,
  ...pusherFields,
});

export type ApiEnv = z.infer<typeof apiEnvSchema>;

export const loadApiEnv = (): ApiEnv => loadConfigOrExit(apiEnvSchema);
