import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { PlatformAuth, TokenGrant } from "../connector.ts";
import { ConnectorError, isConnectorError, parseRetryAfter } from "../errors.ts";
import { type HttpResponse, joinUrl, parseShape, requestJson } from "../http.ts";
import { staticToken } from "../tokens.ts";
import { adminGraphql } from "./client.ts";
import { isShopDomain, type ShopifySettings, shopBase } from "./config.ts";
import { appUninstallMutation } from "./queries.ts";
import { appUninstalled } from "./schemas.ts";

/**
 * Orders (all of them, not only the last 60 days: backfills), the catalogue
 * the line items point at, and customers (to tell first orders from repeat ones).
 */
export const shopifyScopes = ["read_orders", "read_all_orders", "read_products", "read_customers"] as const;

/**
 * Checks the `hmac` Shopify puts on its redirects (install and OAuth
 * callback): hex HMAC-SHA256 with the client secret over every other
 * parameter except `signature`, sorted by key and form-encoded as `k=v&…`.
 */
export function verifyShopifyHmac(query: URLSearchParams, secret: string): boolean {
  const given = query.get("hmac");
  if (!given || !/^[0-9a-f]{64}$/i.test(given)) return false;
  const rest = [...query.entries()]
    .filter(([key]) => key !== "hmac" && key !== "signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const expected = createHmac("sha256", secret).update(new URLSearchParams(rest).toString()).digest();
  return timingSafeEqual(expected, Buffer.from(given, "hex"));
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  scope: z.string(),
  expires_in: z.number().optional(),
  refresh_token: z.string().optional(),
  refresh_token_expires_in: z.number().optional(),
});

const oauthError = z.object({ error: z.string(), error_description: z.string().optional() });

export function createShopifyAuth(settings: ShopifySettings): PlatformAuth {
  const tokenUrl = (shopDomain: string | undefined) =>
    joinUrl(shopBase(settings, shopDomain), "/admin/oauth/access_token");

  const grantFrom = (body: unknown, issuedAt: number): TokenGrant => {
    const token = parseShape("shopify", tokenResponse, body, "a token");
    const after = (seconds: number | undefined) =>
      seconds === undefined ? null : new Date(issuedAt + seconds * 1000);
    return {
      accessToken: token.access_token,
      refreshToken: token.refresh_token ?? null,
      expiresAt: after(token.expires_in),
      refreshTokenExpiresAt: after(token.refresh_token_expires_in),
      scopes: token.scope.split(",").filter(Boolean),
    };
  };

  const post = async (shopDomain: string | undefined, form: Record<string, string>, refreshing: boolean) => {
    const issuedAt = Date.now();
    const response = await requestJson("shopify", tokenUrl(shopDomain), { json: form });
    if (response.status !== 200) throw tokenError(response, refreshing);
    return grantFrom(response.body, issuedAt);
  };

  const auth: PlatformAuth = {
    platform: "shopify",
    scopes: shopifyScopes,

    authorizationUrl({ state, redirectUri, shopDomain }) {
      // No grant_options[]=per-user: an offline token keeps syncing when nobody is signed in.
      return joinUrl(shopBase(settings, shopDomain), "/admin/oauth/authorize", {
        client_id: settings.clientId,
        scope: shopifyScopes.join(","),
        redirect_uri: redirectUri,
        state,
      });
    },

    exchangeCode({ code, shopDomain }) {
      // Expiring offline tokens (an hour, with a rotating refresh token): required of public apps from 2027.
      return post(
        shopDomain,
        { client_id: settings.clientId, client_secret: settings.clientSecret, code, expiring: "1" },
        false,
      );
    },

    refresh(refreshToken, shopDomain) {
      return post(
        shopDomain,
        {
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
          grant_type: "refresh_token",
          refresh_token: refreshToken,
        },
        true,
      );
    },

    verifyCallback(query) {
      return isShopDomain(query.get("shop")) && verifyShopifyHmac(query, settings.clientSecret);
    },

    async revoke({ accessToken, refreshToken, shopDomain }) {
      // Uninstalling is how an app gives its access back; `appUninstall` replaced REST's api_permissions.
      const uninstall = (token: string) =>
        adminGraphql(
          settings,
          staticToken(token),
          shopDomain ?? "",
          { query: appUninstallMutation, what: "the uninstall" },
          appUninstalled,
        );
      try {
        await uninstall(accessToken);
      } catch (error) {
        if (!isConnectorError(error, "auth_expired")) throw error;
        if (!refreshToken) return;
        // The access token had expired: get a fresh one and try again. A dead refresh token means the access is gone already.
        const fresh = await auth.refresh?.(refreshToken, shopDomain).catch((refreshError: unknown) => {
          if (isConnectorError(refreshError, "auth_expired")) return null;
          throw refreshError;
        });
        if (fresh)
          await uninstall(fresh.accessToken).catch((retryError: unknown) => {
            if (!isConnectorError(retryError, "auth_expired")) throw retryError;
          });
      }
    },
  };
  return auth;
}

function tokenError(response: HttpResponse, refreshing: boolean): ConnectorError {
  const { status } = response;
  const body = oauthError.safeParse(response.body).data;
  const details = { status, platformCode: body?.error ?? String(status) };
  if (status === 429) {
    return new ConnectorError("shopify", "rate_limited", "Shopify asked Omnify to slow down", {
      ...details,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after")) ?? 1000,
    });
  }
  if (status >= 500) {
    return new ConnectorError("shopify", "transient", `Shopify is having problems (HTTP ${status})`, details);
  }
  if (status === 404 || status === 402 || status === 423) {
    return new ConnectorError(
      "shopify",
      "account_invalid",
      "Shopify cannot find that shop, or it is not open",
      details,
    );
  }
  if (body?.error === "invalid_client") {
    return new ConnectorError(
      "shopify",
      "bad_request",
      "Shopify did not accept Omnify's app credentials",
      details,
    );
  }
  if (refreshing) {
    return new ConnectorError(
      "shopify",
      "auth_expired",
      "Shopify no longer accepts this connection's refresh token; reconnect the shop",
      details,
    );
  }
  return new ConnectorError(
    "shopify",
    "bad_request",
    "Shopify refused the sign-in code (it was already used or has expired); connect the shop again",
    details,
  );
}
