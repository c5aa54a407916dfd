import type { Context, Hono } from "hono";
import { apiGuard, hasScope, type SandboxContext, type SandboxEnv } from "../../platform.ts";
import { clientCustomer, managerCustomer } from "./customers.ts";
import {
  AdsFailure,
  adsFailure,
  adsGuardErrors,
  failureResponse,
  insufficientScopes,
  newRequestId,
} from "./errors.ts";
import { GaqlError, parseGaql } from "./gaql.ts";
import { adwordsScope } from "./oauth.ts";
import { runQuery } from "./search.ts";

const listPath = /\/ads\/(v\d+)\/customers:listAccessibleCustomers$/;
const streamPath = /\/ads\/(v\d+)\/customers\/([^/]+)\/googleAds:searchStream$/;
/** Versions the sandbox answers; older ones are sunset and 404 like the real host. */
const versions = /^v(19|2[0-6])$/;

/** Google's front end answers unknown paths (and sunset versions) with an HTML 404, before any auth. */
function notFound(c: Context): Response {
  const path = new URL(c.req.url).pathname.replace(/^.*?\/ads(?=\/)/, "");
  return c.html(
    `<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Error 404 (Not Found)!!1</title><p><b>404.</b> <ins>That’s an error.</ins><p>The requested URL <code>${path.replace(/[<>&"]/g, "")}</code> was not found on this server. <ins>That’s all we know.</ins>`,
    404,
  );
}

function route(c: Context): { kind: "list" } | { kind: "stream"; customerId: string } | null {
  const path = new URL(c.req.url).pathname;
  const list = listPath.exec(path);
  if (list && versions.test(list[1] ?? "") && c.req.method === "GET") return { kind: "list" };
  const stream = streamPath.exec(path);
  if (stream && versions.test(stream[1] ?? "") && c.req.method === "POST")
    return { kind: "stream", customerId: decodeURIComponent(stream[2] ?? "") };
  return null;
}

/**
 * The Ads API: `customers:listAccessibleCustomers` and
 * `googleAds:searchStream`. Clients are reached through the manager, so
 * their requests need `login-customer-id`; every call needs the app's
 * developer token.
 */
export function mountAds(app: Hono<SandboxEnv>, ctx: SandboxContext): void {
  app.use("/ads/*", async (c, next) => {
    if (!route(c)) return notFound(c);
    await next();
  });
  app.use(
    "/ads/*",
    apiGuard(ctx, {
      platform: "google",
      tokenOf: (c) => /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1],
      errors: adsGuardErrors,
    }),
  );
  app.use("/ads/*", async (c, next) => {
    const developerToken = c.req.header("developer-token");
    if (!developerToken)
      return failureResponse(
        c,
        adsFailure(
          400,
          "requestError",
          "DEVELOPER_TOKEN_PARAMETER_MISSING",
          "The developer-token parameter is required for all requests.",
        ),
      );
    if (developerToken !== ctx.apps.google.developerToken)
      return failureResponse(
        c,
        adsFailure(
          401,
          "authenticationError",
          "DEVELOPER_TOKEN_INVALID",
          "The developer token is not valid.",
        ),
      );
    if (!hasScope(c.get("grant"), adwordsScope)) return insufficientScopes(c);
    await next();
  });

  app.all("/ads/*", async (c) => {
    const matched = route(c);
    if (matched?.kind === "list") return c.json({ resourceNames: [`customers/${managerCustomer(ctx).id}`] });
    if (matched?.kind !== "stream") return notFound(c);
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      // The JSON transcoder refuses it before the Ads API sees it: a bare google.rpc.Status.
      const error = { code: 400, message: "Invalid JSON payload received.", status: "INVALID_ARGUMENT" };
      return c.json([{ error }], 400);
    }
    try {
      return c.json(searchStream(c, ctx, matched.customerId, body));
    } catch (error) {
      if (error instanceof AdsFailure) return failureResponse(c, error);
      if (error instanceof GaqlError)
        return failureResponse(
          c,
          adsFailure(
            400,
            "queryError",
            error.code,
            error.message,
            error.trigger ? { trigger: { stringValue: error.trigger } } : {},
          ),
        );
      throw error;
    }
  });
}

function searchStream(c: Context, ctx: SandboxContext, customerId: string, body: unknown): object[] {
  const query = (body as { query?: unknown } | null)?.query;
  if (typeof query !== "string" || query.trim() === "")
    throw adsFailure(400, "requestError", "REQUIRED_FIELD_MISSING", "Required field 'query' is missing.");

  const manager = managerCustomer(ctx);
  const invalidCustomer = adsFailure(
    400,
    "requestError",
    "INVALID_CUSTOMER_ID",
    `Invalid customer ID '${customerId}'.`,
  );
  if (!/^\d{10}$/.test(customerId)) throw invalidCustomer;
  const account = ctx.dataset.account("google", customerId) ?? null;
  if (customerId !== manager.id && !account) throw invalidCustomer;

  // Access to the clients comes only through the manager, so the manager must be named as the login customer.
  const login = c.req.header("login-customer-id");
  const allowed =
    customerId === manager.id ? login === undefined || login === manager.id : login === manager.id;
  if (!allowed)
    throw adsFailure(
      403,
      "authorizationError",
      "USER_PERMISSION_DENIED",
      "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header. See https://developers.google.com/google-ads/api/docs/concepts/call-structure#cid",
    );
  if (account?.disabled)
    throw adsFailure(
      403,
      "authorizationError",
      "CUSTOMER_NOT_ENABLED",
      "The customer account can't be accessed because it is not yet enabled or has been deactivated.",
    );

  const customer = account ? clientCustomer(account) : manager;
  const clients = account ? [] : ctx.dataset.accounts("google").map(clientCustomer);
  const { rows, fieldMask } = runQuery(parseGaql(query), {
    dataset: ctx.dataset,
    now: ctx.now(),
    customer,
    account,
    clients,
  });

  // One HTTP response, cut into batches as the stream would deliver them; the last one carries the cost.
  const requestId = newRequestId();
  const size = Math.max(1, ctx.tuning.googleStreamBatchSize);
  const batches: object[] = [];
  for (let start = 0; start < rows.length || batches.length === 0; start += size) {
    const results = rows.slice(start, start + size);
    batches.push(results.length ? { results, fieldMask, requestId } : { fieldMask, requestId });
  }
  const last = batches[batches.length - 1] as Record<string, unknown>;
  last.queryResourceConsumption = String(100 + rows.length);
  return batches;
}
