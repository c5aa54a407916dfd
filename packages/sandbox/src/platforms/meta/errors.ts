import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import type { PlatformErrors, SandboxContext } from "../../platform.ts";
import { pacificStamp } from "./format.ts";
import { bucHeader } from "./usage.ts";

/** The Graph API's error object, in Meta's key order. */
export interface GraphError {
  message: string;
  type: "OAuthException" | "GraphMethodException";
  code: number;
  error_subcode?: number;
  is_transient?: boolean;
  error_user_title?: string;
  error_user_msg?: string;
}

/** The `WWW-Authenticate` reason Meta puts next to an error. */
type AuthReason = "invalid_request" | "invalid_token" | "invalid_code" | "insufficient_scope";

/**
 * Every Graph error: `{"error":{…,"fbtrace_id"}}` with a real status (400 for
 * most, throttles included), plus the `WWW-Authenticate` header Meta adds.
 */
export function graphError(
  status: number,
  error: GraphError,
  options: { reason?: AuthReason; headers?: Record<string, string> } = {},
): Response {
  const body = { error: { ...error, fbtrace_id: randomBytes(8).toString("base64url") } };
  const headers = new Headers({
    "content-type": "application/json; charset=UTF-8",
    "www-authenticate": `OAuth "Facebook Platform" "${options.reason ?? "invalid_request"}" "${error.message}"`,
    ...options.headers,
  });
  return new Response(JSON.stringify(body), { status, headers });
}

export const invalidParameter = (message: string) =>
  graphError(400, { message: `(#100) ${message}`, type: "OAuthException", code: 100 });

/** What Meta answers for an id that is unknown, or that this token may not see. */
export function unknownObject(id: string, method: string): Response {
  return graphError(400, {
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    type: "GraphMethodException",
    code: 100,
    error_subcode: 33,
  });
}

export const nonexistingField = (field: string, nodeType: string) =>
  invalidParameter(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);

/** A grant without `ads_read`/`ads_management`, reading an ad account. */
export const adsPermissionMissing = () =>
  graphError(
    403,
    {
      message: "(#200) Ad account owner has NOT grant ads_management or ads_read permission",
      type: "OAuthException",
      code: 200,
    },
    { reason: "insufficient_scope" },
  );

/** A grant without `ads_read`/`ads_management`, listing the user's ad accounts. */
export const missingPermissions = () =>
  graphError(400, { message: "(#100) Missing permissions", type: "OAuthException", code: 100 });

export const invalidProof = () =>
  graphError(400, {
    message: "Invalid appsecret_proof provided in the API argument",
    type: "GraphMethodException",
    code: 100,
  });

export const invalidTokenError = () =>
  graphError(
    400,
    { message: "Invalid OAuth access token - Cannot parse access token", type: "OAuthException", code: 190 },
    { reason: "invalid_token" },
  );

export const missingToken = () =>
  graphError(400, {
    message: "An access token is required to request this resource.",
    type: "OAuthException",
    code: 104,
  });

export const revokedToken = (appId: string) =>
  graphError(
    400,
    {
      message: `Error validating access token: The user has not authorized application ${appId}.`,
      type: "OAuthException",
      code: 190,
      error_subcode: 458,
    },
    { reason: "invalid_token" },
  );

export function expiredToken(expiredAt: Date, now: Date): Response {
  return graphError(
    400,
    {
      message: `Error validating access token: Session has expired on ${pacificStamp(expiredAt)}. The current time is ${pacificStamp(now)}.`,
      type: "OAuthException",
      code: 190,
      error_subcode: 463,
    },
    { reason: "invalid_token" },
  );
}

/** Reading an async report's rows before the job finished. */
export const reportNotReady = () =>
  graphError(400, {
    message: "Error accessing adreport job.",
    type: "OAuthException",
    code: 2601,
    error_subcode: 1815107,
    is_transient: true,
    error_user_title: "Loading Async Ads Report Failed",
    error_user_msg:
      "Sorry, the report cannot be loaded successfully. Please check if your job status is completed instead of failed or running before fetching the data.",
  });

/** The ad account (or app) a request counts against, for usage headers. */
export function usageKey(c: Context, context: SandboxContext): string {
  return /\/act_(\d+)/.exec(c.req.path)?.[1] ?? context.apps.meta.clientId;
}

/** How the Graph API fails for `apiGuard`: throttles, outages and dead tokens, each Meta's way. */
export function metaErrors(
  context: SandboxContext,
  tokenOf: (c: Context) => string | undefined,
): PlatformErrors {
  return {
    rateLimited: (c, seconds) =>
      // Meta's Ads Insights BUC throttle. The status is usually 400 at Meta;
      // the sandbox answers 429 with Retry-After so that every client and the
      // sync engine can see the wait, and the BUC header carries it too.
      graphError(
        429,
        {
          message:
            "(#80000) There have been too many calls from this ad-account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-management.",
          type: "OAuthException",
          code: 80000,
          error_subcode: 2446079,
        },
        {
          headers: {
            "retry-after": String(seconds),
            "x-business-use-case-usage": bucHeader(usageKey(c, context), c.req.path, {
              percent: 100,
              regainMinutes: Math.ceil(seconds / 60),
            }),
          },
        },
      ),
    serverError: () =>
      graphError(500, {
        message: "An unexpected error has occurred. Please retry your request later.",
        type: "OAuthException",
        code: 2,
        is_transient: true,
      }),
    invalidToken: (c) => {
      const token = tokenOf(c);
      if (!token) return missingToken();
      const checked = context.tokens.verify(token, "meta", "access", context.now());
      return !checked.ok && checked.reason === "revoked"
        ? revokedToken(context.apps.meta.clientId)
        : invalidTokenError();
    },
    tokenExpired: (c) => {
      const now = context.now();
      // A token past its `exp`, or one the fault plan declares expired now.
      const grant = peekGrant(tokenOf(c));
      const exp = grant?.exp ? new Date(grant.exp * 1000) : now;
      return expiredToken(new Date(Math.min(exp.getTime(), now.getTime())), now);
    },
  };
}

const accessTokenPrefix = "EAAsbx";

/** Reads a sandbox token's claims without checking it (only to word an error). */
function peekGrant(token: string | undefined): { exp: number | null } | null {
  if (!token?.startsWith(accessTokenPrefix)) return null;
  const payload = token.slice(accessTokenPrefix.length).split(".")[0] ?? "";
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}
