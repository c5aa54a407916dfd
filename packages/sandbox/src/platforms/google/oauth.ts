import type { Context, Hono } from "hono";
import { consentPage, redirectWith } from "../../consent.ts";
import type { SandboxContext, SandboxEnv } from "../../platform.ts";
import { epochSeconds, type Grant } from "../../tokens.ts";
import { managerCustomer } from "./customers.ts";

export const adwordsScope = "https://www.googleapis.com/auth/adwords";

/** Scopes the consent page can grant; anything else is an `invalid_scope` request. */
const knownScopes: Record<string, string> = {
  [adwordsScope]: "See, edit, create and delete your Google Ads accounts and data",
  openid: "Associate you with your personal info on Google",
  email: "See your primary Google Account email address",
};

const codeLifetimeSeconds = 600;
const accessLifetimeSeconds = 3599;

const isAbsoluteHttpUrl = (value: string | undefined) => {
  if (!value) return false;
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * Google's OAuth endpoints: the consent screen on accounts.google.com and
 * the token and revocation endpoints on oauth2.googleapis.com. Access tokens
 * live an hour; the refresh token lives until revoked and is not rotated.
 */
export function mountOAuth(app: Hono<SandboxEnv>, ctx: SandboxContext): void {
  const google = ctx.apps.google;
  // Which tokens came from which refresh token, so revoking either ends the whole grant
  // (in memory, like the issuer's revocation list). And codes asked for offline access.
  const accessOf = new Map<string, Set<string>>();
  const refreshOf = new Map<string, string>();
  const offlineCodes = new Set<string>();

  const requestProblem = (params: Record<string, string | undefined>): string | null => {
    if (params.client_id !== google.clientId)
      return "Error 401: invalid_client. The OAuth client was not found.";
    if (!isAbsoluteHttpUrl(params.redirect_uri))
      return "Error 400: redirect_uri_mismatch. The redirect URI is missing or is not an absolute http(s) URL.";
    if (params.response_type !== "code")
      return "Error 400: invalid_request. Only response_type=code is supported for this client.";
    const scopes = (params.scope ?? "").split(/\s+/).filter(Boolean);
    if (scopes.length === 0) return "Error 400: invalid_request. Missing required parameter: scope";
    const unknown = scopes.find((scope) => !knownScopes[scope]);
    if (unknown) return `Error 400: invalid_scope. Some requested scopes were invalid: ${unknown}`;
    return null;
  };

  const page = (c: Context, params: Record<string, string | undefined>, error?: string) => {
    const manager = managerCustomer(ctx);
    const asked = (params.scope ?? "").split(/\s+/).filter((scope) => knownScopes[scope]);
    const hidden: Record<string, string> = {};
    for (const name of ["client_id", "redirect_uri", "response_type", "access_type", "prompt", "state"]) {
      const value = params[name];
      if (value !== undefined) hidden[name] = value;
    }
    return c.html(
      consentPage({
        platformLabel: "Google",
        appName: "Omnify",
        userLabel: ctx.dataset.shop.email,
        resources: [
          `Google Ads manager account ${manager.name} (${manager.id}) and the client accounts it manages`,
        ],
        scopes: asked.map((scope) => ({ value: scope, label: knownScopes[scope] ?? scope })),
        hidden,
        allowLabel: "Continue",
        error,
      }),
      error ? 400 : 200,
    );
  };

  app.get("/accounts/o/oauth2/v2/auth", (c) => {
    const params = c.req.query();
    return page(c, params, requestProblem(params) ?? undefined);
  });

  app.post("/accounts/o/oauth2/v2/auth", async (c) => {
    const form = await c.req.parseBody({ all: true });
    const values = (name: string) =>
      [form[name] ?? []].flat().filter((value): value is string => typeof value === "string");
    const params: Record<string, string | undefined> = { ...c.req.query() };
    for (const name of ["client_id", "redirect_uri", "response_type", "access_type", "prompt", "state"]) {
      const value = values(name)[0];
      if (value !== undefined) params[name] = value;
    }
    // The checked boxes are the scopes granted; the original request's list is the ceiling.
    const checked = values("scope").flatMap((value) => value.split(/\s+/));
    const problem = requestProblem({ ...params, scope: params.scope ?? (checked.join(" ") || adwordsScope) });
    const redirectUri = params.redirect_uri;
    if (problem || !redirectUri) return page(c, params, problem ?? undefined);
    const state: Record<string, string> = params.state !== undefined ? { state: params.state } : {};
    if (values("decision")[0] !== "allow")
      return c.redirect(redirectWith(redirectUri, { error: "access_denied", ...state }), 302);

    const asked = (params.scope ?? "").split(/\s+/).filter(Boolean);
    const scopes = [...new Set(checked)].filter(
      (scope) => knownScopes[scope] && (asked.length === 0 || asked.includes(scope)),
    );
    const now = ctx.now();
    const code = ctx.tokens.issue(
      {
        platform: "google",
        kind: "code",
        clientId: google.clientId,
        scopes,
        redirectUri,
        exp: epochSeconds(now) + codeLifetimeSeconds,
      },
      now,
    );
    if (params.access_type === "offline") {
      const verified = ctx.tokens.verify(code, "google", "code", now);
      if (verified.ok) offlineCodes.add(verified.grant.jti);
    }
    return c.redirect(redirectWith(redirectUri, { ...state, code, scope: scopes.join(" ") }), 302);
  });

  app.post("/oauth2/token", async (c) => {
    const body = await formOf(c);
    const clientProblem = checkClient(c, body, google.clientId, google.clientSecret ?? "");
    if (clientProblem) return clientProblem;
    const now = ctx.now();
    const issueAccess = (grant: Grant, refreshJti: string | null) => {
      const accessToken = ctx.tokens.issue(
        {
          platform: "google",
          kind: "access",
          clientId: google.clientId,
          scopes: grant.scopes,
          exp: epochSeconds(now) + accessLifetimeSeconds,
        },
        now,
      );
      const verified = ctx.tokens.verify(accessToken, "google", "access", now);
      if (refreshJti && verified.ok) {
        refreshOf.set(verified.grant.jti, refreshJti);
        const family = accessOf.get(refreshJti) ?? new Set<string>();
        family.add(verified.grant.jti);
        accessOf.set(refreshJti, family);
      }
      return accessToken;
    };

    switch (body.grant_type) {
      case "authorization_code": {
        if (!body.code) return oauthError(c, 400, "invalid_request", "Missing required parameter: code");
        const checked = ctx.tokens.verify(body.code, "google", "code", now);
        if (
          !checked.ok ||
          checked.grant.clientId !== google.clientId ||
          !ctx.tokens.consumeCode(checked.grant)
        )
          return oauthError(c, 400, "invalid_grant", "Bad Request");
        if (body.redirect_uri !== checked.grant.redirectUri)
          return oauthError(c, 400, "redirect_uri_mismatch", "Bad Request");
        const scope = checked.grant.scopes.join(" ");
        if (!offlineCodes.delete(checked.grant.jti))
          return c.json(
            {
              access_token: issueAccess(checked.grant, null),
              expires_in: accessLifetimeSeconds,
              scope,
              token_type: "Bearer",
            },
            200,
            noStore,
          );
        const refreshToken = ctx.tokens.issue(
          {
            platform: "google",
            kind: "refresh",
            clientId: google.clientId,
            scopes: checked.grant.scopes,
            exp: null,
          },
          now,
        );
        const refresh = ctx.tokens.verify(refreshToken, "google", "refresh", now);
        const accessToken = issueAccess(checked.grant, refresh.ok ? refresh.grant.jti : null);
        return c.json(
          {
            access_token: accessToken,
            expires_in: accessLifetimeSeconds,
            refresh_token: refreshToken,
            scope,
            token_type: "Bearer",
          },
          200,
          noStore,
        );
      }
      case "refresh_token": {
        if (!body.refresh_token)
          return oauthError(c, 400, "invalid_request", "Missing required parameter: refresh_token");
        const checked = ctx.tokens.verify(body.refresh_token, "google", "refresh", now);
        if (!checked.ok) return oauthError(c, 400, "invalid_grant", "Token has been expired or revoked.");
        if (checked.grant.clientId !== google.clientId)
          return oauthError(c, 401, "unauthorized_client", "Unauthorized");
        return c.json(
          {
            access_token: issueAccess(checked.grant, checked.grant.jti),
            expires_in: accessLifetimeSeconds,
            scope: checked.grant.scopes.join(" "),
            token_type: "Bearer",
          },
          200,
          noStore,
        );
      }
      default:
        return oauthError(c, 400, "unsupported_grant_type", `Invalid grant_type: ${body.grant_type ?? ""}`);
    }
  });

  app.post("/oauth2/revoke", async (c) => {
    const body = await formOf(c);
    const token = body.token ?? c.req.query("token");
    const now = ctx.now();
    const asRefresh = ctx.tokens.verify(token, "google", "refresh", now);
    const asAccess = asRefresh.ok ? null : ctx.tokens.verify(token, "google", "access", now);
    const refreshJti = asRefresh.ok
      ? asRefresh.grant.jti
      : asAccess?.ok
        ? refreshOf.get(asAccess.grant.jti)
        : undefined;
    if (!asRefresh.ok && !asAccess?.ok)
      return c.json({ error: "invalid_token", error_description: "Token expired or revoked" }, 400);
    if (asAccess?.ok) ctx.tokens.revoke(asAccess.grant.jti);
    if (refreshJti) {
      ctx.tokens.revoke(refreshJti);
      for (const jti of accessOf.get(refreshJti) ?? []) ctx.tokens.revoke(jti);
    }
    return c.json({}, 200);
  });
}

const noStore = { "Cache-Control": "no-cache, no-store, max-age=0, must-revalidate", Pragma: "no-cache" };

async function formOf(c: Context): Promise<Record<string, string | undefined>> {
  const type = c.req.header("content-type") ?? "";
  if (type.includes("application/json")) {
    const json = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(json).map(([key, value]) => [key, typeof value === "string" ? value : undefined]),
    );
  }
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return Object.fromEntries(
    Object.entries(form).map(([key, value]) => [key, typeof value === "string" ? value : undefined]),
  );
}

/** Client credentials in the body or as HTTP Basic, as Google accepts both. */
function checkClient(
  c: Context,
  body: Record<string, string | undefined>,
  clientId: string,
  clientSecret: string,
): Response | null {
  let id = body.client_id;
  let secret = body.client_secret;
  const basic = /^Basic\s+(.+)$/i.exec(c.req.header("authorization") ?? "");
  if (basic?.[1]) {
    const [user = "", pass = ""] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
    id = decodeURIComponent(user);
    secret = decodeURIComponent(pass);
  }
  if (id !== clientId) return oauthError(c, 401, "invalid_client", "The OAuth client was not found.");
  if (secret !== clientSecret) return oauthError(c, 401, "invalid_client", "Unauthorized");
  return null;
}

function oauthError(c: Context, status: 400 | 401, error: string, description: string): Response {
  return c.json({ error, error_description: description }, status, noStore);
}
