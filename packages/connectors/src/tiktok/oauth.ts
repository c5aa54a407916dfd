import { z } from "zod";
import type { PlatformAuth, TokenGrant } from "../connector.ts";
import { joinUrl } from "../http.ts";
import type { TikTokClient } from "./client.ts";
import { tokenSchema } from "./schemas.ts";

/**
 * TikTok's advertiser authorization. The consent page (`/portal/auth`) lets
 * the advertiser pick ad accounts and permissions; the app's permission
 * scopes are configured on the developer app, not requested in the URL.
 * The long-term Marketing API token does not expire and has no refresh
 * token: when TikTok stops accepting it, the user must reconnect.
 */
export function tiktokAuth(client: TikTokClient): PlatformAuth {
  const { appId, appSecret, apiUrl } = client.config;
  return {
    platform: "tiktok",
    scopes: [],
    authorizationUrl: ({ state, redirectUri }) =>
      joinUrl(apiUrl, "/portal/auth", { app_id: appId, state, redirect_uri: redirectUri }),

    // TikTok's redirect carries `auth_code` (and `code` as an alias); the exchange takes no redirect_uri.
    async exchangeCode({ code }): Promise<TokenGrant> {
      const data = await client.post(
        "oauth2/access_token/",
        { app_id: appId, secret: appSecret, auth_code: code },
        tokenSchema,
        "the access token",
      );
      return {
        accessToken: data.access_token,
        refreshToken: null,
        expiresAt: null,
        refreshTokenExpiresAt: null,
        scopes: data.scope,
        accountIds: data.advertiser_ids,
      };
    },

    async revoke({ accessToken }) {
      await client.post(
        "oauth2/revoke_token/",
        { app_id: appId, secret: appSecret, access_token: accessToken },
        z.unknown(),
        "the revocation",
      );
    },
  };
}
