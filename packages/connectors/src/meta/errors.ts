import { ConnectorError, parseRetryAfter } from "../errors.ts";
import type { HttpResponse } from "../http.ts";
import { type GraphErrorBody, graphErrorSchema } from "./schemas.ts";

/** Throttle codes: app (4), user (17), Pages (32), ad account (613) and the Business Use Case family. */
const throttleCodes = new Set([4, 17, 32, 613]);
const isBucThrottle = (code: number) => code >= 80000 && code <= 80014;

/** Meta's own floor for a throttle without a stated wait (Airbyte's policy). */
const minimumThrottleMs = 60_000;

/**
 * Turns a Graph error answer into a typed error. Meta signals throttles and
 * dead tokens in the body, usually with HTTP 400, so the body decides.
 */
export function graphFailure(response: HttpResponse): ConnectorError {
  const parsed = graphErrorSchema.safeParse(response.body);
  const status = response.status;
  if (!parsed.success) {
    if (status === 429)
      return new ConnectorError("meta", "rate_limited", messages.rate_limited, {
        status,
        retryAfterMs: throttleDelayMs(response.headers),
      });
    if (status >= 500) return new ConnectorError("meta", "transient", messages.transient, { status });
    return new ConnectorError(
      "meta",
      "malformed_response",
      `Meta answered HTTP ${status} without an error we can read`,
      {
        status,
      },
    );
  }
  const error = parsed.data.error;
  const code = error.code ?? 0;
  const details = {
    status,
    platformCode: error.code === undefined ? undefined : String(error.code),
    // Meta's words and trace id help support; they never quote tokens.
    cause: {
      code: error.code,
      subcode: error.error_subcode,
      type: error.type,
      message: error.message,
      fbtrace_id: error.fbtrace_id,
    },
  };
  const kind = kindOf(error, status);
  if (kind === "rate_limited")
    return new ConnectorError("meta", kind, messages.rate_limited, {
      ...details,
      retryAfterMs: throttleDelayMs(response.headers),
    });
  if (kind === "bad_request")
    return new ConnectorError("meta", kind, `Meta refused Omnify's request (error ${code})`, details);
  return new ConnectorError("meta", kind, messages[kind], details);
}

function kindOf(error: GraphErrorBody, status: number) {
  const code = error.code ?? 0;
  const message = error.message ?? "";
  if (code === 190 || code === 102) return "auth_expired" as const;
  if (throttleCodes.has(code) || isBucThrottle(code)) return "rate_limited" as const;
  // 100/33 says "cannot be loaded due to missing permissions" too: it is about the object, so it comes first.
  if (code === 100 && error.error_subcode === 33) return "account_invalid" as const;
  if (code === 10 || (code >= 200 && code <= 299) || (code === 100 && /permission/i.test(message)))
    return "permission_denied" as const;
  if (code === 1 || code === 2 || error.is_transient === true || status >= 500) return "transient" as const;
  if (status === 429) return "rate_limited" as const;
  return "bad_request" as const;
}

const messages = {
  rate_limited: "Meta is limiting how often Omnify can read this ad account; syncing resumes shortly",
  auth_expired: "Meta signed Omnify out (the login expired or was removed); reconnect Meta to keep syncing",
  permission_denied:
    "Meta says Omnify is not allowed to read this ad account's ads; reconnect Meta and keep the ads permission ticked",
  account_invalid: "Meta says this ad account does not exist or you lost access to it",
  transient: "Meta is having problems right now; we will try again",
  malformed_response: "Meta sent a response we could not read",
} as const;

/**
 * How long to wait after a throttle: the Retry-After header when there is
 * one; otherwise the longest `estimated_time_to_regain_access` (minutes) in
 * the Business Use Case usage header, but never less than a minute.
 */
export function throttleDelayMs(headers: Headers): number {
  const retryAfter = parseRetryAfter(headers.get("retry-after"));
  if (retryAfter !== undefined) return retryAfter;
  return Math.max(minimumThrottleMs, regainMinutes(headers.get("x-business-use-case-usage")) * 60_000);
}

function regainMinutes(header: string | null): number {
  if (!header) return 0;
  let usage: unknown;
  try {
    usage = JSON.parse(header);
  } catch {
    return 0;
  }
  let minutes = 0;
  if (usage && typeof usage === "object") {
    for (const entries of Object.values(usage))
      for (const entry of Array.isArray(entries) ? entries : []) {
        const value = Number(
          (entry as { estimated_time_to_regain_access?: unknown })?.estimated_time_to_regain_access,
        );
        if (Number.isFinite(value) && value > minutes) minutes = value;
      }
  }
  return minutes;
}
