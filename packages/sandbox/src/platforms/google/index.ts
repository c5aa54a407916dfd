import { Hono } from "hono";
import type { SandboxContext, SandboxEnv } from "../../platform.ts";
import { mountAds } from "./ads.ts";
import { mountOAuth } from "./oauth.ts";

/**
 * Google, mounted at `/google`: the consent screen (`/google/accounts`, for
 * accounts.google.com), the token endpoints (`/google/oauth2`, for
 * oauth2.googleapis.com) and the Ads API (`/google/ads`, for
 * googleads.googleapis.com).
 */
export function googleRoutes(context: SandboxContext): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  mountOAuth(app, context);
  mountAds(app, context);
  return app;
}
