import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import type { PlatformErrors, SandboxContext } from "../../platform.ts";

/**
 * TikTok's return codes (business-api.tiktok.com "Return codes"). Almost
 * every answer is HTTP 200 and the `code` in the body decides: 0 is success.
 */
export const codes = {
  ok: 0,
  noPermission: 40001,
  invalidParameter: 40002,
  invalidVersion: 40051,
  tooFrequent: 40100,
  authParameters: 40101,
  tokenExpired: 40102,
  tokenEmpty: 40104,
  tokenInvalid: 40105,
  authCodeInvalid: 40110,
  appInvalid: 40113,
  advertiserMissing: 40300,
  systemError: 50000,
} as const;

/** A request TikTok refuses: rendered as `{code, message, request_id, data: {}}`. */
export class Failure extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** TikTok request ids: a UTC timestamp (to the second) followed by hex, e.g. 20241122150000ABCDEF…. */
export function requestId(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14) + randomBytes(8).toString("hex").toUpperCase();
}

export function envelope(ctx: SandboxContext) {
  const ok = (c: Context, data: unknown) =>
    c.json({ code: codes.ok, message: "OK", request_id: requestId(ctx.now()), data });
  const fail = (c: Context, code: number, message: string, status: 200 | 429 = 200) =>
    c.json({ code, message, request_id: requestId(ctx.now()), data: {} }, status);
  /** Runs a handler that returns `data` or throws a Failure, and wraps either in the envelope. */
  const respond = async (c: Context, handler: () => unknown | Promise<unknown>) => {
    try {
      return ok(c, await handler());
    } catch (error) {
      if (error instanceof Failure) return fail(c, error.code, error.message);
      throw error;
    }
  };
  return { ok, fail, respond };
}

/**
 * How TikTok signals each failure the fault plan injects. Throttles are
 * normally HTTP 200 + 40100 with no Retry-After; the sandbox's injected
 * throttle adds HTTP 429 and Retry-After (the harness relies on both) but
 * keeps TikTok's own body. A system error is HTTP 200 + 50000: TikTok reports
 * its service errors in the envelope, and a real 5xx only means the request
 * never reached the API (the connector handles both).
 */
export function tiktokErrors(ctx: SandboxContext): PlatformErrors {
  const { fail } = envelope(ctx);
  return {
    rateLimited(c, retryAfterSeconds) {
      c.header("Retry-After", String(retryAfterSeconds));
      return fail(c, codes.tooFrequent, "Requests made too frequently.", 429);
    },
    serverError: (c) => fail(c, codes.systemError, "System error."),
    invalidToken: (c) =>
      c.req.header("Access-Token")
        ? fail(c, codes.tokenInvalid, "Access token is incorrect or has been revoked.")
        : fail(
            c,
            codes.tokenEmpty,
            "Access token is null, you should set it in http header with key Access-Token.",
          ),
    tokenExpired: (c) => fail(c, codes.tokenExpired, "Access token has expired."),
  };
}
