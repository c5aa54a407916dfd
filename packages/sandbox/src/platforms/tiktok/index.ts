import { Hono } from "hono";
import { apiGuard, type SandboxContext, type SandboxEnv } from "../../platform.ts";
import { mountApi } from "./api.ts";
import { codes, envelope, tiktokErrors } from "./envelope.ts";
import { mountOAuth } from "./oauth.ts";

/** The API version the sandbox serves; TikTok answers 40051 for a version it does not have. */
export const tiktokApiVersion = "v1.3";

/**
 * TikTok API for Business (Marketing API v1.3) as served at
 * `https://business-api.tiktok.com`: the advertiser authorization page, the
 * token endpoints and the reads Omnify uses. Strict routing: a path without
 * its trailing slash is a plain HTTP 404, as on TikTok.
 */
export function tiktokRoutes(context: SandboxContext): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>({ strict: true });
  const { fail } = envelope(context);
  app.use("/open_api/:version/*", async (c, next) => {
    if (c.req.param("version") !== tiktokApiVersion)
      return fail(c, codes.invalidVersion, "Invalid API version.");
    await next();
  });
  mountOAuth(app, context);
  mountApi(
    app,
    context,
    apiGuard(context, {
      platform: "tiktok",
      // Only the Access-Token header: a "Bearer …" value or a query parameter does not count.
      tokenOf: (c) => c.req.header("Access-Token"),
      errors: tiktokErrors(context),
    }),
  );
  return app;
}

export { tiktokScopes } from "./grants.ts";
