import { AsyncLocalStorage } from "node:async_hooks";
import type { z } from "zod";
import type { Platform } from "./domain.ts";
import { ConnectorError } from "./errors.ts";

export interface HttpOptions {
  method?: "GET" | "POST" | "DELETE";
  headers?: Record<string, string>;
  /** A JSON body (sent as application/json) or form fields (sent url-encoded). */
  json?: unknown;
  form?: Record<string, string>;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined for an empty body. */
  body: unknown;
}

const defaultTimeoutMs = 60_000;

/** Told about every request sent, whatever its outcome (a sync counts its API calls with it). */
export type RequestObserver = (request: { platform: Platform; status: number | null }) => void;

const observers = new AsyncLocalStorage<RequestObserver>();

/** Runs `work` with `observer` told about each request the connectors send inside it. */
export function observeRequests<T>(observer: RequestObserver, work: () => Promise<T>): Promise<T> {
  return observers.run(observer, work);
}

/**
 * One HTTP exchange with a platform. Network failures and timeouts become
 * `transient`; a body that is not JSON becomes `malformed_response`. Any status
 * is returned: each platform reads its own error envelope.
 */
export async function requestJson(
  platform: Platform,
  url: URL,
  options: HttpOptions = {},
): Promise<HttpResponse> {
  const headers = new Headers(options.headers);
  let body: string | undefined;
  if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(options.form).toString();
  }
  headers.set("accept", "application/json");
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? (body === undefined ? "GET" : "POST"),
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs),
    });
  } catch (cause) {
    observers.getStore()?.({ platform, status: null });
    const timedOut = cause instanceof Error && cause.name === "TimeoutError";
    throw new ConnectorError(
      platform,
      "transient",
      timedOut
        ? `${platformNames[platform]} did not answer in time`
        : `Could not reach ${platformNames[platform]}`,
      { cause: describeNetworkError(cause) },
    );
  }
  observers.getStore()?.({ platform, status: response.status });
  const text = await response.text().catch(() => {
    throw new ConnectorError(
      platform,
      "transient",
      `${platformNames[platform]} closed the connection mid-answer`,
      {
        status: response.status,
      },
    );
  });
  return {
    status: response.status,
    headers: response.headers,
    body: parseBody(platform, text, response.status),
  };
}

function parseBody(platform: Platform, text: string, status: number): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A gateway's HTML error page on a 5xx is an outage, not a format change.
    if (status >= 500) {
      throw new ConnectorError(
        platform,
        "transient",
        `${platformNames[platform]} is having problems (HTTP ${status})`,
        {
          status,
        },
      );
    }
    throw new ConnectorError(
      platform,
      "malformed_response",
      `${platformNames[platform]} sent a response that is not valid JSON`,
      {
        status,
      },
    );
  }
}

/** Validates a successful body against the shape we rely on. */
export function parseShape<Schema extends z.ZodType>(
  platform: Platform,
  schema: Schema,
  body: unknown,
  what: string,
): z.infer<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
  throw new ConnectorError(
    platform,
    "malformed_response",
    `${platformNames[platform]} sent ${what} in an unexpected shape${where}`,
    { cause: result.error },
  );
}

// Only the error's name and code: a fetch error's message can quote the URL, and URLs can carry tokens.
function describeNetworkError(cause: unknown): string {
  if (!(cause instanceof Error)) return "network error";
  const code = (cause.cause as { code?: string } | undefined)?.code;
  return code ? `${cause.name} (${code})` : cause.name;
}

export const platformNames: Record<Platform, string> = {
  meta: "Meta",
  google: "Google Ads",
  tiktok: "TikTok",
  shopify: "Shopify",
};

/** Joins a configured base URL (which may carry a path prefix) and a path. */
export function joinUrl(
  base: string,
  path: string,
  query: Record<string, string | number | undefined> = {},
): URL {
  const url = new URL(base.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`));
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}
