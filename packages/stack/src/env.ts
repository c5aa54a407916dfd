import path from "node:path";
import { fields, parseConfig, pusherFields, repositoryRoot } from "@omnify/config";
import { z } from "zod";

/**
 * The local stack's configuration. Everything has an embedded default: unset
 * DATABASE_URL starts embedded PostgreSQL, unset PUSHER_* starts Soketi.
 */
export const stackEnvSchema = z
  .object({
    NODE_ENV: fields.nodeEnv,
    LOG_LEVEL: fields.logLevel,
    DATABASE_URL: fields.databaseUrl.optional(),
    /** Where embedded services keep their data (git-ignored). */
    OMNIFY_DATA_DIR: z.string().min(1).default(path.join(repositoryRoot, ".omnify")),
    EMBEDDED_POSTGRES_PORT: fields.port.default(54329),
    API_HOST: z.string().min(1).default("127.0.0.1"),
    API_PORT: fields.port.default(3000),
    SOKETI_PORT: fields.port.default(6001),
    /** The local stand-in for the ad platforms and Shopify, for every platform without credentials. */
    SANDBOX_PORT: fields.port.default(4010),
    /** Unset: a key is made once and kept in OMNIFY_DATA_DIR/encryption-keys. */
    ENCRYPTION_KEYS: z.string().min(1).optional(),
    /** Public address of the web app; defaults to the API's (start) or Vite's (dev) address. */
    APP_URL: fields.url.optional(),
    /** Unset: a random secret is made once and kept in OMNIFY_DATA_DIR/auth-secret. */
    AUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
    SMTP_URL: z.url({ error: "must be an smtp:// or smtps:// URL" }).optional(),
    EMAIL_FROM: z.string().min(3).optional(),
    POSTHOG_KEY: z.string().min(1).optional(),
    POSTHOG_HOST: fields.url.optional(),
    PUSHER_APP_ID: pusherFields.PUSHER_APP_ID.optional(),
    PUSHER_KEY: pusherFields.PUSHER_KEY.optional(),
    PUSHER_SECRET: pusherFields.PUSHER_SECRET.optional(),
    PUSHER_HOST: pusherFields.PUSHER_HOST,
    PUSHER_PORT: pusherFields.PUSHER_PORT,
    PUSHER_CLUSTER: pusherFields.PUSHER_CLUSTER,
    PUSHER_USE_TLS: pusherFields.PUSHER_USE_TLS,
  })
  .check((ctx) => {
    const set = ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET"].filter(
      (name) => ctx.value[name as "PUSHER_KEY"],
    );
    if (set.length > 0 && set.length < 3) {
      ctx.issues.push({
        code: "custom",
        input: undefined,
        path: ["PUSHER_APP_ID"],
        message: "PUSHER_KEY and PUSHER_SECRET must be set together (or none, for local Soketi)",
      });
    }
  });

export type StackEnv = z.infer<typeof stackEnvSchema>;

export const parseStackEnv = (env: NodeJS.ProcessEnv = process.env): StackEnv =>
  parseConfig(stackEnvSchema, env);
