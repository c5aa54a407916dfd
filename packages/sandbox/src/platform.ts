import { setTimeout as sleep } from "node:timers/promises";
import type { Context, MiddlewareHandler } from "hono";
import type { SandboxDataset } from "./dataset/index.ts";
import type { FaultPlan } from "./faults.ts";
import type { RequestLog } from "./request-log.ts";
import type { Grant, TokenIssuer } from "./tokens.ts";

export const sandboxPlatforms = ["meta", "google", "tiktok", "shopify"] as const;
export type SandboxPlatform = (typeof sandboxPlatforms)[number];

/** The sandbox's own app credentials: what a developer would get from each platform's console. */
export interface SandboxApp {
  clientId: string;
  clientSecret: string;
  /** Google only: the developer token every Ads API call carries. */
  developerToken?: string;
}

/** Everything a platform's routes share: the data, the clock, tokens, faults and the request log. */
export interface SandboxContext {
  dataset: SandboxDataset;
  now(): Date;
  tokens: TokenIssuer;
  apps: Record<SandboxPlatform, SandboxApp>;
  faults: FaultPlan;
  log: RequestLog;
  /** Origin the sandbox is reached at (for URLs it hands out, such as bulk-operation downloads). */
  publicUrl: string;
  /** Knobs the real APIs do not expose but tests need (batch sizes, how long async jobs take). */
  tuning: SandboxTuning;
}

export interface SandboxTuning {
  /** Rows per Google Ads searchStream batch (the real API sends up to 10,000). */
  googleStreamBatchSize: number;
  /** Status polls a Meta async report or a Shopify bulk operation takes to complete. */
  asyncJobPolls: number;
}

export const defaultTuning: SandboxTuning = { googleStreamBatchSize: 10_000, asyncJobPolls: 3 };

export type SandboxEnv = { Variables: { grant: Grant } };

/** How a platform says each failure, in its own envelope and status. */
export interface PlatformErrors {
  /** Must carry a Retry-After header as well as the platform's own signal. */
  rateLimited(c: Context, retryAfterSeconds: number): Response;
  serverError(c: Context): Response;
  invalidToken(c: Context): Response;
  tokenExpired(c: Context): Response;
}

export interface ApiGuardOptions {
  platform: SandboxPlatform;
  /** Reads the access token the way the platform expects it (header or query). */
  tokenOf(c: Context): string | undefined;
  errors: PlatformErrors;
}

/**
 * Guards a platform's API routes: checks the access token, injects the
 * configured faults, and records every request. Handlers find the token's
 * grant in `c.get("grant")`.
 */
export function apiGuard(ctx: SandboxContext, options: ApiGuardOptions): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const at = Date.now();
    const drawn = ctx.faults.draw(options.platform);
    let fault: string | null = null;
    let grantId: string | null = null;
    let retryAfterMs: number | null = null;
    if (drawn.includes("slow")) await sleep(ctx.faults.faults.slowMs);

    const checked = ctx.tokens.verify(options.tokenOf(c), options.platform, "access", ctx.now());
    let response: Response | undefined;
    if (!checked.ok) {
      response =
        checked.reason === "expired" ? options.errors.tokenExpired(c) : options.errors.invalidToken(c);
    } else {
      grantId = checked.grant.jti;
      const limit = ctx.faults.faults.tokenExpiresAfterCalls;
      if (drawn.includes("rate_limited")) {
        fault = "rate_limited";
        retryAfterMs = ctx.faults.faults.retryAfterSeconds * 1000;
        response = options.errors.rateLimited(c, ctx.faults.faults.retryAfterSeconds);
      } else if (drawn.includes("server_error")) {
        fault = "server_error";
        response = options.errors.serverError(c);
      } else if (limit !== null && ctx.tokens.countCall(checked.grant.jti) > limit) {
        fault = "token_expired";
        response = options.errors.tokenExpired(c);
      }
    }

    if (response) {
      c.res = response;
    } else {
      c.set("grant", (checked as { grant: Grant }).grant);
      await next();
      if (drawn.includes("malformed") && c.res.status === 200) {
        fault = "malformed";
        const text = await c.res.text();
        c.res = new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
          status: 200,
          headers: c.res.headers,
        });
      }
    }
    ctx.log.add({
      at,
      platform: options.platform,
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      grantId,
      fault,
      retryAfterMs,
    });
  };
}

/** Whether the grant covers a scope; platforms answer a missing one in their own way. */
export const hasScope = (grant: Grant, scope: string) => grant.scopes.includes(scope);
