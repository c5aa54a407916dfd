import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../app.ts";
import { sandboxApps } from "../../apps.ts";
import { signShopifyQuery } from "./authorize.ts";

const now = new Date("2026-11-22T15:00:00Z");
const shop = "juniper-and-pine.myshopify.com";
const app = sandboxApps.shopify;
const allScopes = ["read_orders", "read_all_orders", "read_products", "read_customers"];

// One sandbox for the file: generating the dataset's year of orders is the slow part.
const shared = createSandbox({ publicUrl: "https://sandbox.test", now: () => now });
const call = (path: string, init?: RequestInit) =>
  shared.fetch(new Request(`${shared.publicUrl}${path}`, init));

beforeEach(async () => {
  shared.setFaults({});
  await call("/shopify/__sandbox/refill", { method: "POST" });
});

function setup(tuning: { asyncJobPolls?: number } = {}) {
  shared.context.tuning.asyncJobPolls = tuning.asyncJobPolls ?? 3;
  return { sandbox: shared, call };
}

async function authorize(sandbox: Sandbox, options: { scopes?: string[]; perUser?: boolean } = {}) {
  const url = new URL(`${sandbox.publicUrl}/shopify/${shop}/admin/oauth/authorize`);
  url.searchParams.set("client_id", app.clientId);
  url.searchParams.set("scope", allScopes.join(","));
  url.searchParams.set("redirect_uri", "https://app.test/callback");
  url.searchParams.set("state", "n0nce");
  if (options.perUser) url.searchParams.set("grant_options[]", "per-user");
  const form = new URLSearchParams({ decision: "allow" });
  for (const scope of options.scopes ?? allScopes) form.append("scope", scope);
  const answer = await sandbox.fetch(new Request(url, { method: "POST", body: form }));
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location") ?? "");
}

async function token(sandbox: Sandbox, body: Record<string, string>) {
  return sandbox.fetch(
    new Request(`${sandbox.publicUrl}/shopify/${shop}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: app.clientId, client_secret: app.clientSecret, ...body }),
    }),
  );
}

async function accessToken(sandbox: Sandbox, scopes?: string[]): Promise<string> {
  const code = (await authorize(sandbox, { scopes })).searchParams.get("code") ?? "";
  return ((await (await token(sandbox, { code })).json()) as { access_token: string }).access_token;
}

interface GraphqlAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read by path
  body: any;
}

async function graphql(
  sandbox: Sandbox,
  accessTokenValue: string,
  query: string,
  variables = {},
): Promise<GraphqlAnswer> {
  const answer = await sandbox.fetch(
    new Request(`${sandbox.publicUrl}/shopify/${shop}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Shopify-Access-Token": accessTokenValue },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return { status: answer.status, headers: answer.headers, body: await answer.json() };
}

describe("Shopify sandbox: hosts and auth", () => {
  it("knows only the demo shop and answers unknown paths the way Shopify does", async () => {
    const { call } = setup();
    const unknown = await call("/shopify/other-shop.myshopify.com/admin/api/2026-10/graphql.json", {
      method: "POST",
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ errors: "Not Found" });
    const path = await call(`/shopify/${shop}/admin/api/2026-10/nothing.json`);
    expect(path.status).toBe(404);
    expect(await path.json()).toEqual({ errors: "Not Found" });
  });

  it("refuses a bad token with Shopify's 401 text", async () => {
    const { sandbox } = setup();
    const answer = await graphql(sandbox, "shpat_wrong", "{ shop { name } }");
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
  });

  it("signs the callback with a hex HMAC over the other parameters and a base64url host", async () => {
    const { sandbox } = setup();
    const callback = await authorize(sandbox);
    const params = Object.fromEntries([...callback.searchParams].filter(([key]) => key !== "hmac"));
    expect(Object.keys(params).sort()).toEqual(["code", "host", "shop", "state", "timestamp"]);
    expect(callback.searchParams.get("hmac")).toBe(signShopifyQuery(params, app.clientSecret));
    expect(callback.searchParams.get("timestamp")).toBe(String(now.getTime() / 1000));
    expect(Buffer.from(params.host ?? "", "base64url").toString()).toBe(
      "admin.shopify.com/store/juniper-and-pine",
    );
  });

  it("shows an error instead of redirecting for an unknown app or a bad redirect URI", async () => {
    const { call } = setup();
    const wrongApp = await call(
      `/shopify/${shop}/admin/oauth/authorize?client_id=nope&scope=read_orders&redirect_uri=https://a.test/cb`,
    );
    expect(wrongApp.status).toBe(400);
    expect(await wrongApp.text()).toContain("client_id");
    const badRedirect = await call(
      `/shopify/${shop}/admin/oauth/authorize?client_id=${app.clientId}&scope=read_orders&redirect_uri=javascript:alert(1)`,
      { method: "POST", body: new URLSearchParams({ decision: "allow" }) },
    );
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.headers.get("location")).toBeNull();
  });

  it("issues non-expiring, expiring and online tokens, and refuses a used code", async () => {
    const { sandbox } = setup();
    const first = (await authorize(sandbox)).searchParams.get("code") ?? "";
    const plain = await token(sandbox, { code: first });
    expect(Object.keys((await plain.json()) as object).sort()).toEqual(["access_token", "scope"]);
    const replay = await token(sandbox, { code: first });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({
      error: "invalid_request",
      error_description: "The authorization code was not found or was already used",
    });

    const second = (await authorize(sandbox, { scopes: ["read_orders"] })).searchParams.get("code") ?? "";
    const expiring = (await (await token(sandbox, { code: second, expiring: "1" })).json()) as Record<
      string,
      unknown
    >;
    expect(expiring).toMatchObject({
      scope: "read_orders",
      expires_in: 3600,
      refresh_token_expires_in: 7_776_000,
    });
    expect(expiring.access_token).toMatch(/^shpat_/);
    expect(expiring.refresh_token).toMatch(/^shprt_/);

    const online = (await authorize(sandbox, { perUser: true })).searchParams.get("code") ?? "";
    const perUser = (await (await token(sandbox, { code: online })).json()) as Record<string, unknown>;
    expect(perUser).toMatchObject({ expires_in: 86_399, associated_user_scope: allScopes.join(",") });
    expect(perUser.associated_user).toBeDefined();
  });

  it("rotates refresh tokens: the old one works until the new one is first used", async () => {
    const { sandbox } = setup();
    const code = (await authorize(sandbox)).searchParams.get("code") ?? "";
    const issued = (await (await token(sandbox, { code, expiring: "1" })).json()) as {
      refresh_token: string;
    };
    const refresh = (refreshToken: string) =>
      token(sandbox, { grant_type: "refresh_token", refresh_token: refreshToken });

    const next = (await (await refresh(issued.refresh_token)).json()) as {
      access_token: string;
      refresh_token: string;
    };
    expect(next.refresh_token).not.toBe(issued.refresh_token);
    // A lost answer can be recovered by retrying with the old token…
    expect((await refresh(issued.refresh_token)).status).toBe(200);
    // …until the replacement is used, which retires it.
    expect((await refresh(next.refresh_token)).status).toBe(200);
    const retired = await refresh(issued.refresh_token);
    expect(retired.status).toBe(400);
    expect(((await retired.json()) as { error: string }).error).toBe("invalid_grant");
    expect((await graphql(sandbox, next.access_token, "{ shop { name } }")).status).toBe(200);
  });

  it("uninstalls through appUninstall or the legacy REST call, killing every token of the installation", async () => {
    const { sandbox, call } = setup();
    const one = await accessToken(sandbox);
    const two = await accessToken(sandbox);
    const uninstalled = await graphql(
      sandbox,
      one,
      "mutation { appUninstall { app { id } userErrors { message } } }",
    );
    expect(uninstalled.body.data.appUninstall.userErrors).toEqual([]);
    expect((await graphql(sandbox, two, "{ shop { name } }")).status).toBe(401);

    const three = await accessToken(sandbox);
    const rest = await call(`/shopify/${shop}/admin/api_permissions/current.json`, {
      method: "DELETE",
      headers: { "X-Shopify-Access-Token": three },
    });
    expect(rest.status).toBe(200);
    expect((await graphql(sandbox, three, "{ shop { name } }")).status).toBe(401);
  });

  it("sends a rate-limit fault as 429 with Retry-After and the THROTTLED body", async () => {
    const { sandbox } = setup();
    const access = await accessToken(sandbox);
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 4 });
    const answer = await graphql(sandbox, access, "{ shop { name } }");
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("4");
    expect(answer.body.errors[0].extensions.code).toBe("THROTTLED");
    expect(answer.body.extensions.cost.throttleStatus).toMatchObject({
      maximumAvailable: 2000,
      restoreRate: 100,
    });
  });
});

describe("Shopify sandbox: the Admin GraphQL API", () => {
  it("validates queries like graphql-ruby: codes for unknown fields and arguments, parse errors", async () => {
    const { sandbox } = setup();
    const access = await accessToken(sandbox);
    const field = await graphql(sandbox, access, "{ shop { name landingSite } }");
    expect(field.status).toBe(200);
    expect(field.body.errors[0]).toMatchObject({
      message: "Field 'landingSite' doesn't exist on type 'Shop'",
      extensions: { code: "undefinedField", typeName: "Shop", fieldName: "landingSite" },
    });
    expect(field.body.data).toBeUndefined();
    const argument = await graphql(sandbox, access, "{ orders(first: 1, since: 3) { nodes { id } } }");
    expect(argument.body.errors[0].extensions.code).toBe("argumentNotAccepted");
    const parse = await graphql(sandbox, access, "{ shop { name ");
    expect(parse.body.errors[0].message).toMatch(/^Parse error on/);
    expect(parse.body.extensions.cost).toBeDefined();
  });

  it("prices queries as Shopify does and refuses one over 1,000 points", async () => {
    const { sandbox } = setup();
    const access = await accessToken(sandbox);
    const simple = await graphql(sandbox, access, "{ orders(first: 10) { nodes { id } } }");
    expect(simple.body.extensions.cost).toMatchObject({ requestedQueryCost: 12, actualQueryCost: 12 });
    const nested = await graphql(
      sandbox,
      access,
      "{ orders(first: 5) { edges { node { id totalPriceSet { shopMoney { amount } } lineItems(first: 4) { nodes { id } } } } } }",
    );
    // 2 + 5 × (order 1 + money bag 2 + line connection (2 + 4 × 1)); actual counts the lines that exist.
    expect(nested.body.extensions.cost.requestedQueryCost).toBe(2 + 5 * (1 + 2 + 6));
    expect(nested.body.extensions.cost.actualQueryCost).toBeLessThan(
      nested.body.extensions.cost.requestedQueryCost,
    );
    const huge = await graphql(
      sandbox,
      access,
      "{ orders(first: 100) { nodes { id lineItems(first: 50) { nodes { id } } } } }",
    );
    expect(huge.body.errors[0].extensions).toMatchObject({
      code: "MAX_COST_EXCEEDED",
      cost: 5302,
      maxCost: 1000,
    });
    expect(huge.body.extensions.cost.actualQueryCost).toBeNull();
  });

  it("throttles (HTTP 200, THROTTLED) once the bucket cannot pay for the requested cost", async () => {
    const { sandbox } = setup();
    const access = await accessToken(sandbox);
    const query = "{ orders(first: 90) { nodes { id lineItems(first: 3) { nodes { id } } } } }";
    const answers: GraphqlAnswer[] = [];
    for (let round = 0; round < 6; round++) answers.push(await graphql(sandbox, access, query));
    const throttled = answers.find((answer) => answer.body.errors?.[0]?.extensions?.code === "THROTTLED");
    expect(throttled?.status).toBe(200);
    expect(throttled?.body.errors[0].message).toBe("Throttled");
    const { requestedQueryCost, throttleStatus } = throttled?.body.extensions.cost ?? {};
    expect(requestedQueryCost).toBe(2 + 90 * 6);
    expect(throttleStatus.currentlyAvailable).toBeLessThan(requestedQueryCost);
  });

  it("denies orders without read_orders (data.orders null) and hides old orders without read_all_orders", async () => {
    const { sandbox } = setup();
    const noOrders = await accessToken(sandbox, ["read_products"]);
    const denied = await graphql(sandbox, noOrders, "{ orders(first: 1) { nodes { id } } }");
    expect(denied.status).toBe(200);
    expect(denied.body.data).toEqual({ orders: null });
    expect(denied.body.errors[0]).toMatchObject({
      message: "Access denied for orders field. Required access: `read_orders` access scope.",
      path: ["orders"],
      extensions: { code: "ACCESS_DENIED" },
    });

    const recentOnly = await accessToken(sandbox, ["read_orders"]);
    const old = await graphql(
      sandbox,
      recentOnly,
      "{ orders(first: 1, sortKey: CREATED_AT) { nodes { createdAt } } }",
    );
    expect(Date.parse(old.body.data.orders.nodes[0].createdAt)).toBeGreaterThanOrEqual(
      now.getTime() - 60 * 86_400_000,
    );
  });

  it("filters by updated_at, sorts by UPDATED_AT and pages with opaque cursors to a last page", async () => {
    const { sandbox } = setup();
    const access = await accessToken(sandbox);
    const search = "updated_at:>='2026-11-21T00:00:00Z' AND updated_at:<'2026-11-21T03:00:00Z'";
    const query = `query($after: String, $q: String) { orders(first: 5, after: $after, query: $q, sortKey: UPDATED_AT) {
      pageInfo { hasNextPage endCursor } nodes { id updatedAt } } }`;
    const seen: { id: string; updatedAt: string }[] = [];
    let after: string | null = null;
    let last: GraphqlAnswer | null = null;
    do {
      last = await graphql(sandbox, access, query, { after, q: search });
      seen.push(...last.body.data.orders.nodes);
      after = last.body.data.orders.pageInfo.hasNextPage ? last.body.data.orders.pageInfo.endCursor : null;
      if (after) expect(JSON.parse(Buffer.from(after, "base64").toString())).toHaveProperty("last_id");
    } while (after);
    expect(last.body.data.orders.pageInfo.hasNextPage).toBe(false);
    const expected = sandbox.dataset
      .orders(now)
      .filter(
        (order) => order.updatedAt >= "2026-11-21T00:00:00Z" && order.updatedAt < "2026-11-21T03:00:00Z",
      );
    expect(seen.map((order) => order.id).sort()).toEqual(expected.map((order) => order.id).sort());
    expect(seen.map((order) => order.updatedAt)).toEqual([...seen.map((order) => order.updatedAt)].sort());

    const missing = await graphql(sandbox, access, '{ orders(query: "status:open") { nodes { id } } }');
    expect(missing.body.errors[0].message).toBe("you must provide one of first or last");
    const warned = await graphql(
      sandbox,
      access,
      '{ orders(first: 1, query: "status:open") { nodes { id } } }',
    );
    expect(warned.body.extensions.search[0].warnings[0]).toMatchObject({ field: "status" });
  });

  it("prints money as Shopify's decimals in shopMoney", async () => {
    const { sandbox } = setup();
    const access = await accessToken(sandbox);
    const answer = await graphql(
      sandbox,
      access,
      "{ orders(first: 30) { nodes { totalPriceSet { shopMoney { amount currencyCode } } } } }",
    );
    const amounts: string[] = answer.body.data.orders.nodes.map(
      (node: { totalPriceSet: { shopMoney: { amount: string } } }) => node.totalPriceSet.shopMoney.amount,
    );
    for (const amount of amounts) expect(amount).toMatch(/^\d+\.\d{1,2}$/);
    expect(answer.body.data.orders.nodes[0].totalPriceSet.shopMoney.currencyCode).toBe("USD");
  });
});

describe("Shopify sandbox: bulk operations", () => {
  const bulkQuery = `{ orders(query: "updated_at:>='2026-11-20T00:00:00Z' AND updated_at:<'2026-11-20T06:00:00Z'") {
    edges { node { id name lineItems { edges { node { id sku } } } } } } }`;
  const start = (groupObjects = false) =>
    `mutation($q: String!) { bulkOperationRunQuery(query: $q, groupObjects: ${groupObjects}) { bulkOperation { id status } userErrors { field message code } } }`;
  const poll =
    "query($id: ID!) { node(id: $id) { ... on BulkOperation { status objectCount rootObjectCount url errorCode } } }";

  async function readLines(sandbox: Sandbox, url: string) {
    const text = await (await sandbox.fetch(new Request(url))).text();
    return text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  it("runs CREATED → RUNNING → COMPLETED over the configured polls, one at a time per shop", async () => {
    const { sandbox } = setup({ asyncJobPolls: 3 });
    const access = await accessToken(sandbox);
    const started = await graphql(sandbox, access, start(), { q: bulkQuery });
    const operation = started.body.data.bulkOperationRunQuery.bulkOperation;
    expect(operation.status).toBe("CREATED");
    const busy = await graphql(sandbox, access, start(), { q: bulkQuery });
    expect(busy.body.data.bulkOperationRunQuery.userErrors[0]).toMatchObject({
      code: "OPERATION_IN_PROGRESS",
      message: `A bulk query operation for this app and shop is already in progress: ${operation.id}.`,
    });
    const statuses: string[] = [];
    let last: GraphqlAnswer | null = null;
    for (let round = 0; round < 3; round++) {
      last = await graphql(sandbox, access, poll, { id: operation.id });
      statuses.push(last.body.data.node.status);
    }
    expect(statuses).toEqual(["RUNNING", "RUNNING", "COMPLETED"]);
    const done = last?.body.data.node;
    expect(done.url).toMatch(
      /^https:\/\/sandbox\.test\/shopify\/juniper-and-pine\.myshopify\.com\/__bulk\/\d+\.jsonl$/,
    );
    const lines = await readLines(sandbox, done.url);
    const roots = lines.filter((line) => !("__parentId" in line));
    expect(done.objectCount).toBe(String(lines.length));
    expect(done.rootObjectCount).toBe(String(roots.length));
    // Ungrouped (the default since 2026-01): every child comes after all the orders.
    const firstChild = lines.findIndex((line) => "__parentId" in line);
    expect(lines.slice(firstChild).every((line) => "__parentId" in line)).toBe(true);
    const ids = new Set(roots.map((line) => line.id));
    expect(lines.slice(firstChild).every((line) => ids.has(line.__parentId))).toBe(true);
    expect(
      (await graphql(sandbox, access, "{ currentBulkOperation { id status } }")).body.data
        .currentBulkOperation,
    ).toEqual({
      id: operation.id,
      status: "COMPLETED",
    });
  });

  it("groups children under their parent when asked, and gives no URL for an empty export", async () => {
    const { sandbox } = setup({ asyncJobPolls: 1 });
    const access = await accessToken(sandbox);
    const grouped = await graphql(sandbox, access, start(true), { q: bulkQuery });
    const id = grouped.body.data.bulkOperationRunQuery.bulkOperation.id;
    const done = (await graphql(sandbox, access, poll, { id })).body.data.node;
    const lines = await readLines(sandbox, done.url);
    let parent: unknown = null;
    for (const line of lines) {
      if ("__parentId" in line) expect(line.__parentId).toBe(parent);
      else parent = line.id;
    }

    const empty = await graphql(sandbox, access, start(), {
      q: `{ orders(query: "updated_at:<'2020-01-01T00:00:00Z'") { edges { node { id } } } }`,
    });
    const emptyId = empty.body.data.bulkOperationRunQuery.bulkOperation.id;
    expect((await graphql(sandbox, access, poll, { id: emptyId })).body.data.node).toMatchObject({
      status: "COMPLETED",
      objectCount: "0",
      url: null,
    });
  });

  it("refuses an invalid bulk query and fails one the grant may not read", async () => {
    const { sandbox } = setup({ asyncJobPolls: 1 });
    const access = await accessToken(sandbox);
    const invalid = await graphql(sandbox, access, start(), { q: "{ shop { name } }" });
    expect(invalid.body.data.bulkOperationRunQuery).toMatchObject({
      bulkOperation: null,
      userErrors: [{ code: "INVALID", field: ["query"] }],
    });
    const unknownField = await graphql(sandbox, access, start(), {
      q: "{ orders { edges { node { nope } } } }",
    });
    expect(unknownField.body.data.bulkOperationRunQuery.userErrors[0].message).toContain("doesn't exist");

    const noOrders = await accessToken(sandbox, ["read_products"]);
    const started = await graphql(sandbox, noOrders, start(), { q: bulkQuery });
    const id = started.body.data.bulkOperationRunQuery.bulkOperation.id;
    expect((await graphql(sandbox, noOrders, poll, { id })).body.data.node).toMatchObject({
      status: "FAILED",
      errorCode: "ACCESS_DENIED",
      url: null,
    });
  });
});
