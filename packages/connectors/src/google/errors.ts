import type { ConnectorErrorKind } from "../errors.ts";
import { ConnectorError, parseRetryAfter } from "../errors.ts";
import type { HttpResponse } from "../http.ts";
import { oauthErrorSchema, statusSchema } from "./schemas.ts";

/** What Google said went wrong, read from a google.rpc.Status (searchStream wraps it in an array). */
interface Diagnosis {
  status: number;
  /** The GoogleAdsFailure's first error, e.g. `authorizationError` / `USER_PERMISSION_DENIED`. */
  family?: string;
  code?: string;
  /** The gRPC status name, e.g. `UNAVAILABLE`. */
  grpcStatus?: string;
  /** An ErrorInfo reason from Google's front end, e.g. `ACCESS_TOKEN_SCOPE_INSUFFICIENT`. */
  reason?: string;
  /** From QuotaErrorDetails.retryDelay ("7s"). */
  retryDelayMs?: number;
}

function diagnose(status: number, body: unknown): Diagnosis {
  const element = Array.isArray(body)
    ? body.find((item) => item && typeof item === "object" && "error" in item)
    : body;
  const parsed = statusSchema.safeParse(element);
  if (!parsed.success) return { status };
  const { error } = parsed.data;
  const diagnosis: Diagnosis = { status: error.code ?? status, grpcStatus: error.status };
  for (const detail of error.details ?? []) {
    diagnosis.reason ??= detail.reason;
    const first = detail.errors?.[0];
    const entry = first?.errorCode && Object.entries(first.errorCode)[0];
    if (entry && !diagnosis.code) {
      [diagnosis.family, diagnosis.code] = entry;
      diagnosis.retryDelayMs = durationMs(first?.details?.quotaErrorDetails?.retryDelay);
    }
  }
  return diagnosis;
}

/** A protobuf Duration in JSON ("7s", "1.5s") to milliseconds. */
function durationMs(value: string | undefined): number | undefined {
  const match = value ? /^(\d+(?:\.\d+)?)s$/.exec(value) : null;
  return match ? Math.ceil(Number(match[1]) * 1000) : undefined;
}

/** When Google asks us to slow down without saying for how long. */
export const defaultRetryAfterMs = 30_000;

/** `1234567890` → `123-456-7890`, the way Google Ads shows customer ids. */
export const formatCustomerId = (id: string) =>
  /^\d{10}$/.test(id) ? `${id.slice(0, 3)}-${id.slice(3, 6)}-${id.slice(6)}` : id;

const authCodes = new Set([
  "OAUTH_TOKEN_EXPIRED",
  "OAUTH_TOKEN_INVALID",
  "OAUTH_TOKEN_REVOKED",
  "OAUTH_TOKEN_DISABLED",
  "OAUTH_TOKEN_HEADER_INVALID",
]);
const accountCodes = new Set([
  "INVALID_CUSTOMER_ID",
  "CUSTOMER_NOT_ENABLED",
  "CUSTOMER_NOT_FOUND",
  "CLIENT_CUSTOMER_ID_INVALID",
]);
const transientStatuses = new Set(["INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED"]);

/**
 * Turns a failed Ads API answer into a typed error. The platform's own code
 * decides first (a 401 for a bad developer token is not an expired login),
 * then the HTTP status. Google's message is never copied: it can echo the
 * developer token back.
 */
export function adsApiError(
  response: Pick<HttpResponse, "status" | "headers" | "body">,
  customerId?: string,
) {
  const found = diagnose(response.status, response.body);
  const account = customerId ? `account ${formatCustomerId(customerId)}` : "this account";
  const fail = (kind: ConnectorErrorKind, message: string, retryAfterMs?: number) =>
    new ConnectorError("google", kind, message, {
      // A stream that fails part-way says 200 on the wire; the error element carries the real code.
      status: found.status,
      platformCode: found.code ?? found.reason ?? found.grpcStatus,
      retryAfterMs,
    });
  const { code, status } = found;

  if (code && authCodes.has(code))
    return fail("auth_expired", "Google Ads says Omnify's sign-in has expired or is no longer valid.");
  if (code?.startsWith("DEVELOPER_TOKEN_"))
    return fail(
      "permission_denied",
      "Google Ads refused Omnify's developer token, so Omnify cannot read Google Ads right now. This is on our side.",
    );
  if (code && accountCodes.has(code))
    return fail(
      "account_invalid",
      `Google Ads says ${account} does not exist, was cancelled, or is not enabled.`,
    );
  if (code === "NOT_ADS_USER")
    return fail("permission_denied", "The Google login used to connect has no Google Ads accounts.");
  if (code === "USER_PERMISSION_DENIED" || found.family === "authorizationError")
    return fail(
      "permission_denied",
      `Google Ads says the connected Google login cannot read ${account}. Check that it still has access in Google Ads, or reconnect.`,
    );
  if (found.reason === "ACCESS_TOKEN_SCOPE_INSUFFICIENT")
    return fail(
      "permission_denied",
      "Omnify was not given access to your Google Ads data. Please reconnect Google Ads and allow access.",
    );
  if (found.family === "quotaError" || status === 429) {
    const wait =
      parseRetryAfter(response.headers.get("retry-after")) ?? found.retryDelayMs ?? defaultRetryAfterMs;
    return fail(
      "rate_limited",
      `Google Ads asked Omnify to slow down; it will try again in ${Math.ceil(wait / 1000)} seconds.`,
      wait,
    );
  }
  if (found.family === "internalError" || status >= 500 || transientStatuses.has(found.grpcStatus ?? ""))
    return fail("transient", `Google Ads is having problems (HTTP ${status}); Omnify will try again.`);
  if (status === 401) return fail("auth_expired", "Google Ads says Omnify's sign-in is no longer valid.");
  if (status === 403)
    return fail("permission_denied", `Google Ads refused access to ${account}. Please check the connection.`);
  return fail(
    "bad_request",
    `Google Ads refused Omnify's request${code ? ` (${code})` : ""} (HTTP ${status}). This is a bug on our side.`,
  );
}

/** Turns a failed answer from Google's token or revocation endpoint into a typed error. */
export function oauthApiError(response: Pick<HttpResponse, "status" | "headers" | "body">): ConnectorError {
  const parsed = oauthErrorSchema.safeParse(response.body);
  const code = parsed.success ? parsed.data.error : undefined;
  const fail = (kind: ConnectorErrorKind, message: string, retryAfterMs?: number) =>
    new ConnectorError("google", kind, message, {
      status: response.status,
      platformCode: code,
      retryAfterMs,
    });
  if (code === "invalid_grant")
    return fail(
      "auth_expired",
      "Google says this sign-in has expired, was already used, or was revoked. Please connect Google Ads again.",
    );
  if (response.status === 429)
    return fail(
      "rate_limited",
      "Google's sign-in service asked Omnify to slow down.",
      parseRetryAfter(response.headers.get("retry-after")) ?? defaultRetryAfterMs,
    );
  if (response.status >= 500)
    return fail("transient", `Google's sign-in service is having problems (HTTP ${response.status}).`);
  if (code === "invalid_client" || code === "unauthorized_client")
    return fail("bad_request", "Google refused Omnify's app credentials. This is a setting on our side.");
  return fail(
    "bad_request",
    `Google's sign-in service refused the request${code ? ` (${code})` : ""} (HTTP ${response.status}).`,
  );
}
