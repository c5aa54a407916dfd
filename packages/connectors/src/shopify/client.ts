import { z } from "zod";
import { ConnectorError, parseRetryAfter } from "../errors.ts";
import { type HttpResponse, joinUrl, parseShape, requestJson } from "../http.ts";
import { type TokenSource, withFreshToken } from "../tokens.ts";
import { type ShopifySettings, shopBase } from "./config.ts";
import { type QueryCost, responseEnvelope } from "./schemas.ts";

/**
 * One Admin GraphQL call: the token goes in `X-Shopify-Access-Token`, an
 * expired token is refreshed once, and every failure Shopify reports (by
 * status or in `errors[]` of an HTTP 200) becomes a typed ConnectorError.
 */
export async function adminGraphql<Schema extends z.ZodType>(
  settings: ShopifySettings,
  tokens: TokenSource,
  shopDomain: string,
  request: { query: string; variables?: Record<string, unknown>; what: string },
  dataSchema: Schema,
): Promise<{ data: z.infer<Schema>; cost: QueryCost | null }> {
  const url = joinUrl(shopBase(settings, shopDomain), `/admin/api/${settings.apiVersion}/graphql.json`);
  const response = await withFreshToken(tokens, async (token) => {
    const answer = await requestJson("shopify", url, {
      headers: { "X-Shopify-Access-Token": token },
      json: { query: request.query, variables: request.variables ?? {} },
    });
    if (answer.status !== 200) throw statusError(answer, shopDomain);
    return answer;
  });
  const envelope = parseShape("shopify", responseEnvelope, response.body, request.what);
  const cost = envelope.extensions?.cost ?? null;
  if (envelope.errors?.length) throw graphqlError(envelope.errors, cost, response);
  return { data: parseShape("shopify", dataSchema, envelope.data, request.what), cost };
}

/**
 * How long the bucket needs to hold the refused request again, as Shopify
 * advises: (requested − available) / restore rate, in whole seconds, at least
 * one. Without a requested cost to go on (a throttle not about cost), one second.
 */
export function throttleDelayMs(cost: QueryCost | null): number {
  const status = cost?.throttleStatus;
  const requested = cost?.requestedQueryCost;
  if (!status || requested == null || status.restoreRate <= 0) return 1000;
  return Math.max(1, Math.ceil((requested - status.currentlyAvailable) / status.restoreRate)) * 1000;
}

function statusError(response: HttpResponse, shopDomain: string): ConnectorError {
  const { status } = response;
  const details = { status, platformCode: String(status) };
  if (status === 401) {
    return new ConnectorError(
      "shopify",
      "auth_expired",
      `Shopify no longer accepts Omnify's access to ${shopDomain}; reconnect the shop`,
      details,
    );
  }
  if (status === 403) {
    return new ConnectorError(
      "shopify",
      "permission_denied",
      `Shopify says Omnify lacks a permission it needs on ${shopDomain}; reconnect the shop to grant it`,
      details,
    );
  }
  if (status === 404) {
    return new ConnectorError(
      "shopify",
      "account_invalid",
      `Shopify says the shop ${shopDomain} does not exist`,
      details,
    );
  }
  if (status === 402 || status === 423) {
    return new ConnectorError(
      "shopify",
      "account_invalid",
      status === 402
        ? `The shop ${shopDomain} is frozen or unpaid, so Shopify will not share its data`
        : `Shopify has locked the shop ${shopDomain}`,
      details,
    );
  }
  if (status === 429) {
    const cost = responseEnvelope.safeParse(response.body).data?.extensions?.cost ?? null;
    return new ConnectorError("shopify", "rate_limited", "Shopify asked Omnify to slow down", {
      ...details,
      platformCode: "THROTTLED",
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) ?? throttleDelayMs(cost),
    });
  }
  if (status >= 500) {
    return new ConnectorError("shopify", "transient", `Shopify is having problems (HTTP ${status})`, details);
  }
  return new ConnectorError(
    "shopify",
    "bad_request",
    `Shopify refused Omnify's request (HTTP ${status})`,
    details,
  );
}

function graphqlError(
  errors: { message: string; extensions?: { code?: string } }[],
  cost: QueryCost | null,
  response: HttpResponse,
): ConnectorError {
  const codes = errors.map((error) => error.extensions?.code);
  if (codes.includes("THROTTLED")) {
    return new ConnectorError("shopify", "rate_limited", "Shopify asked Omnify to slow down", {
      status: response.status,
      platformCode: "THROTTLED",
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) ?? throttleDelayMs(cost),
    });
  }
  const denied = errors.find((error) => error.extensions?.code === "ACCESS_DENIED");
  if (denied) {
    return new ConnectorError(
      "shopify",
      "permission_denied",
      "Shopify says Omnify lacks a permission it needs on this shop; reconnect the shop to grant it",
      { status: response.status, platformCode: "ACCESS_DENIED", cause: denied.message },
    );
  }
  // The rest are about the query itself (unknown field, cost over the cap): a bug, not a retry.
  const first = errors[0];
  return new ConnectorError(
    "shopify",
    "bad_request",
    `Shopify rejected Omnify's query: ${first?.message ?? "unknown error"}`,
    {
      status: response.status,
      platformCode: first?.extensions?.code,
    },
  );
}

export const shopSchema = z.object({
  shop: z.object({
    name: z.string(),
    myshopifyDomain: z.string(),
    currencyCode: z.string(),
    ianaTimezone: z.string(),
  }),
});
