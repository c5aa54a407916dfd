import type { Hono } from "hono";
import type { SandboxContext, SandboxEnv } from "../../platform.ts";
import { epochSeconds, type Grant } from "../../tokens.ts";
import { formFields, single } from "./form.ts";
import type { ShopifyState } from "./state.ts";

/**
 * Shopify's token endpoint, `/admin/oauth/access_token`: exchanges a code for
 * an offline token (non-expiring, or expiring with `expiring=1`) or an online
 * one, and refreshes expiring offline tokens with `grant_type=refresh_token`.
 */

const accessTokenSeconds = 3600;
/** Expiring offline tokens: the refresh token lives 90 days. */
const refreshTokenSeconds = 90 * 86_400;
/** Online (per-user) tokens last a day. */
const onlineTokenSeconds = 86_399;

export function accessTokenRoutes(app: Hono<SandboxEnv>, sandbox: SandboxContext, state: ShopifyState): void {
  const shopifyApp = sandbox.apps.shopify;
  const shop = sandbox.dataset.shop;

  app.post("/:shop/admin/oauth/access_token", async (c) => {
    const shopDomain = c.req.param("shop");
    const fields = await formFields(c);
    const now = sandbox.now();
    const installation = `${shopifyApp.clientId}|${shopDomain}`;
    if (
      single(fields.client_id) !== shopifyApp.clientId ||
      single(fields.client_secret) !== shopifyApp.clientSecret
    ) {
      return c.json(
        {
          error: "invalid_client",
          error_description:
            "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
        },
        401,
      );
    }

    const issueOffline = (scopes: string[]) => {
      const access = sandbox.tokens.issue(
        {
          platform: "shopify",
          kind: "access",
          clientId: shopifyApp.clientId,
          scopes,
          shop: shopDomain,
          exp: epochSeconds(now) + accessTokenSeconds,
        },
        now,
      );
      const refresh = sandbox.tokens.issue(
        {
          platform: "shopify",
          kind: "refresh",
          clientId: shopifyApp.clientId,
          scopes,
          shop: shopDomain,
          exp: epochSeconds(now) + refreshTokenSeconds,
        },
        now,
      );
      remember(access, "access");
      const refreshJti = remember(refresh, "refresh");
      return { access, refresh, refreshJti };
    };
    const remember = (token: string, kind: "access" | "refresh"): string | null => {
      const checked = sandbox.tokens.verify(token, "shopify", kind, now);
      if (!checked.ok) return null;
      state.rememberToken(installation, checked.grant.jti);
      return checked.grant.jti;
    };

    if (single(fields.grant_type) === "refresh_token") {
      const checked = sandbox.tokens.verify(single(fields.refresh_token), "shopify", "refresh", now);
      if (
        !checked.ok ||
        checked.grant.shop !== shopDomain ||
        checked.grant.clientId !== shopifyApp.clientId
      ) {
        return c.json(
          {
            error: "invalid_grant",
            error_description:
              "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
          },
          400,
        );
      }
      // Since 2026-08 a refresh token stays usable until its replacement is first used;
      // using this one therefore retires the one it replaced.
      const predecessor = state.replacedRefresh.get(checked.grant.jti);
      if (predecessor) sandbox.tokens.revoke(predecessor);
      const { access, refresh, refreshJti } = issueOffline(checked.grant.scopes);
      if (refreshJti) state.replacedRefresh.set(refreshJti, checked.grant.jti);
      return c.json(expiringBody(access, refresh, checked.grant.scopes));
    }

    const checked = sandbox.tokens.verify(single(fields.code), "shopify", "code", now);
    const code: Grant | null = checked.ok ? checked.grant : null;
    if (
      !code ||
      code.shop !== shopDomain ||
      code.clientId !== shopifyApp.clientId ||
      !sandbox.tokens.consumeCode(code)
    ) {
      return c.json(
        {
          error: "invalid_request",
          error_description: "The authorization code was not found or was already used",
        },
        400,
      );
    }
    if (state.onlineCodes.has(code.jti)) {
      const access = sandbox.tokens.issue(
        {
          platform: "shopify",
          kind: "access",
          clientId: code.clientId,
          scopes: code.scopes,
          shop: shopDomain,
          exp: epochSeconds(now) + onlineTokenSeconds,
        },
        now,
      );
      remember(access, "access");
      return c.json({
        access_token: access,
        scope: code.scopes.join(","),
        expires_in: onlineTokenSeconds,
        associated_user_scope: code.scopes.join(","),
        associated_user: {
          id: 902541635,
          first_name: "Jess",
          last_name: "Pine",
          email: shop.email,
          email_verified: true,
          account_owner: true,
          locale: "en",
          collaborator: false,
        },
      });
    }
    if (["1", "true"].includes(single(fields.expiring) ?? "")) {
      const { access, refresh } = issueOffline(code.scopes);
      return c.json(expiringBody(access, refresh, code.scopes));
    }
    const access = sandbox.tokens.issue(
      {
        platform: "shopify",
        kind: "access",
        clientId: code.clientId,
        scopes: code.scopes,
        shop: shopDomain,
        exp: null,
      },
      now,
    );
    remember(access, "access");
    return c.json({ access_token: access, scope: code.scopes.join(",") });
  });
}

const expiringBody = (access: string, refresh: string, scopes: string[]) => ({
  access_token: access,
  scope: scopes.join(","),
  expires_in: accessTokenSeconds,
  refresh_token: refresh,
  refresh_token_expires_in: refreshTokenSeconds,
});
