import type { AuthorizationRequest, CodeExchange, PlatformAuth, TokenGrant } from "../connector.ts";
import { joinUrl, parseShape, requestJson } from "../http.ts";
import type { ResolvedGoogleConfig } from "./config.ts";
import { oauthApiError } from "./errors.ts";
import { tokenResponseSchema } from "./schemas.ts";

export const adwordsScope = "https://www.googleapis.com/auth/adwords";

/** Google's OAuth, with the refresh and revocation it offers. */
export interface GoogleAuth extends PlatformAuth {
  refresh(refreshToken: string): Promise<TokenGrant>;
  revoke(grant: { accessToken: string; refreshToken: string | null }): Promise<void>;
}

/**
 * Standard Google OAuth 2.0 (authorization code, offline access). Access
 * tokens last an hour; the refresh token lasts until revoked (or 7 days for
 * an app still in "Testing") and is not rotated on refresh.
 */
export function googleAuth(config: ResolvedGoogleConfig): GoogleAuth {
  const tokenUrl = joinUrl(config.oauthUrl, "/token");

  async function tokenRequest(form: Record<string, string>, previousRefreshToken: string | null) {
    // Client credentials go in the form body, never in the URL.
    const response = await requestJson("google", tokenUrl, {
      method: "POST",
      form: { ...form, client_id: config.clientId, client_secret: config.clientSecret },
    });
    if (response.status !== 200) throw oauthApiError(response);
    const body = parseShape("google", tokenResponseSchema, response.body, "a token");
    const now = Date.now();
    return {
      accessToken: body.access_token,
      refreshToken: body.refresh_token ?? previousRefreshToken,
      expiresAt: body.expires_in === undefined ? null : new Date(now + body.expires_in * 1000),
      refreshTokenExpiresAt:
        body.refresh_token_expires_in === undefined
          ? null
          : new Date(now + body.refresh_token_expires_in * 1000),
      scopes: (body.scope ?? "").split(" ").filter(Boolean),
    } satisfies TokenGrant;
  }

  return {
    platform: "google",
    scopes: [adwordsScope],

    authorizationUrl({ state, redirectUri }: AuthorizationRequest): URL {
      return joinUrl(config.accountsUrl, "/o/oauth2/v2/auth", {
        client_id: config.clientId,
        redirect_uri: redirectUri,
        response_type: "code",
        scope: adwordsScope,
        // Offline access and a fresh consent, so that Google hands out a refresh token every time.
        access_type: "offline",
        prompt: "consent",
        state,
      });
    },

    exchangeCode({ code, redirectUri }: CodeExchange): Promise<TokenGrant> {
      return tokenRequest({ grant_type: "authorization_code", code, redirect_uri: redirectUri }, null);
    },

    refresh(refreshToken: string): Promise<TokenGrant> {
      return tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken }, refreshToken);
    },

    async revoke({ accessToken, refreshToken }): Promise<void> {
      // Revoking the refresh token ends the whole grant; the token goes in the body, not the URL.
      const response = await requestJson("google", joinUrl(config.oauthUrl, "/revoke"), {
        method: "POST",
        form: { token: refreshToken ?? accessToken },
      });
      if (response.status === 200) return;
      const error = oauthApiError(response);
      // Already expired or revoked: what we wanted.
      if (error.platformCode === "invalid_token") return;
      throw error;
    },
  };
}
