import { Hono, type MiddlewareHandler } from "hono";
import { apiGuard, type PlatformErrors, type SandboxContext, type SandboxEnv } from "../../platform.ts";
import { accessTokenRoutes } from "./access-token.ts";
import { authorizeRoutes } from "./authorize.ts";
import { invalidTokenBody, notFoundBody, serverErrorBody, throttledBody } from "./errors.ts";
import { answerGraphql, versionPattern } from "./graphql.ts";
import { createRoot, uninstall } from "./resolvers.ts";
import { ShopifyState } from "./state.ts";

/**
 * The Shopify Admin API for the demo shop, mounted at `/shopify` and reached
 * per shop as `/shopify/{shop}.myshopify.com/…` (MSW maps the real hosts
 * there). Any other shop is unknown, as a wrong domain is on Shopify.
 */
export function shopifyRoutes(context: SandboxContext): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const state = new ShopifyState(context.dataset);
  const root = createRoot(context, state);
  const knownShop = context.dataset.shop.domain;
  const installation = (shop: string) => `${context.apps.shopify.clientId}|${shop}`;

  // Not Shopify's: lets tests and demos start again from full cost buckets.
  app.post("/__sandbox/refill", (c) => {
    state.refillBuckets();
    return c.body(null, 204);
  });

  app.use("/:shop/*", async (c, next) => {
    if (c.req.param("shop") !== knownShop) return c.json(notFoundBody, 404);
    await next();
  });

  authorizeRoutes(app, context, state);
  accessTokenRoutes(app, context, state);

  const errors: PlatformErrors = {
    rateLimited: (c, seconds) => {
      const throttleStatus = state.bucket(installation(c.req.param("shop") ?? knownShop)).status();
      return c.json(throttledBody({ requestedQueryCost: null, actualQueryCost: null, throttleStatus }), 429, {
        "Retry-After": String(seconds),
      });
    },
    serverError: (c) => c.json(serverErrorBody, 500),
    // Shopify says the same thing for a wrong, revoked or expired token.
    invalidToken: (c) => c.json(invalidTokenBody, 401),
    tokenExpired: (c) => c.json(invalidTokenBody, 401),
  };
  const guard = apiGuard(context, {
    platform: "shopify",
    tokenOf: (c) => c.req.header("X-Shopify-Access-Token"),
    errors,
  });
  // A token opens only the shop it was issued for.
  const ownShop: MiddlewareHandler<SandboxEnv> = async (c, next) => {
    if (c.get("grant").shop !== c.req.param("shop")) return c.json(invalidTokenBody, 401);
    await next();
  };

  app.post("/:shop/admin/api/:version/graphql.json", guard, ownShop, async (c) => {
    if (!versionPattern.test(c.req.param("version"))) return c.json(notFoundBody, 404);
    return answerGraphql(c, context, state, root, c.req.param("shop"));
  });

  // The legacy REST way to uninstall; GraphQL's `appUninstall` does the same.
  app.delete("/:shop/admin/api_permissions/current.json", guard, ownShop, (c) => {
    uninstall(context, state, installation(c.req.param("shop")));
    return c.json({});
  });

  // Bulk results, as Shopify serves them from signed storage URLs: no token needed.
  app.get("/:shop/__bulk/:file", (c) => {
    const number = /^(\d+)\.jsonl$/.exec(c.req.param("file"))?.[1];
    const record = number ? state.bulkById.get(`gid://shopify/BulkOperation/${number}`) : undefined;
    if (!record?.completedAt || record.lines.length === 0) return c.text("NoSuchKey", 404);
    return c.body(`${record.lines.join("\n")}\n`, 200, { "Content-Type": "application/jsonl" });
  });

  app.all("/*", (c) => c.json(notFoundBody, 404));
  return app;
}
