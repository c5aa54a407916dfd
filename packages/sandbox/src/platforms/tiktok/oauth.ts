import type { Context, Hono } from "hono";
import { consentPage, redirectWith } from "../../consent.ts";
import type { SandboxApp, SandboxContext, SandboxEnv } from "../../platform.ts";
import { epochSeconds } from "../../tokens.ts";
import { codes, envelope, Failure } from "./envelope.ts";
import { advertiserScope, advertisersOf, permissionsOf, tiktokScopes } from "./grants.ts";

/** TikTok's auth_code lives one hour and can be used once. */
const codeLifetimeSeconds = 3600;

/**
 * The advertiser authorization page (`/portal/auth`) and the token
 * endpoints. The long-term Marketing API token never expires (no refresh
 * token); it dies when the advertiser or the app revokes it.
 */
export function mountOAuth(app: Hono<SandboxEnv>, ctx: SandboxContext): void {
  const { respond } = envelope(ctx);
  const tiktokApp = ctx.apps.tiktok;

  const requestProblem = (appId: string | undefined, redirectUri: string | undefined) => {
    if (appId !== tiktokApp.clientId)
      return "This app does not exist or is not approved for advertiser authorization.";
    if (!isAbsoluteHttpUrl(redirectUri))
      return "The redirect URL is missing or is not an absolute http(s) URL.";
    return null;
  };

  const page = (c: Context, hidden: Record<string, string>, error?: string) =>
    c.html(
      consentPage({
        platformLabel: "TikTok For Business",
        appName: "Omnify",
        userLabel: ctx.dataset.shop.email,
        resources: ["Choose the ad accounts and permissions Omnify may use:"],
        scopes: [
          ...ctx.dataset.accounts("tiktok").map((account) => ({
            value: advertiserScope(account.id),
            label: `Ad account: ${account.name} (${account.id})`,
          })),
          ...Object.values(tiktokScopes).map((scope) => ({ value: scope.id, label: scope.label })),
        ],
        hidden,
        allowLabel: "Confirm",
        error,
      }),
      error ? 400 : 200,
    );

  app.get("/portal/auth", (c) => {
    const { app_id: appId, state, redirect_uri: redirectUri } = c.req.query();
    const hidden = { app_id: appId ?? "", state: state ?? "", redirect_uri: redirectUri ?? "" };
    return page(c, hidden, requestProblem(appId, redirectUri) ?? undefined);
  });

  app.post("/portal/auth", async (c) => {
    const form = await c.req.parseBody({ all: true });
    const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
    const appId = field("app_id") ?? c.req.query("app_id");
    const redirectUri = field("redirect_uri") ?? c.req.query("redirect_uri");
    const state = field("state") ?? c.req.query("state") ?? "";
    const hidden = { app_id: appId ?? "", state, redirect_uri: redirectUri ?? "" };
    const problem = requestProblem(appId, redirectUri);
    if (problem || !redirectUri) return page(c, hidden, problem ?? undefined);
    const withState = (params: Record<string, string>) => (state ? { ...params, state } : params);

    if (field("decision") !== "allow")
      return c.redirect(redirectWith(redirectUri, withState({ error: "access_denied" })), 302);

    const chosen = [form.scope ?? []].flat().filter((value): value is string => typeof value === "string");
    const known = new Set([
      ...ctx.dataset.accounts("tiktok").map((account) => advertiserScope(account.id)),
      ...Object.values(tiktokScopes).map((scope) => scope.id),
    ]);
    const scopes = chosen.filter((scope) => known.has(scope));
    if (!scopes.some((scope) => scope.startsWith("advertiser:")))
      return page(c, hidden, "Select at least one ad account to authorize.");
    const now = ctx.now();
    const code = ctx.tokens.issue(
      {
        platform: "tiktok",
        kind: "code",
        clientId: tiktokApp.clientId,
        scopes,
        redirectUri,
        exp: epochSeconds(now) + codeLifetimeSeconds,
      },
      now,
    );
    // `auth_code` is the documented name; `code` is the older alias some integrations still read.
    return c.redirect(redirectWith(redirectUri, withState({ auth_code: code, code })), 302);
  });

  app.post("/open_api/:version/oauth2/access_token/", (c) =>
    respond(c, async () => {
      const body = await jsonBody(c);
      checkAppCredentials(tiktokApp, body.app_id, body.secret);
      const authCode = requiredField(body, "auth_code");
      const now = ctx.now();
      const checked = ctx.tokens.verify(authCode, "tiktok", "code", now);
      if (
        !checked.ok ||
        checked.grant.clientId !== tiktokApp.clientId ||
        !ctx.tokens.consumeCode(checked.grant)
      )
        throw new Failure(
          codes.authCodeInvalid,
          "The auth_code is invalid, expired or has already been used. Please re-authorize and try again with a new auth_code.",
        );
      const accessToken = ctx.tokens.issue(
        {
          platform: "tiktok",
          kind: "access",
          clientId: tiktokApp.clientId,
          scopes: checked.grant.scopes,
          exp: null,
        },
        now,
      );
      return {
        access_token: accessToken,
        advertiser_ids: advertisersOf(checked.grant),
        scope: permissionsOf(checked.grant),
      };
    }),
  );

  app.post("/open_api/:version/oauth2/revoke_token/", (c) =>
    respond(c, async () => {
      const body = await jsonBody(c);
      checkAppCredentials(tiktokApp, body.app_id, body.secret);
      const checked = ctx.tokens.verify(requiredField(body, "access_token"), "tiktok", "access", ctx.now());
      if (!checked.ok)
        throw new Failure(codes.tokenInvalid, "Access token is incorrect or has been revoked.");
      ctx.tokens.revoke(checked.grant.jti);
      return { app_id: tiktokApp.clientId, advertiser_ids: advertisersOf(checked.grant) };
    }),
  );
}

/** TikTok checks the app's id and secret on the token endpoints and the advertiser list. */
export function checkAppCredentials(app: SandboxApp, appId: unknown, secret: unknown): void {
  if (appId === undefined || appId === "")
    throw new Failure(codes.invalidParameter, "app_id: Missing data for required field.");
  if (secret === undefined || secret === "")
    throw new Failure(codes.invalidParameter, "secret: Missing data for required field.");
  if (String(appId) !== app.clientId)
    throw new Failure(codes.appInvalid, "The app has been blocked or does not exist.");
  if (secret !== app.clientSecret)
    throw new Failure(codes.authParameters, "Invalid secret. The secret does not match the app_id.");
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const body = await c.req.json().catch(() => null);
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new Failure(codes.invalidParameter, "The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

function requiredField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== "string" || value === "")
    throw new Failure(codes.invalidParameter, `${name}: Missing data for required field.`);
  return value;
}

function isAbsoluteHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
