import type { Platform } from "./domain.ts";

/**
 * What went wrong, in the terms a sync can act on:
 * - `rate_limited`: try again after `retryAfterMs`
 * - `auth_expired`: refresh the token, or ask the user to reconnect
 * - `permission_denied`: the grant lacks a scope or the user lost access
 * - `account_invalid`: the account does not exist, is closed or is not reachable
 * - `transient`: a server hiccup; retry with backoff
 * - `malformed_response`: the platform answered something we cannot read
 * - `bad_request`: our request was wrong (a bug or a bad setting); do not retry
 */
export const connectorErrorKinds = [
  "rate_limited",
  "auth_expired",
  "permission_denied",
  "account_invalid",
  "transient",
  "malformed_response",
  "bad_request",
] as const;
export type ConnectorErrorKind = (typeof connectorErrorKinds)[number];

export interface ConnectorErrorDetails {
  /** HTTP status, when there was a response. */
  status?: number;
  /** The platform's own error code (Meta `code`, Google `errorCode`, TikTok `code`, Shopify `extensions.code`). */
  platformCode?: string;
  /** For `rate_limited`: how long to wait before the next request. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * A connector failure. Messages are written for the shop owner and never
 * contain tokens, secrets or full request URLs (which may carry them).
 */
export class ConnectorError extends Error {
  override name = "ConnectorError";
  readonly status: number | undefined;
  readonly platformCode: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly platform: Platform,
    readonly kind: ConnectorErrorKind,
    message: string,
    details: ConnectorErrorDetails = {},
  ) {
    super(message, { cause: details.cause });
    this.status = details.status;
    this.platformCode = details.platformCode;
    this.retryAfterMs = details.retryAfterMs;
  }

  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "transient";
  }
}

export const isConnectorError = (error: unknown, kind?: ConnectorErrorKind): error is ConnectorError =>
  error instanceof ConnectorError && (kind === undefined || error.kind === kind);

/**
 * Reads a `Retry-After` header (seconds or an HTTP date) into milliseconds, or
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
