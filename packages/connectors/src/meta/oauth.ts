import type { AuthorizationRequest, CodeExchange, PlatformAuth, TokenGrant } from "../connector.ts";
import { ConnectorError, isConnectorError } from "../errors.ts";
import { parseShape, requestJson } from "../http.ts";
import { metaScopes } from "./config.ts";
import { graphFailure } from "./errors.ts";
import type { GraphClient } from "./graph.ts";
import { permissionsSchema, revokeSchema, tokenSchema } from "./schemas.ts";

/**
 * Facebook Login: the dialog URL, the code → short-lived → long-lived token
 * exchange, and revocation. Meta has no refresh token: a long-lived user
 * token lasts about 60 days, then the user logs in again.
 */
export function metaAuth(graph: GraphClient): PlatformAuth & { revoke: NonNullable<PlatformAuth["revoke"]> } {
  const { config } = graph;

  /** `oauth/access_token`, POSTed so that the secret and the code stay out of URLs. */
  async function tokenCall(form: Record<string, string>, what: string) {
    const response = await requestJson("meta", graph.url("oauth/access_token"), { method: "POST", form });
    if (response.status !== 200) throw tokenFailure(graphFailure(response));
    return parseShape("meta", tokenSchema, response.body, what);
  }

  return {
    platform: "meta",
    scopes: metaScopes,

    authorizationUrl({ state, redirectUri }: AuthorizationRequest): URL {
      const url = new URL(`${config.dialogUrl.replace(/\/+$/, "")}/${config.apiVersion}/dialog/oauth`);
      url.searchParams.set("client_id", config.appId);
      url.searchParams.set("redirect_uri", redirectUri);
      url.searchParams.set("state", state);
      url.searchParams.set("scope", metaScopes.join(","));
      url.searchParams.set("response_type", "code");
      return url;
    },

    async exchangeCode({ code, redirectUri }: CodeExchange): Promise<TokenGrant> {
      const short = await tokenCall(
        { client_id: config.appId, redirect_uri: redirectUri, client_secret: config.appSecret, code },
        "the login token",
      );
      // The code gives a token for hours; a sync needs the ~60-day one.
      const long = await tokenCall(
        {
          grant_type: "fb_exchange_token",
          client_id: config.appId,
          client_secret: config.appSecret,
          fb_exchange_token: short.access_token,
        },
        "the long-lived token",
      );
      const issuedAt = Date.now();
      const permissions = await graph.call(
        long.access_token,
        "me/permissions",
        {},
        permissionsSchema,
        "permissions",
      );
      return {
        accessToken: long.access_token,
        refreshToken: null,
        // No expires_in means a token that does not expire (system users).
        expiresAt: long.expires_in === undefined ? null : new Date(issuedAt + long.expires_in * 1000),
        refreshTokenExpiresAt: null,
        scopes: permissions.data
          .filter((entry) => entry.status === "granted")
          .map((entry) => entry.permission),
      };
    },

    async revoke({ accessToken }) {
      try {
        await graph.call(
          accessToken,
          "me/permissions",
          { method: "DELETE" },
          revokeSchema,
          "the disconnection",
        );
      } catch (error) {
        // A token that no longer works has nothing left to revoke.
        if (isConnectorError(error, "auth_expired")) return;
        throw error;
      }
    },
  };
}

/**
 * On the token endpoint, Meta's generic codes mean something specific: code 1
 * is a wrong app secret and code 100 a used, expired or mismatched login code,
 * neither of which a retry fixes.
 */
function tokenFailure(error: ConnectorError): ConnectorError {
  const code = error.platformCode;
  if (code === "1" || code === "101")
    return new ConnectorError("meta", "bad_request", "Meta rejected Omnify's app credentials", {
      status: error.status,
      platformCode: code,
      cause: error.cause,
    });
  if (code === "100")
    return new ConnectorError(
      "meta",
      "bad_request",
      "Meta refused the login code (it was already used or has expired); please connect Meta again",
      { status: error.status, platformCode: code, cause: error.cause },
    );
  return error;
}
