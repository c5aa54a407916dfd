import { randomBytes } from "node:crypto";
import type { Context } from "hono";
import type { PlatformErrors } from "../../platform.ts";

/** Google's 22-character request ids (base64url of 16 bytes). */
export const newRequestId = () => randomBytes(16).toString("base64url");

/** The gRPC status each HTTP status stands for, and Google's stock message for it. */
const statuses = {
  400: { status: "INVALID_ARGUMENT", message: "Request contains an invalid argument." },
  401: {
    status: "UNAUTHENTICATED",
    message:
      "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
  },
  403: { status: "PERMISSION_DENIED", message: "The caller does not have permission" },
  429: { status: "RESOURCE_EXHAUSTED", message: "Resource has been exhausted (e.g. check quota)." },
  500: { status: "INTERNAL", message: "Internal error encountered." },
} as const;

export type AdsHttpStatus = keyof typeof statuses;

/** One entry of `GoogleAdsFailure.errors`: `errorCode` is a one-key object such as `{queryError: "UNRECOGNIZED_FIELD"}`. */
export interface GoogleAdsError {
  errorCode: Record<string, string>;
  message: string;
  trigger?: { stringValue: string };
  details?: Record<string, unknown>;
}

/** A failure the Ads API routes raise; the handler turns it into Google's envelope. */
export class AdsFailure extends Error {
  constructor(
    readonly httpStatus: AdsHttpStatus,
    readonly errors: GoogleAdsError[],
  ) {
    super(errors[0]?.message ?? statuses[httpStatus].message);
  }
}

export const adsFailure = (
  httpStatus: AdsHttpStatus,
  key: string,
  value: string,
  message: string,
  extra: Omit<GoogleAdsError, "errorCode" | "message"> = {},
) => new AdsFailure(httpStatus, [{ errorCode: { [key]: value }, message, ...extra }]);

/** The API version in the request path (`/ads/v23/…`), for the failure's `@type`. */
export function versionOf(c: Context): string {
  return /\/ads\/(v\d+)\//.exec(new URL(c.req.url).pathname)?.[1] ?? "v23";
}

/**
 * Google's REST error: a google.rpc.Status whose details carry a
 * GoogleAdsFailure. searchStream answers with a JSON array even when it
 * fails, so its errors come wrapped in one.
 */
export function failureResponse(
  c: Context,
  failure: AdsFailure,
  headers: Record<string, string> = {},
): Response {
  const { status, message } = statuses[failure.httpStatus];
  const version = versionOf(c);
  const body = {
    error: {
      code: failure.httpStatus,
      message,
      status,
      details: [
        {
          "@type": `type.googleapis.com/google.ads.googleads.${version}.errors.GoogleAdsFailure`,
          errors: failure.errors,
          requestId: newRequestId(),
        },
      ],
    },
  };
  const streamed = new URL(c.req.url).pathname.endsWith(":searchStream");
  return c.json(streamed ? [body] : body, failure.httpStatus, headers);
}

/**
 * A token without the AdWords scope is refused by Google's front end before
 * the Ads API sees it: a plain google.rpc.Status with an ErrorInfo, no
 * GoogleAdsFailure.
 */
export function insufficientScopes(c: Context): Response {
  const body = {
    error: {
      code: 403,
      message: "Request had insufficient authentication scopes.",
      status: "PERMISSION_DENIED",
      details: [
        {
          "@type": "type.googleapis.com/google.rpc.ErrorInfo",
          reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
          domain: "googleapis.com",
          metadata: { service: "googleads.googleapis.com" },
        },
      ],
    },
  };
  const streamed = new URL(c.req.url).pathname.endsWith(":searchStream");
  return c.json(streamed ? [body] : body, 403);
}

/** How the guard's faults and token checks look on the Ads API. */
export const adsGuardErrors: PlatformErrors = {
  rateLimited: (c, seconds) =>
    failureResponse(
      c,
      adsFailure(
        429,
        "quotaError",
        "RESOURCE_TEMPORARILY_EXHAUSTED",
        `Too many requests. Retry in ${seconds} seconds.`,
        {
          details: {
            quotaErrorDetails: {
              rateScope: "ACCOUNT",
              rateName: "Requests per account",
              retryDelay: `${seconds}s`,
            },
          },
        },
      ),
      { "Retry-After": String(seconds) },
    ),
  serverError: (c) =>
    failureResponse(c, adsFailure(500, "internalError", "INTERNAL_ERROR", "An internal error has occurred.")),
  invalidToken: (c) =>
    failureResponse(
      c,
      adsFailure(
        401,
        "authenticationError",
        "OAUTH_TOKEN_INVALID",
        "OAuth token in the header is not valid.",
      ),
    ),
  tokenExpired: (c) =>
    failureResponse(
      c,
      adsFailure(401, "authenticationError", "OAUTH_TOKEN_EXPIRED", "OAuth token in the header has expired."),
    ),
};
