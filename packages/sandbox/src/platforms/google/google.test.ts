import { describe, expect, it } from "vitest";
import { createSandbox } from "../../app.ts";
import { sandboxApps } from "../../apps.ts";
import { addDays } from "../../dataset/index.ts";

const now = new Date("2026-11-22T15:00:00Z");
const base = "https://sandbox.test";
const scope = "https://www.googleapis.com/auth/adwords";
const manager = "1000000001";
const client = "2000000001";

function setUp() {
  const sandbox = createSandbox({ publicUrl: base, now: () => now });
  const token = (scopes = [scope]) =>
    sandbox.context.tokens.issue(
      { platform: "google", kind: "access", clientId: sandboxApps.google.clientId, scopes, exp: null },
      now,
    );
  const stream = (
    customerId: string,
    query: string,
    headers: Record<string, string> = {},
    access = token(),
  ) =>
    sandbox.fetch(
      new Request(`${base}/google/ads/v23/customers/${customerId}/googleAds:searchStream`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${access}`,
          "developer-token": sandboxApps.google.developerToken ?? "",
          "content-type": "application/json",
          ...headers,
        },
        body: JSON.stringify({ query }),
      }),
    );
  return { sandbox, token, stream };
}

type Failure = { error: { code: number; status: string; details: { errors: { errorCode: object }[] }[] } };
const errorCodeOf = (body: unknown) => {
  const failure = (Array.isArray(body) ? body[0] : body) as Failure;
  return failure.error.details[0]?.errors[0]?.errorCode;
};

describe("the Google Ads sandbox", () => {
  it("lists only the manager as accessible, and its clients through customer_client", async () => {
    const { sandbox, token, stream } = setUp();
    const list = await sandbox.fetch(
      new Request(`${base}/google/ads/v23/customers:listAccessibleCustomers`, {
        headers: { authorization: `Bearer ${token()}`, "developer-token": "sandbox-developer-token" },
      }),
    );
    expect(await list.json()).toEqual({ resourceNames: [`customers/${manager}`] });

    const response = await stream(
      manager,
      "SELECT customer_client.id, customer_client.level, customer_client.manager, customer_client.status FROM customer_client",
    );
    const [batch] = (await response.json()) as { results: unknown[]; fieldMask: string }[];
    expect(batch?.fieldMask).toBe(
      "customerClient.id,customerClient.level,customerClient.manager,customerClient.status",
    );
    expect(batch?.results).toEqual([
      {
        customerClient: {
          resourceName: `customers/${manager}/customerClients/${manager}`,
          id: manager,
          level: "0",
          manager: true,
          status: "ENABLED",
        },
      },
      {
        customerClient: {
          resourceName: `customers/${manager}/customerClients/2000000001`,
          id: "2000000001",
          level: "1",
          manager: false,
          status: "ENABLED",
        },
      },
      {
        customerClient: {
          resourceName: `customers/${manager}/customerClients/2000000002`,
          id: "2000000002",
          level: "1",
          manager: false,
          status: "ENABLED",
        },
      },
    ]);
  });

  it("streams ad-day rows in batches with int64 strings, double numbers and zeros written out", async () => {
    const { sandbox, stream } = setUp();
    sandbox.context.tuning.googleStreamBatchSize = 5;
    const response = await stream(
      client,
      `SELECT campaign.id, ad_group.id, ad_group_ad.ad.id, segments.date, metrics.impressions, metrics.clicks,
         metrics.cost_micros, metrics.conversions, metrics.conversions_value
       FROM ad_group_ad WHERE segments.date BETWEEN '2026-11-10' AND '2026-11-12'`,
      { "login-customer-id": manager },
    );
    expect(response.status).toBe(200);
    const batches = (await response.json()) as {
      results?: Record<string, Record<string, unknown>>[];
      requestId: string;
      queryResourceConsumption?: string;
    }[];
    const rows = batches.flatMap((batch) => batch.results ?? []);
    const account = sandbox.dataset.account("google", client);
    if (!account) throw new Error("no account");
    const expected = sandbox.dataset.metrics(account, "2026-11-10", "2026-11-12", now);
    expect(rows).toHaveLength(expected.length);
    expect(batches.length).toBe(Math.ceil(expected.length / 5));
    expect(batches.every((batch) => (batch.results?.length ?? 0) <= 5)).toBe(true);
    expect(new Set(batches.map((batch) => batch.requestId)).size).toBe(1);
    expect(batches.at(-1)?.queryResourceConsumption).toMatch(/^\d+$/);
    expect(batches[0]?.queryResourceConsumption).toBeUndefined();

    const first = expected[0];
    expect(rows[0]).toEqual({
      campaign: { resourceName: `customers/${client}/campaigns/${first?.campaignId}`, id: first?.campaignId },
      adGroup: { resourceName: `customers/${client}/adGroups/${first?.adSetId}`, id: first?.adSetId },
      adGroupAd: {
        resourceName: `customers/${client}/adGroupAds/${first?.adSetId}~${first?.adId}`,
        ad: { resourceName: `customers/${client}/ads/${first?.adId}`, id: first?.adId },
      },
      segments: { date: first?.date },
      metrics: {
        impressions: String(first?.impressions),
        clicks: String(first?.clicks),
        costMicros: String((first?.spend ?? 0) * 10_000),
        conversions: first?.conversions,
        conversionsValue: (first?.conversionValue ?? 0) / 100,
      },
    });
  });

  it("writes a zero metric as Google does (proto3 optional fields keep explicit zeros)", async () => {
    const { stream } = setUp();
    const response = await stream(
      client,
      `SELECT campaign.id, metrics.clicks, metrics.impressions FROM campaign WHERE segments.date = '2030-01-01'`,
      { "login-customer-id": manager },
    );
    const [batch] = (await response.json()) as { results: { metrics: object }[] }[];
    expect(batch?.results[0]?.metrics).toEqual({ clicks: "0", impressions: "0" });
  });

  it("sums ad rows into campaign rows", async () => {
    const { sandbox, stream } = setUp();
    const response = await stream(
      client,
      `SELECT campaign.id, segments.date, metrics.cost_micros FROM campaign
       WHERE segments.date = '2026-11-20' ORDER BY metrics.cost_micros DESC`,
      { "login-customer-id": manager },
    );
    const [batch] = (await response.json()) as {
      results: { campaign: { id: string }; metrics: { costMicros: string } }[];
    }[];
    const account = sandbox.dataset.account("google", client);
    if (!account) throw new Error("no account");
    const rows = sandbox.dataset.metrics(account, "2026-11-20", "2026-11-20", now);
    const byCampaign = new Map<string, number>();
    for (const row of rows) byCampaign.set(row.campaignId, (byCampaign.get(row.campaignId) ?? 0) + row.spend);
    const results = batch?.results ?? [];
    expect(results.map((row) => [row.campaign.id, Number(row.metrics.costMicros) / 10_000])).toEqual(
      [...byCampaign].sort((a, b) => b[1] - a[1]),
    );
  });

  it("compares 17-digit ids exactly (past 2^53) in WHERE and ORDER BY", async () => {
    const { sandbox, stream } = setUp();
    const campaigns = sandbox.dataset.account("google", client)?.campaigns ?? [];
    const [first, second] = campaigns.map((campaign) => campaign.id);
    expect(first?.length).toBe(17);
    // Two ids a double cannot tell apart: as Numbers these compare equal.
    const twin = `${BigInt(first ?? "0") + 1n}`;
    expect(Number(twin)).toBe(Number(first));
    const response = await stream(
      client,
      `SELECT campaign.id FROM campaign WHERE campaign.id IN (${first}, ${twin}, ${second}) AND campaign.id != ${twin}
       ORDER BY campaign.id DESC`,
      { "login-customer-id": manager },
    );
    const [batch] = (await response.json()) as { results: { campaign: { id: string } }[] }[];
    expect(batch?.results.map((row) => row.campaign.id)).toEqual([second, first].sort().reverse());
    const exact = await stream(client, `SELECT campaign.id FROM campaign WHERE campaign.id = ${twin}`, {
      "login-customer-id": manager,
    });
    const [empty] = (await exact.json()) as { results?: unknown[] }[];
    expect(empty?.results).toBeUndefined();
  });

  it.each([
    [
      "an unknown field",
      "SELECT campaign.id, campaign.colour FROM campaign",
      { queryError: "UNRECOGNIZED_FIELD" },
    ],
    [
      "segments.date without a finite range",
      "SELECT ad_group_ad.ad.id, segments.date, metrics.clicks FROM ad_group_ad WHERE segments.date >= '2026-11-01'",
      { queryError: "EXPECTED_FILTERS_ON_DATE_RANGE" },
    ],
    [
      "a range that ends before it starts",
      "SELECT campaign.id, metrics.clicks FROM campaign WHERE segments.date BETWEEN '2026-11-10' AND '2026-11-01'",
      { queryError: "DATE_RANGE_TOO_NARROW" },
    ],
    [
      "a metric on customer_client",
      "SELECT customer_client.id, metrics.clicks FROM customer_client",
      { queryError: "PROHIBITED_METRIC_IN_SELECT_OR_WHERE_CLAUSE" },
    ],
    [
      "a field of an unrelated resource",
      "SELECT campaign.id, ad_group.id FROM campaign",
      { queryError: "PROHIBITED_RESOURCE_TYPE_IN_SELECT_CLAUSE" },
    ],
  ])("refuses %s with a queryError, wrapped in the stream's array", async (_, query, errorCode) => {
    const { stream } = setUp();
    const response = await stream(client, query, { "login-customer-id": manager });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Array.isArray(body)).toBe(true);
    expect(errorCodeOf(body)).toEqual(errorCode);
    expect((body as Failure[])[0]?.error.status).toBe("INVALID_ARGUMENT");
  });

  it("refuses metrics on the manager", async () => {
    const { stream } = setUp();
    const today = "2026-11-22";
    const response = await stream(
      manager,
      `SELECT customer.id, metrics.clicks FROM customer WHERE segments.date BETWEEN '${addDays(today, -3)}' AND '${today}'`,
    );
    expect(response.status).toBe(400);
    expect(errorCodeOf(await response.json())).toEqual({ queryError: "REQUESTED_METRICS_FOR_MANAGER" });
  });

  it("needs the manager as login-customer-id for a client", async () => {
    const { stream } = setUp();
    const response = await stream(client, "SELECT campaign.id FROM campaign");
    expect(response.status).toBe(403);
    expect(errorCodeOf(await response.json())).toEqual({ authorizationError: "USER_PERMISSION_DENIED" });
    const wrong = await stream(client, "SELECT campaign.id FROM campaign", { "login-customer-id": client });
    expect(wrong.status).toBe(403);
  });

  it("refuses an unknown customer id", async () => {
    const { stream } = setUp();
    for (const id of ["2000000009", "123-456-7890"]) {
      const response = await stream(id, "SELECT campaign.id FROM campaign", { "login-customer-id": manager });
      expect(response.status).toBe(400);
      expect(errorCodeOf(await response.json())).toEqual({ requestError: "INVALID_CUSTOMER_ID" });
    }
  });

  it("checks the developer token and the AdWords scope", async () => {
    const { stream, token } = setUp();
    const wrong = await stream(manager, "SELECT customer.id FROM customer", { "developer-token": "nope" });
    expect(wrong.status).toBe(401);
    expect(errorCodeOf(await wrong.json())).toEqual({ authenticationError: "DEVELOPER_TOKEN_INVALID" });
    const unscoped = await stream(manager, "SELECT customer.id FROM customer", {}, token(["email"]));
    expect(unscoped.status).toBe(403);
    const [body] = (await unscoped.json()) as { error: { status: string; details: { reason: string }[] } }[];
    expect(body?.error.status).toBe("PERMISSION_DENIED");
    expect(body?.error.details[0]?.reason).toBe("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
  });

  it("throttles with Retry-After and the quota error's retryDelay", async () => {
    const { sandbox, stream } = setUp();
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const response = await stream(manager, "SELECT customer.id FROM customer");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    const [body] = (await response.json()) as {
      error: { status: string; details: { errors: { errorCode: object; details: object }[] }[] };
    }[];
    expect(body?.error.status).toBe("RESOURCE_EXHAUSTED");
    expect(body?.error.details[0]?.errors[0]).toMatchObject({
      errorCode: { quotaError: "RESOURCE_TEMPORARILY_EXHAUSTED" },
      details: { quotaErrorDetails: { retryDelay: "7s" } },
    });
  });

  it("says an expired token expired", async () => {
    const { sandbox, stream } = setUp();
    const expired = sandbox.context.tokens.issue(
      { platform: "google", kind: "access", clientId: sandboxApps.google.clientId, scopes: [scope], exp: 1 },
      now,
    );
    const response = await stream(manager, "SELECT customer.id FROM customer", {}, expired);
    expect(response.status).toBe(401);
    expect(errorCodeOf(await response.json())).toEqual({ authenticationError: "OAUTH_TOKEN_EXPIRED" });
  });

  it("answers unknown paths and sunset versions with Google's HTML 404, unlogged", async () => {
    const { sandbox } = setUp();
    for (const path of [
      "/google/ads/v23/customers/1000000001/googleAds:mutate",
      "/google/ads/v12/customers:listAccessibleCustomers",
    ]) {
      const response = await sandbox.fetch(new Request(`${base}${path}`, { method: "POST" }));
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toContain("text/html");
    }
    expect(sandbox.context.log.list()).toEqual([]);
  });
});

describe("the Google OAuth sandbox", () => {
  const { clientId, clientSecret } = sandboxApps.google;
  const redirectUri = "https://app.omnify.test/connect/google/callback";

  async function authorize(sandbox: ReturnType<typeof createSandbox>, accessType: string) {
    const query = new URLSearchParams({
      client_id: clientId,
      redirect_uri: redirectUri,
      response_type: "code",
      scope,
      access_type: accessType,
      state: "s1",
    });
    const response = await sandbox.fetch(
      new Request(`${base}/google/accounts/o/oauth2/v2/auth?${query}`, {
        method: "POST",
        body: new URLSearchParams({ decision: "allow", scope }),
      }),
    );
    const location = new URL(response.headers.get("location") ?? "");
    return location.searchParams.get("code") ?? "";
  }

  const token = (sandbox: ReturnType<typeof createSandbox>, fields: Record<string, string>) =>
    sandbox.fetch(
      new Request(`${base}/google/oauth2/token`, {
        method: "POST",
        body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, ...fields }),
      }),
    );

  it("gives a refresh token only for offline access", async () => {
    const sandbox = createSandbox({ publicUrl: base, now: () => now });
    const online = await token(sandbox, {
      grant_type: "authorization_code",
      code: await authorize(sandbox, "online"),
      redirect_uri: redirectUri,
    });
    expect(await online.json()).not.toHaveProperty("refresh_token");
    const offline = await token(sandbox, {
      grant_type: "authorization_code",
      code: await authorize(sandbox, "offline"),
      redirect_uri: redirectUri,
    });
    expect(await offline.json()).toMatchObject({ expires_in: 3599, token_type: "Bearer", scope });
  });

  it("revokes the whole grant: the refresh token and the access tokens it issued", async () => {
    const sandbox = createSandbox({ publicUrl: base, now: () => now });
    const first = (await (
      await token(sandbox, {
        grant_type: "authorization_code",
        code: await authorize(sandbox, "offline"),
        redirect_uri: redirectUri,
      })
    ).json()) as { access_token: string; refresh_token: string };
    const refreshed = await token(sandbox, {
      grant_type: "refresh_token",
      refresh_token: first.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).not.toHaveProperty("refresh_token");

    const revoke = await sandbox.fetch(
      new Request(`${base}/google/oauth2/revoke`, {
        method: "POST",
        body: new URLSearchParams({ token: first.access_token }),
      }),
    );
    expect(revoke.status).toBe(200);
    const after = await token(sandbox, { grant_type: "refresh_token", refresh_token: first.refresh_token });
    expect(after.status).toBe(400);
    expect(await after.json()).toEqual({
      error: "invalid_grant",
      error_description: "Token has been expired or revoked.",
    });
    const again = await sandbox.fetch(
      new Request(`${base}/google/oauth2/revoke?token=${encodeURIComponent(first.refresh_token)}`, {
        method: "POST",
      }),
    );
    expect(again.status).toBe(400);
  });

  it("refuses a wrong client secret as invalid_client", async () => {
    const sandbox = createSandbox({ publicUrl: base, now: () => now });
    const response = await token(sandbox, {
      grant_type: "authorization_code",
      code: await authorize(sandbox, "offline"),
      redirect_uri: redirectUri,
      client_secret: "wrong",
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });

  it("shows an error page, and does not redirect, for an unknown client or a relative redirect URI", async () => {
    const sandbox = createSandbox({ publicUrl: base, now: () => now });
    for (const query of [
      { client_id: "someone-else", redirect_uri: redirectUri },
      { client_id: clientId, redirect_uri: "/callback" },
    ]) {
      const params = new URLSearchParams({ ...query, response_type: "code", scope, state: "s" });
      const response = await sandbox.fetch(new Request(`${base}/google/accounts/o/oauth2/v2/auth?${params}`));
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('role="alert"');
      const posted = await sandbox.fetch(
        new Request(`${base}/google/accounts/o/oauth2/v2/auth?${params}`, {
          method: "POST",
          body: new URLSearchParams({ decision: "allow" }),
        }),
      );
      expect(posted.headers.get("location")).toBeNull();
    }
  });
});
