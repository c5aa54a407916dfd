import { ConnectorError, parseRetryAfter } from "../errors.ts";

/**
 * TikTok's return codes, grouped by what a sync should do. TikTok reports
 * nearly every failure as HTTP 200 with a non-zero `code`, so the code, not
 * the HTTP status, decides.
 */
const rateLimited = new Map([
  [40100, 1000], // app-level QPS: retry in the next second
  [40133, 1000], // advertiser-level QPS
  [40016, 5 * 60_000], // app-level per-minute quota: TikTok advises backing off about five minutes
]);
// 40104 (no token at all) also means the stored connection has no usable token: reconnect.
const authExpired = new Set([40102, 40104, 40105, 40106, 40107]);
const permissionDenied = new Set([40001, 40118, 40119, 40125]);
const accountInvalid = new Set([40300, 40301]);

/** Codes that can only come back from the authorization-code exchange or revocation. */
const authCodeRejected = new Set([40110]);
const appCredentialsRejected = new Set([40101, 40113]);

export interface TikTokFailure {
  code: number;
  /** TikTok's own message; kept out of our message (it may quote request values) and put in `cause`. */
  message: string;
  status: number;
  headers: Headers;
}

export function tiktokError({ code, message, status, headers }: TikTokFailure): ConnectorError {
  const details = { status, platformCode: String(code), cause: { tiktokMessage: message } };
  const delay = rateLimited.get(code);
  if (delay !== undefined)
    return new ConnectorError(
      "tiktok",
      "rate_limited",
      "TikTok is limiting how often Omnify may ask for data; the sync will continue shortly",
      { ...details, retryAfterMs: parseRetryAfter(headers.get("retry-after")) ?? delay },
    );
  if (authExpired.has(code))
    return new ConnectorError(
      "tiktok",
      "auth_expired",
      "TikTok no longer accepts Omnify's access (it was revoked or expired); reconnect TikTok to continue",
      details,
    );
  if (authCodeRejected.has(code))
    return new ConnectorError(
      "tiktok",
      "auth_expired",
      "TikTok refused the authorization: it expired or was already used. Please connect TikTok again",
      details,
    );
  if (permissionDenied.has(code))
    return new ConnectorError(
      "tiktok",
      "permission_denied",
      "TikTok says Omnify lacks permission for this ad account; reconnect TikTok and allow access to the account and its reports",
      details,
    );
  if (accountInvalid.has(code))
    return new ConnectorError(
      "tiktok",
      "account_invalid",
      "TikTok says this ad account does not exist or was deleted",
      details,
    );
  if ((code >= 50000 && code < 60000) || code === 60001)
    return new ConnectorError(
      "tiktok",
      "transient",
      code === 60001 ? "TikTok is down for maintenance" : "TikTok had a temporary problem",
      details,
    );
  if (appCredentialsRejected.has(code))
    return new ConnectorError(
      "tiktok",
      "bad_request",
      "TikTok did not accept Omnify's app credentials (app id or secret)",
      details,
    );
  return new ConnectorError(
    "tiktok",
    "bad_request",
    `TikTok rejected Omnify's request (code ${code})`,
    details,
  );
}

/** An HTTP failure that carries no TikTok envelope (wrong path, gateway outage, bare throttle). */
export function httpError(status: number, headers: Headers): ConnectorError {
  if (status === 429)
    return new ConnectorError(
      "tiktok",
      "rate_limited",
      "TikTok is limiting how often Omnify may ask for data; the sync will continue shortly",
      { status, retryAfterMs: parseRetryAfter(headers.get("retry-after")) ?? 1000 },
    );
  if (status >= 500)
    return new ConnectorError("tiktok", "transient", `TikTok is having problems (HTTP ${status})`, {
      status,
    });
  return new ConnectorError("tiktok", "bad_request", `TikTok refused the request (HTTP ${status})`, {
    status,
  });
}
