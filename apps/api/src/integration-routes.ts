import type { Auth } from "@omnify/auth";
import { type Platform, platformNames, platforms } from "@omnify/connectors";
import {
  type Actor,
  type CallbackResult,
  ConnectFailure,
  completeConnect,
  type IntegrationDeps,
  normaliseShopDomain,
} from "@omnify/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** How old Shopify's signed install request may be. */
const installMaxAgeSeconds = 300;

export const integrationRoutePrefix = "/api/integrations";

/**
 * The browser-facing ends of the connect flows: each platform redirects the
 * user back to `/api/integrations/<platform>/callback`; Shopify's admin opens
 * `/api/integrations/shopify/install` when a merchant installs the app there.
 * Success lands on the shop's integrations page; a refusal is a plain page
 * that says why, and nothing is stored.
 */
export function registerIntegrationRoutes(
  app: FastifyInstance,
  { deps, auth, sessionOf }: { deps: IntegrationDeps; auth: Auth; sessionOf: SessionLookup },
): void {
  app.get<{ Params: { platform: string } }>(
    `${integrationRoutePrefix}/:platform/callback`,
    async (request, reply) => {
      const platform = request.params.platform as Platform;
      // An unknown platform, or one this server has no credentials for, has no callback.
      if (!platforms.includes(platform) || !deps.connectors[platform]) {
        return reply.code(404).send({ error: "Not Found" });
      }
      const query = new URLSearchParams(request.url.split("?")[1] ?? "");
      const session = await sessionOf(auth, request);
      const actor: Actor = {
        userId: session?.userId ?? null,
        email: session?.email ?? null,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      };
      let result: CallbackResult;
      try {
        result = await completeConnect(deps, actor, platform, query, session);
      } catch (error) {
        if (!(error instanceof ConnectFailure)) throw error;
        request.log.info({ platform, problem: error.problem }, "connect callback refused");
        return refusalPage(reply, deps.appUrl, error);
      }
      const target = new URL(`/shops/${result.shopId}/integrations`, deps.appUrl);
      target.searchParams.set("connected", platform);
      if (result.needsAccountChoice) target.searchParams.set("choose", result.integrationId);
      return reply.code(303).redirect(target.toString());
    },
  );

  app.get(`${integrationRoutePrefix}/shopify/install`, async (request, reply) => {
    const query = new URLSearchParams(request.url.split("?")[1] ?? "");
    const shopifyAuth = deps.connectors.shopify?.auth;
    const timestamp = Number(query.get("timestamp"));
    const fresh =
      Number.isFinite(timestamp) && Math.abs(Date.now() / 1000 - timestamp) <= installMaxAgeSeconds;
    if (!shopifyAuth?.verifyCallback?.(query) || !fresh) {
      return refusalPage(reply, deps.appUrl, new ConnectFailure("hmac_invalid", "shopify"));
    }
    let shopDomain: string;
    try {
      shopDomain = normaliseShopDomain(query.get("shop") ?? "");
    } catch {
      return refusalPage(reply, deps.appUrl, new ConnectFailure("hmac_invalid", "shopify"));
    }
    // The merchant picks (or creates) the Omnify shop to connect it to, signed in, then the normal flow runs.
    const target = new URL("/connect/shopify", deps.appUrl);
    target.searchParams.set("shop", shopDomain);
    return reply.code(303).redirect(target.toString());
  });
}

export type SessionLookup = (
  auth: Auth,
  request: FastifyRequest,
) => Promise<{ userId: string; sessionId: string; email: string } | null>;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function refusalPage(reply: FastifyReply, appUrl: string, failure: ConnectFailure) {
  const back = new URL(failure.shopId ? `/shops/${failure.shopId}/integrations` : "/", appUrl).toString();
  const title = `${platformNames[failure.platform]} was not connected`;
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Omnify</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}main{max-width:32rem;margin:3rem auto;padding:1.5rem;background:#fff;border:1px solid #e2e8f0;border-radius:12px}a{color:#4338ca}</style>
</head><body><main role="main">
<h1>${escapeHtml(title)}</h1>
<p role="alert" data-problem="${failure.problem}">${escapeHtml(failure.message)}</p>
<p><a href="${escapeHtml(back)}">Back to Omnify</a></p>
</main></body></html>`;
  return reply.code(400).header("cache-control", "no-store").type("text/html; charset=utf-8").send(page);
}
