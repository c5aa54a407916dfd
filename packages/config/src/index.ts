import { existsSync } from "node:fs";
import path from "node:path";
import { type Keyring, parseKeyring, SecretError } from "@omnify/secrets";
import { z } from "zod";

/** A configuration variable had a bad value; `message` is one line naming it. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses `env` against `schema`. On failure throws a ConfigError whose message is
 * one line naming each bad variable and the form it expects. Values are never
 * echoed: they may be secrets.
 */
export function parseConfig<Schema extends z.ZodObject>(
  schema: Schema,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<Schema> {
  const input = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return `${name} ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
}

/**
 * Loads a process's config, or prints the one-line reason and exits non-zero.
 * Each process calls this once at startup from its own `env.ts`.
 */
export function loadConfigOrExit<Schema extends z.ZodObject>(schema: Schema): z.infer<Schema> {
  loadDotEnv();
  try {
    return parseConfig(schema, process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

/** Reads `.env` from the repository root once, without overriding real environment. */
export function loadDotEnv(file = path.join(repositoryRoot, ".env")): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export const repositoryRoot = path.resolve(import.meta.dirname, "../../..");

const portNumber = z.coerce
  .number({ error: "must be a port number (1-65535)" })
  .int({ error: "must be a port number (1-65535)" })
  .min(1, { error: "must be a port number (1-65535)" })
  .max(65535, { error: "must be a port number (1-65535)" });

/** Field schemas shared by several processes, each with an error that says the expected form. */
export const fields = {
  port: portNumber,
  databaseUrl: z
    .string({ error: "is required: a postgres:// or postgresql:// connection URL" })
    .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
      error: "must be a postgres:// or postgresql:// connection URL",
    }),
  url: z.url({ error: "must be an absolute http(s) URL" }),
  nodeEnv: z
    .enum(["development", "production", "test"], {
      error: "must be one of development, production, test",
    })
    .default("development"),
  logLevel: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  boolean: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .transform((value) => value === "true" || value === "1"),
};

/**
 * Realtime (Pusher protocol). Every PUSHER_* is set for hosted Pusher or a self-run
 * server; the local stack sets them to its Soketi.
 */
export const pusherFields = {
  PUSHER_APP_ID: z.string({ error: "is required: the Pusher app id" }).min(1),
  PUSHER_KEY: z.string({ error: "is required: the Pusher app key" }).min(1),
  PUSHER_SECRET: z.string({ error: "is required: the Pusher app secret" }).min(1),
  /** Host of a self-run Pusher-protocol server (Soketi); unset for hosted Pusher. */
  PUSHER_HOST: z.string().min(1).optional(),
  PUSHER_PORT: portNumber.optional(),
  PUSHER_CLUSTER: z.string().min(1).default("mt1"),
  PUSHER_USE_TLS: fields.boolean.default(true),
};

const secret = (what: string) =>
  z.string({ error: `is required: ${what}` }).min(1, { error: `must not be empty: ${what}` });
const version = (example: string) =>
  z.string().regex(/^[\w.-]+$/, { error: `must be an API version such as ${example}` });

/**
 * Ad platforms and Shopify. Base URLs default to the real APIs; the local
 * stack points any platform without credentials at the sandbox. A platform
 * whose credentials are unset cannot be connected (its card says so).
 */
export const platformFields = {
  META_APP_ID: z.string().min(1).optional(),
  META_APP_SECRET: secret("the Meta app secret").optional(),
  META_GRAPH_URL: fields.url.default("https://graph.facebook.com"),
  META_DIALOG_URL: fields.url.default("https://www.facebook.com"),
  META_API_VERSION: version("v25.0").default("v25.0"),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: secret("the Google OAuth client secret").optional(),
  GOOGLE_ADS_DEVELOPER_TOKEN: secret("the Google Ads developer token").optional(),
  GOOGLE_ADS_URL: fields.url.default("https://googleads.googleapis.com"),
  GOOGLE_ADS_API_VERSION: version("v23").default("v23"),
  GOOGLE_ACCOUNTS_URL: fields.url.default("https://accounts.google.com"),
  GOOGLE_OAUTH_URL: fields.url.default("https://oauth2.googleapis.com"),
  TIKTOK_APP_ID: z.string().min(1).optional(),
  TIKTOK_APP_SECRET: secret("the TikTok app secret").optional(),
  TIKTOK_API_URL: fields.url.default("https://business-api.tiktok.com"),
  TIKTOK_API_VERSION: version("v1.3").default("v1.3"),
  SHOPIFY_CLIENT_ID: z.string().min(1).optional(),
  SHOPIFY_CLIENT_SECRET: secret("the Shopify app client secret").optional(),
  /** `{shop}` is replaced by the shop's myshopify.com domain. */
  SHOPIFY_SHOP_URL: z
    .string()
    .refine(
      (value) => value.includes("{shop}") && URL.canParse(value.replace("{shop}", "shop.myshopify.com")),
      {
        error: "must be a URL containing {shop}, such as https://{shop}",
      },
    )
    .default("https://{shop}"),
  SHOPIFY_API_VERSION: version("2026-10").default("2026-10"),
};

export type PlatformEnv = z.infer<z.ZodObject<typeof platformFields>>;

/** `ENCRYPTION_KEYS`: `id:base64key[,id:base64key…]`, newest first (it seals; all open). */
export const encryptionKeysField = z
  .string({ error: "is required: id:base64key[,id:base64key…] (the local stack makes one)" })
  .transform((text, ctx): Keyring => {
    try {
      return parseKeyring(text);
    } catch (error) {
      ctx.issues.push({
        code: "custom",
        input: undefined,
        message: error instanceof SecretError ? `is invalid: ${error.message}` : "is invalid",
      });
      return z.NEVER;
    }
  });
