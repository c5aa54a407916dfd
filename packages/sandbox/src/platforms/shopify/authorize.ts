import { createHmac } from "node:crypto";
import type { Context, Hono } from "hono";
import { consentPage, redirectWith } from "../../consent.ts";
import type { SandboxContext, SandboxEnv } from "../../platform.ts";
import { epochSeconds } from "../../tokens.ts";
import { formFields, list, single } from "./form.ts";
import type { ShopifyState } from "./state.ts";

/**
 * The install (consent) page of Shopify's authorization-code grant for
 * non-embedded apps, `/admin/oauth/authorize`: on allow it redirects to the
 * app with `code`, `hmac`, `host`, `shop`, `state` and `timestamp`.
 */

const scopeLabels: Record<string, string> = {
  read_orders: "View orders from the last 60 days",
  read_all_orders: "View all orders, including those older than 60 days",
  read_products: "View products, variants and collections",
  read_customers: "View customer details",
};

/** The HMAC Shopify puts on its redirects: hex SHA-256 over the other parameters, sorted, form-encoded. */
export function signShopifyQuery(params: Record<string, string>, secret: string): string {
  const message = new URLSearchParams(
    Object.keys(params)
      .sort()
      .map((key): [string, string] => [key, params[key] as string]),
  ).toString();
  return createHmac("sha256", secret).update(message).digest("hex");
}

const isHttpUrl = (value: string | undefined): value is string => {
  if (!value || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "https:" || protocol === "http:";
};

export function authorizeRoutes(app: Hono<SandboxEnv>, sandbox: SandboxContext, state: ShopifyState): void {
  const shopifyApp = sandbox.apps.shopify;
  const shop = sandbox.dataset.shop;

  const consent = async (c: Context<SandboxEnv>) => {
    const shopDomain = c.req.param("shop") as string;
    const query = new URL(c.req.url).searchParams;
    const form = c.req.method === "POST" ? await formFields(c) : {};
    const field = (name: string) => single(form[name]) ?? query.get(name) ?? undefined;
    const clientId = field("client_id");
    const redirectUri = field("redirect_uri");
    const nonce = field("state");
    const perUser = [...list(form["grant_options[]"]), ...query.getAll("grant_options[]")].includes(
      "per-user",
    );
    const requested = (query.get("scope") ?? "")
      .split(",")
      .map((scope) => scope.trim())
      .filter(Boolean);

    const problem =
      clientId !== shopifyApp.clientId
        ? "Oauth error invalid_request: The client_id is not the id of an app."
        : !isHttpUrl(redirectUri)
          ? "Oauth error invalid_request: The redirect_uri is missing or is not a valid URL."
          : null;
    const page = (error?: string) =>
      consentPage({
        platformLabel: "Shopify",
        appName: "Omnify",
        userLabel: shop.email,
        resources: [`${shop.name} (${shopDomain})`],
        scopes: requested.map((scope) => ({ value: scope, label: scopeLabels[scope] ?? scope })),
        hidden: {
          client_id: clientId ?? "",
          redirect_uri: redirectUri ?? "",
          ...(nonce ? { state: nonce } : {}),
          ...(perUser ? { "grant_options[]": "per-user" } : {}),
        },
        allowLabel: "Install",
        error,
      });
    if (problem || !redirectUri || !clientId) return c.html(page(problem ?? undefined), 400);
    if (c.req.method === "GET") return c.html(page());

    if (single(form.decision) !== "allow") {
      // Shopify sends a merchant who cancels back to the admin; the sandbox tells the app, OAuth-style.
      return c.redirect(
        redirectWith(redirectUri, {
          error: "access_denied",
          error_description: "The merchant declined to install the app.",
          ...(nonce ? { state: nonce } : {}),
        }),
        302,
      );
    }
    const checked = list(form.scope);
    const granted = requested.length ? requested.filter((scope) => checked.includes(scope)) : checked;
    const now = sandbox.now();
    const code = sandbox.tokens.issue(
      {
        platform: "shopify",
        kind: "code",
        clientId,
        scopes: granted,
        shop: shopDomain,
        redirectUri,
        exp: epochSeconds(now) + 600,
      },
      now,
    );
    if (perUser) {
      const issued = sandbox.tokens.verify(code, "shopify", "code", now);
      if (issued.ok) state.onlineCodes.add(issued.grant.jti);
    }
    const storeName = shopDomain.replace(/\.myshopify\.com$/, "");
    const params: Record<string, string> = {
      code,
      host: Buffer.from(`admin.shopify.com/store/${storeName}`).toString("base64url"),
      shop: shopDomain,
      ...(nonce ? { state: nonce } : {}),
      timestamp: String(epochSeconds(now)),
    };
    return c.redirect(
      redirectWith(redirectUri, { ...params, hmac: signShopifyQuery(params, shopifyApp.clientSecret) }),
      302,
    );
  };
  app.get("/:shop/admin/oauth/authorize", consent);
  app.post("/:shop/admin/oauth/authorize", consent);
}
