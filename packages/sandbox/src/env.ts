import { fields, parseConfig } from "@omnify/config";
import { z } from "zod";
import { largeAccountMaxAds } from "./dataset/index.ts";
import { faultsSchema } from "./faults.ts";

export const sandboxEnvSchema = z.object({
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  SANDBOX_PORT: fields.port.default(4010),
  /** The same seed always produces the same shop, accounts, metrics and orders. */
  SANDBOX_SEED: z.coerce
    .number({ error: "must be an integer" })
    .int({ error: "must be an integer" })
    .default(42),
  /** JSON faults, e.g. {"rateLimitRate":0.2,"serverErrorRate":0.05}; none by default. */
  SANDBOX_FAULTS: z
    .string()
    .transform((text, ctx) => {
      try {
        return faultsSchema.parse(JSON.parse(text));
      } catch {
        ctx.issues.push({
          code: "custom",
          input: text,
          message: "must be a JSON object of fault settings (see packages/sandbox/README.md)",
        });
        return z.NEVER;
      }
    })
    .optional(),
  /** Freezes the sandbox's clock at an ISO instant (demos that must look the same every day). */
  SANDBOX_NOW: z.iso.datetime({ error: "must be an ISO date-time such as 2026-11-22T15:00:00Z" }).optional(),
  /**
   * Adds a Meta ad account (1010000009) on which this many ads deliver every
   * day, for load tests (2,800 ads ≈ 1M ad-day rows a year); none by default.
   */
  SANDBOX_LARGE_ACCOUNT_ADS: z.coerce
    .number({ error: "must be an integer" })
    .int({ error: "must be an integer" })
    .min(1, { error: "must be at least 1" })
    .max(largeAccountMaxAds, { error: `must be at most ${largeAccountMaxAds}` })
    .optional(),
  LOG_LEVEL: fields.logLevel,
});

export type SandboxEnvConfig = z.infer<typeof sandboxEnvSchema>;
export const parseSandboxEnv = (env: NodeJS.ProcessEnv = process.env) => parseConfig(sandboxEnvSchema, env);
