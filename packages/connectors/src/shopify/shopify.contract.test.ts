import { createHmac } from "node:crypto";
import { sandboxApps } from "@omnify/sandbox";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TokenGrant } from "../connector.ts";
import type { AdAccount, Order } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { useSandbox } from "../testing/sandbox-server.ts";
import { staticToken, type TokenSource } from "../tokens.ts";
import { adminGraphql } from "./client.ts";
import { resolveConfig } from "./config.ts";
import { createShopifyConnector, isShopDomain, shopifyScopes, verifyShopifyHmac } from "./index.ts";
import { bulkOrdersQuery, bulkRunMutation, updatedSearch } from "./queries.ts";
import { bulkStarted } from "./schemas.ts";

const shopDomain = "juniper-and-pine.myshopify.com";
const graphqlUrl = `https://${shopDomain}/admin/api/2026-10/graphql.json`;
const redirectUri = "https://app.omnify.test/integrations/shopify/callback";
const app = sandboxApps.shopify;
const config = { clientId: app.clientId, clientSecret: app.clientSecret, bulkPollIntervalMs: 1 };
const connector = createShopifyConnector({ ...config, pageSize: 8 });

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

async function collect(pages: AsyncIterable<Order[]>): Promise<{ orders: Order[]; pages: number }> {
  const orders: Order[] = [];
  let count = 0;
  for await (const page of pages) {
    orders.push(...page);
    count += 1;
  }
  return { orders, pages: count };
}

const decodeHtml = (text: string) =>
  text
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** Walks the consent page like a merchant: open it, tick `scopes`, press a button. Returns where Shopify redirects. */
async function consent(
  options: { scopes?: readonly string[]; decision?: "allow" | "deny" } = {},
): Promise<URL> {
  const url = connector.auth.authorizationUrl({ state: "state-123", redirectUri, shopDomain });
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Omnify");
  const form = new URLSearchParams();
  for (const [, name = "", value = ""] of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
  )) {
    form.append(decodeHtml(name), decodeHtml(value));
  }
  form.set("decision", options.decision ?? "allow");
  for (const scope of options.scopes ?? shopifyScopes) form.append("scope", scope);
  const answer = await fetch(url, { method: "POST", body: form, redirect: "manual" });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location") ?? "");
}

async function connect(scopes?: readonly string[]): Promise<TokenGrant> {
  const callback = await consent({ scopes });
  return connector.auth.exchangeCode({
    code: callback.searchParams.get("code") ?? "",
    redirectUri,
    shopDomain,
  });
}

/** A token source that refreshes through the connector and keeps the rotated tokens, as the product does. */
function tokenSource(grant: TokenGrant): TokenSource & { refreshes: number } {
  let current = grant;
  const source = {
    refreshes: 0,
    accessToken: async () => current.accessToken,
    refresh: async () => {
      source.refreshes += 1;
      current = await (connector.auth.refresh?.(
        current.refreshToken ?? "",
        shopDomain,
      ) as Promise<TokenGrant>);
      return current.accessToken;
    },
  };
  return source;
}

describe("Shopify connector against the sandbox", () => {
  const { sandbox, server } = useSandbox();
  // Each test starts with a full cost bucket, whatever the one before it spent.
  afterEach(async () => {
    await sandbox.fetch(new Request(`${sandbox.publicUrl}/shopify/__sandbox/refill`, { method: "POST" }));
  });
  const shop: AdAccount = {
    platform: "shopify",
    externalId: shopDomain,
    name: "Juniper & Pine",
    currency: "USD",
    timeZone: "America/New_York",
    status: "active",
  };

  /** The dataset's orders updated in [since, before), in the order Shopify sorts them. */
  function expectedOrders(since: string, before: string): Order[] {
    const views = sandbox.dataset
      .orders(sandbox.context.now())
      .filter((order) => order.updatedAt >= since && order.updatedAt < before)
      .sort((a, b) =>
        a.updatedAt === b.updatedAt ? a.id.localeCompare(b.id) : a.updatedAt < b.updatedAt ? -1 : 1,
      );
    return views.map((order) => {
      const landing = order.landingSite ? `https://${shopDomain}${order.landingSite}` : null;
      const params = landing ? new URL(landing).searchParams : null;
      return {
        platform: "shopify",
        shopDomain,
        id: order.id,
        name: order.name,
        createdAt: order.createdAt,
        updatedAt: order.updatedAt,
        cancelledAt: order.cancelledAt,
        date: order.date,
        currency: "USD",
        totalPrice: order.total,
        subtotalPrice: order.subtotal - order.discounts,
        totalDiscounts: order.discounts,
        totalTax: order.tax,
        totalShipping: order.shipping,
        totalRefunded: order.refund?.amount ?? 0,
        customerId: order.customer?.id ?? null,
        // The dataset numbers first-time customers from 7,000,000,000.
        newCustomer: order.customer ? Number(order.customer.id.split("/").at(-1)) >= 7_000_000_000 : null,
        financialStatus: order.financialStatus,
        landingSite: landing,
        referringSite: order.referringSite,
        utm: {
          source: params?.get("utm_source") ?? null,
          medium: params?.get("utm_medium") ?? null,
          campaign: params?.get("utm_campaign") ?? null,
          content: params?.get("utm_content") ?? null,
        },
        lines: order.lines.map(({ id, sku, title, quantity, unitPrice }) => ({
          id,
          sku,
          title,
          quantity,
          unitPrice,
        })),
        refunds: order.refund ? [{ ...order.refund }] : [],
        test: false,
      };
    });
  }

  const graphqlCalls = () =>
    sandbox.context.log.list().filter((entry) => entry.path.endsWith("/graphql.json"));

  describe("OAuth", () => {
    it("installs through the consent page, verifies the callback and exchanges the code once", async () => {
      const callback = await consent();
      expect([...callback.searchParams.keys()].sort()).toEqual([
        "code",
        "hmac",
        "host",
        "shop",
        "state",
        "timestamp",
      ]);
      expect(callback.origin + callback.pathname).toBe(redirectUri);
      expect(callback.searchParams.get("state")).toBe("state-123");
      expect(callback.searchParams.get("shop")).toBe(shopDomain);
      expect(Buffer.from(callback.searchParams.get("host") ?? "", "base64url").toString()).toBe(
        "admin.shopify.com/store/juniper-and-pine",
      );
      expect(connector.auth.verifyCallback?.(callback.searchParams)).toBe(true);

      const code = callback.searchParams.get("code") ?? "";
      const before = Date.now();
      const grant = await connector.auth.exchangeCode({ code, redirectUri, shopDomain });
      expect(grant.accessToken).toMatch(/^shpat_/);
      expect(grant.refreshToken).toBeTruthy();
      expect(grant.scopes).toEqual([...shopifyScopes]);
      expect(grant.expiresAt?.getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
      expect(grant.refreshTokenExpiresAt?.getTime()).toBeGreaterThanOrEqual(before + 90 * 86_400_000);
      await expect(connector.getShop(staticToken(grant.accessToken), shopDomain)).resolves.toMatchObject({
        externalId: shopDomain,
      });

      const replay = await failure(connector.auth.exchangeCode({ code, redirectUri, shopDomain }));
      expect(replay.kind).toBe("bad_request");
      expect(replay.platformCode).toBe("invalid_request");
      expect(replay.status).toBe(400);
    });

    it("sends a declined install back with error parameters and the state", async () => {
      const callback = await consent({ decision: "deny" });
      expect(callback.searchParams.get("error")).toBe("access_denied");
      expect(callback.searchParams.get("state")).toBe("state-123");
      expect(callback.searchParams.has("code")).toBe(false);
    });

    it("asks for offline access with the product's scopes, on the shop's own domain only", () => {
      const url = connector.auth.authorizationUrl({ state: "s", redirectUri, shopDomain });
      expect(url.origin).toBe(`https://${shopDomain}`);
      expect(url.pathname).toBe("/admin/oauth/authorize");
      expect(url.searchParams.get("scope")).toBe("read_orders,read_all_orders,read_products,read_customers");
      expect(url.searchParams.has("grant_options[]")).toBe(false);
      expect(() =>
        connector.auth.authorizationUrl({ state: "s", redirectUri, shopDomain: "evil.example.com" }),
      ).toThrow(ConnectorError);
    });

    it("verifies Shopify's hmac: good, tampered and missing", () => {
      const params = new URLSearchParams({
        code: "abc",
        shop: shopDomain,
        state: "s 1",
        timestamp: "1794000000",
      });
      const signed = new URLSearchParams(params);
      const message = [...params.entries()].sort(([a], [b]) => a.localeCompare(b));
      signed.set(
        "hmac",
        createHmac("sha256", app.clientSecret).update(new URLSearchParams(message).toString()).digest("hex"),
      );
      expect(verifyShopifyHmac(signed, app.clientSecret)).toBe(true);
      // `signature` is left out of the message, like `hmac`.
      expect(verifyShopifyHmac(new URLSearchParams([...signed, ["signature", "x"]]), app.clientSecret)).toBe(
        true,
      );

      const tampered = new URLSearchParams(signed);
      tampered.set("state", "s 2");
      expect(verifyShopifyHmac(tampered, app.clientSecret)).toBe(false);
      expect(verifyShopifyHmac(signed, "another-secret")).toBe(false);
      expect(verifyShopifyHmac(params, app.clientSecret)).toBe(false);
      const garbage = new URLSearchParams(signed);
      garbage.set("hmac", "zz");
      expect(verifyShopifyHmac(garbage, app.clientSecret)).toBe(false);
    });

    it("recognises shop domains", () => {
      expect(isShopDomain(shopDomain)).toBe(true);
      expect(isShopDomain("Shop-1.myshopify.com")).toBe(true);
      expect(isShopDomain("-shop.myshopify.com")).toBe(false);
      expect(isShopDomain("shop.myshopify.com.evil.com")).toBe(false);
      expect(isShopDomain("shop.example.com")).toBe(false);
      expect(isShopDomain("a/b.myshopify.com")).toBe(false);
    });

    it("refreshes an expired token once and carries on", async () => {
      const tokens = tokenSource(await connect());
      sandbox.setFaults({ tokenExpiresAfterCalls: 1 });
      await connector.getShop(tokens, shopDomain);
      const account = await connector.getShop(tokens, shopDomain);
      expect(account.name).toBe("Juniper & Pine");
      expect(tokens.refreshes).toBe(1);
      expect(graphqlCalls().map((entry) => entry.status)).toEqual([200, 401, 200]);
    });

    it("reports auth_expired when the token expired and cannot be refreshed", async () => {
      const grant = await connect();
      sandbox.setFaults({ tokenExpiresAfterCalls: 1 });
      await connector.getShop(staticToken(grant.accessToken), shopDomain);
      const error = await failure(connector.getShop(staticToken(grant.accessToken), shopDomain));
      expect(error.kind).toBe("auth_expired");
      expect(error.status).toBe(401);

      const dead = await failure(
        connector.auth.refresh?.("shprt_sbx-not-a-token", shopDomain) as Promise<TokenGrant>,
      );
      expect(dead.kind).toBe("auth_expired");
      expect(dead.platformCode).toBe("invalid_grant");
    });
  });

  describe("the shop and its orders", () => {
    it("reads the shop as an account with its currency, time zone and status", async () => {
      const grant = await connect();
      expect(await connector.getShop(staticToken(grant.accessToken), shopDomain)).toEqual(shop);
    });

    it("follows the cursor over several pages and returns the dataset's orders, normalised", async () => {
      const grant = await connect();
      const since = "2026-11-21T02:00:00Z";
      const before = "2026-11-21T09:00:00Z";
      const { orders, pages } = await collect(
        connector.orders(staticToken(grant.accessToken), shop, {
          updatedSince: new Date(since),
          updatedBefore: new Date(before),
        }),
      );
      const expected = expectedOrders(since, before);
      expect(expected.length).toBeGreaterThan(16);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(graphqlCalls()).toHaveLength(pages);
      expect(orders).toEqual(expected);
      // Evening orders in New York fall on the previous day there.
      const evening = orders.find((order) => order.createdAt.slice(0, 10) !== order.date);
      expect(evening).toBeDefined();
    });

    it("keeps the default page under Shopify's 1,000-point query cap", async () => {
      const grant = await connect();
      const wide = createShopifyConnector(config);
      const since = "2026-11-20T15:00:00Z";
      const before = "2026-11-20T18:00:00Z";
      const { orders } = await collect(
        wide.orders(staticToken(grant.accessToken), shop, {
          updatedSince: new Date(since),
          updatedBefore: new Date(before),
        }),
      );
      expect(orders.map((order) => order.id)).toEqual(expectedOrders(since, before).map((order) => order.id));
    });

    it("fetches the rest of an order's line items when they do not fit on its page", async () => {
      const grant = await connect();
      const narrow = createShopifyConnector({ ...config, lineItemsPageSize: 1 });
      const since = "2026-11-21T14:00:00Z";
      const before = "2026-11-21T17:00:00Z";
      const { orders } = await collect(
        narrow.orders(staticToken(grant.accessToken), shop, {
          updatedSince: new Date(since),
          updatedBefore: new Date(before),
        }),
      );
      const expected = expectedOrders(since, before);
      expect(expected.some((order) => order.lines.length > 1)).toBe(true);
      expect(orders.map((order) => order.lines)).toEqual(expected.map((order) => order.lines));
    });

    it("exports orders in bulk, joining line items to their orders", async () => {
      const grant = await connect();
      const since = "2026-11-19T00:00:00Z";
      const before = "2026-11-20T00:00:00Z";
      const { orders } = await collect(
        connector.bulkOrders(staticToken(grant.accessToken), shop, {
          updatedSince: new Date(since),
          updatedBefore: new Date(before),
        }),
      );
      const expected = expectedOrders(since, before);
      const byId = (list: Order[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(orders)).toEqual(byId(expected));
      // The latest export is looked up, the mutation sent, then one status read per poll until COMPLETED.
      expect(graphqlCalls()).toHaveLength(2 + sandbox.context.tuning.asyncJobPolls);
    });

    it("takes over an export of the same window that an interrupted sync left running", async () => {
      const grant = await connect();
      const tokens = staticToken(grant.accessToken);
      const window = {
        updatedSince: new Date("2026-11-18T00:00:00Z"),
        updatedBefore: new Date("2026-11-19T00:00:00Z"),
      };
      // An earlier attempt started this export, then stopped (killed, or rate-limited while polling).
      await adminGraphql(
        resolveConfig(config),
        tokens,
        shopDomain,
        {
          query: bulkRunMutation,
          variables: { query: bulkOrdersQuery(updatedSearch(window)) },
          what: "test",
        },
        bulkStarted,
      );
      const before = graphqlCalls().length;
      const { orders } = await collect(connector.bulkOrders(tokens, shop, window));
      const expected = expectedOrders(window.updatedSince.toISOString(), window.updatedBefore.toISOString());
      expect(orders.map((order) => order.id).sort()).toEqual(expected.map((order) => order.id).sort());
      // Fewer calls than a fresh export (lookup, start, status reads): no second export was started.
      expect(graphqlCalls().length - before).toBeLessThan(2 + sandbox.context.tuning.asyncJobPolls);
    });

    it("treats an export already running as a reason to come back later", async () => {
      const grant = await connect();
      const tokens = staticToken(grant.accessToken);
      const settings = resolveConfig(config);
      const started = await adminGraphql(
        settings,
        tokens,
        shopDomain,
        {
          query: bulkRunMutation,
          variables: { query: "{ orders { edges { node { id } } } }" },
          what: "test",
        },
        bulkStarted,
      );
      const error = await failure(
        collect(connector.bulkOrders(tokens, shop, { updatedSince: new Date("2026-11-21T00:00:00Z") })),
      );
      expect(error.kind).toBe("rate_limited");
      expect(error.platformCode).toBe("OPERATION_IN_PROGRESS");
      expect(error.retryAfterMs).toBe(10_000);
      // Let the earlier export finish so later tests can start theirs.
      const id = started.data.bulkOperationRunQuery.bulkOperation?.id;
      for (let poll = 0; poll < sandbox.context.tuning.asyncJobPolls; poll++) {
        await adminGraphql(
          settings,
          tokens,
          shopDomain,
          { query: `{ node(id: "${id}") { id } }`, what: "test" },
          z.unknown(),
        );
      }
    });
  });

  describe("failures", () => {
    it("maps a 429 with Retry-After to rate_limited with that delay", async () => {
      const grant = await connect();
      sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
      const error = await failure(connector.getShop(staticToken(grant.accessToken), shopDomain));
      expect(error.kind).toBe("rate_limited");
      expect(error.retryAfterMs).toBe(7000);
      expect(error.status).toBe(429);
      expect(error.platformCode).toBe("THROTTLED");
    });

    it("maps Shopify's THROTTLED answer (HTTP 200, no Retry-After) to rate_limited with the bucket's refill time", async () => {
      server.use(
        http.post(graphqlUrl, () =>
          HttpResponse.json({
            errors: [
              {
                message: "Throttled",
                extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
              },
            ],
            extensions: {
              cost: {
                requestedQueryCost: 752,
                actualQueryCost: null,
                throttleStatus: { maximumAvailable: 2000.0, currentlyAvailable: 252, restoreRate: 100.0 },
              },
            },
          }),
        ),
      );
      const error = await failure(connector.getShop(staticToken("shpat_any"), shopDomain));
      expect(error.kind).toBe("rate_limited");
      expect(error.retryAfterMs).toBe(5000);
      expect(error.status).toBe(200);
    });

    it("waits for the bucket to refill before the next page when a page left it nearly empty", async () => {
      const grant = await connect();
      // Forward to the sandbox, but let the first answer report a bucket one second short of another page.
      let answers = 0;
      const arrivals: number[] = [];
      let firstAnsweredAt = 0;
      server.use(
        http.post(graphqlUrl, async ({ request }) => {
          arrivals.push(Date.now());
          const forwarded = new Request(
            `${sandbox.publicUrl}/shopify/${shopDomain}/admin/api/2026-10/graphql.json`,
            { method: "POST", headers: request.headers, body: await request.text() },
          );
          const body = (await (await sandbox.fetch(forwarded)).json()) as {
            extensions: {
              cost: { requestedQueryCost: number; throttleStatus: { currentlyAvailable: number } };
            };
          };
          answers += 1;
          if (answers === 1) {
            body.extensions.cost.throttleStatus.currentlyAvailable =
              body.extensions.cost.requestedQueryCost - 100;
            firstAnsweredAt = Date.now();
          }
          return HttpResponse.json(body);
        }),
      );
      const { pages } = await collect(
        connector.orders(staticToken(grant.accessToken), shop, {
          updatedSince: new Date("2026-11-21T20:00:00Z"),
          updatedBefore: new Date("2026-11-21T23:00:00Z"),
        }),
      );
      expect(pages).toBeGreaterThanOrEqual(3);
      expect((arrivals[1] ?? 0) - firstAnsweredAt).toBeGreaterThanOrEqual(950);
      // Later pages found a full bucket and did not wait.
      expect((arrivals[2] ?? 0) - (arrivals[1] ?? 0)).toBeLessThan(900);
    });

    it("reports permission_denied when the grant lacks read_orders (ACCESS_DENIED), paged or bulk", async () => {
      const grant = await connect(["read_products", "read_customers"]);
      expect(grant.scopes).toEqual(["read_products", "read_customers"]);
      const tokens = staticToken(grant.accessToken);
      const paged = await failure(collect(connector.orders(tokens, shop, { updatedSince: null })));
      expect(paged.kind).toBe("permission_denied");
      expect(paged.platformCode).toBe("ACCESS_DENIED");
      const bulk = await failure(
        collect(connector.bulkOrders(tokens, shop, { updatedSince: new Date("2026-11-22T00:00:00Z") })),
      );
      expect(bulk.kind).toBe("permission_denied");
      expect(bulk.platformCode).toBe("ACCESS_DENIED");

      // The REST-style refusal of a scope arrives as HTTP 403.
      server.use(
        http.post(graphqlUrl, () =>
          HttpResponse.json(
            { errors: "[API] This action requires merchant approval for read_all_orders scope." },
            { status: 403 },
          ),
        ),
      );
      expect((await failure(connector.getShop(tokens, shopDomain))).kind).toBe("permission_denied");
    });

    it("reports account_invalid for an unknown or frozen shop, and refuses a domain that is not a shop", async () => {
      const grant = await connect();
      const tokens = staticToken(grant.accessToken);
      const unknown = await failure(connector.getShop(tokens, "no-such-shop.myshopify.com"));
      expect(unknown.kind).toBe("account_invalid");
      expect(unknown.status).toBe(404);

      server.use(
        http.post(graphqlUrl, () => HttpResponse.json({ errors: "Unavailable Shop" }, { status: 402 })),
      );
      const frozen = await failure(connector.getShop(tokens, shopDomain));
      expect(frozen.kind).toBe("account_invalid");
      expect(frozen.status).toBe(402);

      const notShop = await failure(connector.getShop(tokens, "juniper.example.com"));
      expect(notShop.kind).toBe("bad_request");
    });

    it("reports malformed_response for a truncated body and transient for a 5xx", async () => {
      const grant = await connect();
      const tokens = staticToken(grant.accessToken);
      sandbox.setFaults({ malformedRate: 1 });
      expect((await failure(connector.getShop(tokens, shopDomain))).kind).toBe("malformed_response");
      sandbox.setFaults({ serverErrorRate: 1 });
      const server5xx = await failure(connector.getShop(tokens, shopDomain));
      expect(server5xx.kind).toBe("transient");
      expect(server5xx.status).toBe(500);
    });

    it("reports bad_request for a query Shopify's schema rejects", async () => {
      const grant = await connect();
      const error = await failure(
        adminGraphql(
          resolveConfig(config),
          staticToken(grant.accessToken),
          shopDomain,
          { query: "{ shop { name landingSite } }", what: "test" },
          z.unknown(),
        ),
      );
      expect(error.kind).toBe("bad_request");
      expect(error.platformCode).toBe("undefinedField");
    });

    it("revokes by uninstalling, after which the token no longer works", async () => {
      const grant = await connect();
      await connector.auth.revoke?.({
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        shopDomain,
      });
      const error = await failure(connector.getShop(staticToken(grant.accessToken), shopDomain));
      expect(error.kind).toBe("auth_expired");
    });
  });
});
