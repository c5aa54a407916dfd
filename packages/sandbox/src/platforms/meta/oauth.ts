import type { Context } from "hono";
import { Hono } from "hono";
import { consentPage, redirectWith } from "../../consent.ts";
import type { SandboxContext, SandboxEnv } from "../../platform.ts";
import { epochSeconds } from "../../tokens.ts";
import { expiredToken, graphError, invalidTokenError, revokedToken } from "./errors.ts";
import { paramsOf, readForm } from "./params.ts";

/** Permissions the sandbox's Login dialog knows, with the words Meta shows for them. */
const knownScopes: Record<string, string> = {
  ads_read: "Read your ads performance (ads_read)",
  ads_management: "Manage your ads (ads_management)",
  business_management: "Manage your business assets (business_management)",
  read_insights: "Read Page insights (read_insights)",
  pages_show_list: "Show a list of the Pages you manage (pages_show_list)",
  public_profile: "Your name and profile picture (public_profile)",
  email: "Your email address (email)",
};

const shortLivedSeconds = 2 * 3600;
const longLivedSeconds = 60 * 86_400;
const codeSeconds = 600;

/**
 * Links tokens that stand for one login (short-lived → long-lived), so that
 * revoking the app's permissions kills all of them, as at Meta.
 */
export class GrantLineage {
  private readonly parents = new Map<string, string>();

  link(child: string, parent: string): void {
    this.parents.set(child, parent);
  }

  /** The token's jti and every jti it descends from or that descends from it. */
  family(jti: string): string[] {
    let root = jti;
    while (this.parents.has(root)) root = this.parents.get(root) ?? root;
    const members = new Set([root]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [child, parent] of this.parents)
        if (members.has(parent) && !members.has(child)) {
          members.add(child);
          grew = true;
        }
    }
    return [...members];
  }
}

/** Facebook Login's dialog: `/www/:version/dialog/oauth`. */
export function dialogRoutes(context: SandboxContext): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.on(["GET", "POST"], "/:version{v\\d+\\.\\d+}/dialog/oauth", async (c) => {
    const form = c.req.method === "POST" ? await c.req.parseBody({ all: true }) : {};
    const query = c.req.query();
    const field = (name: string) => {
      const value = form[name];
      return typeof value === "string" ? value : query[name];
    };
    const clientId = field("client_id") ?? "";
    const redirectUri = field("redirect_uri") ?? "";
    const state = field("state");
    const responseType = field("response_type") ?? "code";
    const requested = (query.scope ?? "")
      .split(/[,\s]+/)
      .map((scope) => scope.trim())
      .filter(Boolean);

    const page = (error?: string) =>
      c.html(
        consentPage({
          platformLabel: "Meta",
          appName: "Omnify",
          userLabel: "Jordan Rivera",
          resources: context.dataset.accounts("meta").map((account) => `Ad account: ${account.name}`),
          scopes: requested.map((value) => ({ value, label: knownScopes[value] ?? value })),
          hidden: Object.fromEntries(
            Object.entries({
              client_id: clientId,
              redirect_uri: redirectUri,
              state,
              response_type: responseType,
            }).filter((entry): entry is [string, string] => entry[1] !== undefined),
          ),
          allowLabel: "Continue as Jordan",
          error,
        }),
      );

    if (clientId !== context.apps.meta.clientId)
      return page("Invalid App ID: The provided app ID does not look like a valid app ID.");
    if (!isHttpUrl(redirectUri))
      return page(
        "URL Blocked: This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.",
      );
    if (responseType !== "code")
      return page("The sandbox's Facebook Login supports response_type=code only.");
    const unknown = requested.filter((scope) => !(scope in knownScopes));
    if (unknown.length > 0)
      return page(
        `Invalid Scopes: ${unknown.join(", ")}. This message is only shown to developers. Users of your app will ignore these permissions if present.`,
      );
    if (c.req.method === "GET") return page();

    const withState: Record<string, string> = state === undefined ? {} : { state };
    if (form.decision !== "allow") {
      return c.redirect(
        fragment(
          redirectWith(redirectUri, {
            error: "access_denied",
            error_code: "200",
            error_description: "Permissions error",
            error_reason: "user_denied",
            ...withState,
          }),
        ),
        302,
      );
    }
    const ticked = [form.scope ?? []].flat().filter((scope): scope is string => typeof scope === "string");
    const scopes = [...new Set(["public_profile", ...ticked.filter((scope) => requested.includes(scope))])];
    const now = context.now();
    const code = context.tokens.issue(
      { platform: "meta", kind: "code", clientId, scopes, redirectUri, exp: epochSeconds(now) + codeSeconds },
      now,
    );
    return c.redirect(fragment(redirectWith(redirectUri, { code, ...withState })), 302);
  });
  return app;
}

/** Facebook appends `#_=_` to every Login redirect. */
const fragment = (url: string) => `${url}#_=_`;

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "http:" || protocol === "https:";
}

/**
 * `/graph/:version/oauth/access_token`: the code exchange (a short-lived user
 * token) and `grant_type=fb_exchange_token` (a long-lived one). GET as Meta
 * documents it; POST with a form body works too, as at Meta.
 */
export function tokenRoute(context: SandboxContext, lineage: GrantLineage) {
  return async (c: Context<SandboxEnv>) => {
    await readForm(c);
    const params = paramsOf(c);
    const oauthError = (code: number, message: string, subcode?: number) =>
      graphError(
        400,
        {
          message,
          type: "OAuthException",
          code,
          ...(subcode === undefined ? {} : { error_subcode: subcode }),
        },
        { reason: code === 100 && subcode !== undefined ? "invalid_code" : "invalid_request" },
      );
    const exchange = params.grant_type === "fb_exchange_token";
    const required = exchange
      ? ["client_id", "client_secret", "fb_exchange_token"]
      : ["client_id", "redirect_uri", "client_secret", "code"];
    const missing = required.find((name) => !params[name]);
    if (missing) return oauthError(100, `Missing ${missing} parameter.`);
    if (params.client_id !== context.apps.meta.clientId)
      return oauthError(101, "Error validating application. Invalid application ID.");
    if (params.client_secret !== context.apps.meta.clientSecret)
      return oauthError(1, "Error validating client secret.");

    const now = context.now();
    const grantToken = (seconds: number, scopes: string[]) => {
      const token = context.tokens.issue(
        {
          platform: "meta",
          kind: "access",
          clientId: context.apps.meta.clientId,
          scopes,
          exp: epochSeconds(now) + seconds,
        },
        now,
      );
      const issued = context.tokens.verify(token, "meta", "access", now);
      return { token, jti: issued.ok ? issued.grant.jti : "" };
    };

    if (exchange) {
      const checked = context.tokens.verify(params.fb_exchange_token, "meta", "access", now);
      if (!checked.ok) {
        if (checked.reason === "revoked") return revokedToken(context.apps.meta.clientId);
        if (checked.reason === "expired") return expiredToken(now, now);
        return invalidTokenError();
      }
      const { token, jti } = grantToken(longLivedSeconds, checked.grant.scopes);
      lineage.link(jti, checked.grant.jti);
      return c.json({ access_token: token, token_type: "bearer", expires_in: longLivedSeconds });
    }

    const checked = context.tokens.verify(params.code, "meta", "code", now);
    if (!checked.ok) {
      if (checked.reason === "expired") return oauthError(100, "This authorization code has expired.", 36007);
      return oauthError(100, "Invalid verification code format.");
    }
    if (checked.grant.clientId !== params.client_id || checked.grant.redirectUri !== params.redirect_uri)
      return oauthError(
        100,
        "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
        36008,
      );
    if (!context.tokens.consumeCode(checked.grant))
      return oauthError(100, "This authorization code has been used.", 36009);
    const { token } = grantToken(shortLivedSeconds, checked.grant.scopes);
    return c.json({ access_token: token, token_type: "bearer", expires_in: shortLivedSeconds });
  };
}
