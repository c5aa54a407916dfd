import { sandboxApps } from "@omnify/sandbox";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import type { TokenGrant } from "../connector.ts";
import type { AdAccount, AdDailyMetrics } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { testNow, useSandbox } from "../testing/sandbox-server.ts";
import { staticToken, type TokenSource } from "../tokens.ts";
import { adwordsScope, createGoogleConnector, type GoogleConfig } from "./index.ts";

const config: GoogleConfig = {
  clientId: sandboxApps.google.clientId,
  clientSecret: sandboxApps.google.clientSecret,
  developerToken: sandboxApps.google.developerToken ?? "",
};
const connector = createGoogleConnector(config);
const redirectUri = "https://app.omnify.test/connect/google/callback";
const managerId = "1000000001";
const searchStream = /^https:\/\/googleads\.googleapis\.com\/v23\/customers\/\d+\/googleAds:searchStream$/;

const unescapeHtml = (text: string) =>
  text
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

/** Reads the consent form the way a browser would submit it. */
function formOf(page: string): { hidden: [string, string][]; scopes: string[] } {
  const inputs = [...page.matchAll(/<input ([^>]*)\/?>/g)].map((match) => {
    const attribute = (name: string) => {
      const found = new RegExp(`${name}="([^"]*)"`).exec(match[1] ?? "");
      return found ? unescapeHtml(found[1] ?? "") : undefined;
    };
    return { type: attribute("type"), name: attribute("name") ?? "", value: attribute("value") ?? "" };
  });
  return {
    hidden: inputs.filter((input) => input.type === "hidden").map((input) => [input.name, input.value]),
    scopes: inputs.filter((input) => input.type === "checkbox").map((input) => input.value),
  };
}

async function consent(decision: "allow" | "deny", options: { grantScopes?: boolean } = {}) {
  const url = connector.auth.authorizationUrl({ state: "state-42", redirectUri });
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = formOf(html);
  const body = new URLSearchParams([["decision", decision], ...form.hidden]);
  if (options.grantScopes !== false) for (const scope of form.scopes) body.append("scope", scope);
  const response = await fetch(url, { method: "POST", body, redirect: "manual" });
  return { html, form, response, location: new URL(response.headers.get("location") ?? "about:blank") };
}

async function connect(
  options: { grantScopes?: boolean } = {},
): Promise<{ grant: TokenGrant; code: string }> {
  const { location } = await consent("allow", options);
  const code = location.searchParams.get("code") ?? "";
  return { grant: await connector.auth.exchangeCode({ code, redirectUri }), code };
}

/** A token source like the product's: it refreshes through the connector and counts how often. */
function refreshingSource(grant: TokenGrant): TokenSource & { refreshes: number } {
  let current = grant.accessToken;
  const source = {
    refreshes: 0,
    accessToken: async () => current,
    refresh: async () => {
      source.refreshes++;
      current = (await connector.auth.refresh(grant.refreshToken ?? "")).accessToken;
      return current;
    },
  };
  return source;
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error("expected a ConnectorError");
}

async function collect(pages: AsyncIterable<AdDailyMetrics[]>): Promise<AdDailyMetrics[][]> {
  const all: AdDailyMetrics[][] = [];
  for await (const page of pages) all.push(page);
  return all;
}

const client = (id = "2000000001"): AdAccount => ({
  platform: "google",
  externalId: id,
  name: "Juniper & Pine — Search",
  currency: "USD",
  timeZone: "America/New_York",
  status: "active",
  loginCustomerId: managerId,
});

/** The dataset's rows as the connector should normalise them (cents in, cents out). */
const expectedRows = (
  sandbox: ReturnType<typeof useSandbox>["sandbox"],
  id: string,
  since: string,
  until: string,
  now = testNow,
) => {
  const account = sandbox.dataset.account("google", id);
  if (!account) throw new Error(`no account ${id}`);
  return sandbox.dataset.metrics(account, since, until, now).map(
    (row): AdDailyMetrics => ({
      platform: "google",
      accountId: id,
      campaignId: row.campaignId,
      adSetId: row.adSetId,
      adId: row.adId,
      date: row.date,
      currency: "USD",
      spend: row.spend,
      impressions: row.impressions,
      reach: null,
      clicks: row.clicks,
      conversions: row.conversions,
      conversionValue: row.conversionValue,
    }),
  );
};

const byKey = (rows: AdDailyMetrics[]) =>
  [...rows].sort((a, b) => `${a.date}${a.adId}`.localeCompare(`${b.date}${b.adId}`));

/** Google's own throttle body (no Retry-After header), as searchStream sends it. */
const throttleBody = (retryDelay?: string) => [
  {
    error: {
      code: 429,
      message: "Resource has been exhausted (e.g. check quota).",
      status: "RESOURCE_EXHAUSTED",
      details: [
        {
          "@type": "type.googleapis.com/google.ads.googleads.v23.errors.GoogleAdsFailure",
          errors: [
            {
              errorCode: { quotaError: "RESOURCE_TEMPORARILY_EXHAUSTED" },
              message: "Too many requests. Retry in 12 seconds.",
              ...(retryDelay
                ? {
                    details: {
                      quotaErrorDetails: {
                        rateScope: "ACCOUNT",
                        rateName: "Requests per account",
                        retryDelay,
                      },
                    },
                  }
                : {}),
            },
          ],
          requestId: "Xy12abcDEF34ghiJKL56mn",
        },
      ],
    },
  },
];

describe("Google Ads connector against the sandbox", () => {
  const { sandbox, server } = useSandbox();

  describe("OAuth", () => {
    it("asks for offline AdWords access on Google's consent screen", () => {
      const url = connector.auth.authorizationUrl({ state: "state-42", redirectUri });
      expect(url.origin + url.pathname).toBe("https://accounts.google.com/o/oauth2/v2/auth");
      expect(Object.fromEntries(url.searchParams)).toEqual({
        client_id: config.clientId,
        redirect_uri: redirectUri,
        response_type: "code",
        scope: adwordsScope,
        access_type: "offline",
        prompt: "consent",
        state: "state-42",
      });
    });

    it("completes the round trip: consent page, redirect with code and state, exchange, a working token", async () => {
      const { html, form, response, location } = await consent("allow");
      expect(html).toContain("Omnify");
      expect(html).toContain("Google");
      expect(form.scopes).toEqual([adwordsScope]);
      expect(response.status).toBe(302);
      expect(location.origin + location.pathname).toBe(redirectUri);
      expect(location.searchParams.get("state")).toBe("state-42");
      const code = location.searchParams.get("code") ?? "";
      expect(code).not.toBe("");

      const grant = await connector.auth.exchangeCode({ code, redirectUri });
      expect(grant.refreshToken).toEqual(expect.any(String));
      expect(grant.scopes).toEqual([adwordsScope]);
      expect(grant.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
      const accounts = await connector.listAccounts(staticToken(grant.accessToken));
      expect(accounts.map((account) => account.externalId)).toEqual(["2000000001", "2000000002"]);

      const replay = await failure(connector.auth.exchangeCode({ code, redirectUri }));
      expect(replay.kind).toBe("auth_expired");
      expect(replay.platformCode).toBe("invalid_grant");
      expect(replay.message).not.toContain(code);
    });

    it("sends the user back with error=access_denied when they cancel", async () => {
      const { response, location } = await consent("deny");
      expect(response.status).toBe(302);
      expect(location.origin + location.pathname).toBe(redirectUri);
      expect(Object.fromEntries(location.searchParams)).toEqual({
        error: "access_denied",
        state: "state-42",
      });
    });

    it("refreshes without rotating the refresh token, and revoking ends the grant", async () => {
      const { grant } = await connect();
      const refreshed = await connector.auth.refresh(grant.refreshToken ?? "");
      expect(refreshed.refreshToken).toBe(grant.refreshToken);
      expect(refreshed.accessToken).not.toBe(grant.accessToken);

      await connector.auth.revoke(grant);
      const again = await failure(connector.auth.refresh(grant.refreshToken ?? ""));
      expect(again.kind).toBe("auth_expired");
      expect(again.message).toMatch(/connect Google Ads again/);
      const stale = await failure(connector.listAccounts(staticToken(refreshed.accessToken)));
      expect(stale.kind).toBe("auth_expired");
      // Revoking twice is not an error: the grant is gone either way.
      await connector.auth.revoke(grant);
    });
  });

  describe("accounts and entities", () => {
    it("lists the manager's non-manager clients with currency, time zone, status and the manager as login customer", async () => {
      const { grant } = await connect();
      const accounts = await connector.listAccounts(staticToken(grant.accessToken));
      expect(accounts).toEqual(
        sandbox.dataset.accounts("google").map((account) => ({
          platform: "google",
          externalId: account.id,
          name: account.name,
          currency: account.currency,
          timeZone: account.timeZone,
          status: "active",
          loginCustomerId: managerId,
        })),
      );
    });

    it("keeps a client reachable twice once, and skips an accessible customer it cannot read", async () => {
      const { grant } = await connect();
      server.use(
        http.get(/customers:listAccessibleCustomers$/, () =>
          HttpResponse.json({
            resourceNames: [`customers/${managerId}`, "customers/2000000009", `customers/${managerId}`],
          }),
        ),
      );
      const accounts = await connector.listAccounts(staticToken(grant.accessToken));
      expect(accounts.map((account) => account.externalId)).toEqual(["2000000001", "2000000002"]);

      server.use(
        http.get(/customers:listAccessibleCustomers$/, () =>
          HttpResponse.json({ resourceNames: ["customers/2000000009"] }),
        ),
      );
      const none = await failure(connector.listAccounts(staticToken(grant.accessToken)));
      expect(none.kind).toBe("account_invalid");
    });

    it("reads campaigns, ad groups, ads and creatives", async () => {
      const { grant } = await connect();
      const tokens = staticToken(grant.accessToken);
      const account = client();
      const demo = sandbox.dataset.account("google", account.externalId);
      if (!demo) throw new Error("no demo account");

      const campaigns = await connector.listCampaigns(tokens, account);
      expect(campaigns).toEqual(
        demo.campaigns.map((campaign) => ({
          platform: "google",
          accountId: account.externalId,
          id: campaign.id,
          name: campaign.name,
          status: "active",
          objective: campaign.objective,
          dailyBudget: campaign.dailyBudget * 100,
          createdAt: null,
          updatedAt: null,
        })),
      );

      const adSets = await connector.listAdSets(tokens, account);
      expect(adSets.map((adSet) => [adSet.campaignId, adSet.id, adSet.name])).toEqual(
        demo.campaigns.flatMap((campaign) =>
          campaign.adSets.map((adSet) => [campaign.id, adSet.id, adSet.name]),
        ),
      );

      const today = "2026-11-22";
      const demoAds = sandbox.dataset.ads(demo, testNow);
      const ads = await connector.listAds(tokens, account);
      expect(ads.map((ad) => [ad.id, ad.adSetId, ad.campaignId, ad.name, ad.status, ad.creativeId])).toEqual(
        demoAds.map((ad) => [
          ad.id,
          ad.adSetId,
          ad.campaignId,
          ad.name,
          ad.end < today ? "paused" : "active",
          ad.id,
        ]),
      );

      const creatives = await connector.listCreatives(tokens, account);
      expect(creatives).toHaveLength(demoAds.length);
      expect(creatives[0]).toEqual({
        platform: "google",
        accountId: account.externalId,
        id: demoAds[0]?.id,
        name: demoAds[0]?.name,
        title: demoAds[0]?.creative.title,
        body: demoAds[0]?.creative.body,
        imageUrl: null,
      });
    });
  });

  describe("daily metrics", () => {
    it("follows every slice and stream batch, and the rows equal the dataset's", async () => {
      const { grant } = await connect();
      const sliced = createGoogleConnector({ ...config, sliceDays: 5 });
      const previous = sandbox.context.tuning.googleStreamBatchSize;
      sandbox.context.tuning.googleStreamBatchSize = 10;
      try {
        const range = { since: "2026-11-01", until: "2026-11-14" };
        const pages = await collect(sliced.dailyMetrics(staticToken(grant.accessToken), client(), range));
        expect(pages.length).toBeGreaterThanOrEqual(3);
        expect(pages.every((page) => page.length > 0 && page.length <= 10)).toBe(true);
        const streams = sandbox.context.log.list().filter((entry) => entry.path.endsWith(":searchStream"));
        expect(streams).toHaveLength(3);
        const expected = expectedRows(sandbox, "2000000001", range.since, range.until);
        expect(expected.length).toBeGreaterThan(30);
        expect(byKey(pages.flat())).toEqual(byKey(expected));
      } finally {
        sandbox.context.tuning.googleStreamBatchSize = previous;
      }
    });

    it("reports days in the account's time zone, not UTC, at the day boundary", async () => {
      // 23:30 on the 22nd in New York is already the 23rd in UTC.
      const lateEvening = new Date("2026-11-23T04:30:00Z");
      const clock = sandbox.context.now;
      sandbox.context.now = () => lateEvening;
      try {
        // Connected at that moment: a token from the test's usual 15:00 UTC would have expired by then.
        const { grant } = await connect();
        const range = { since: "2026-11-21", until: "2026-11-23" };
        const rows = (
          await collect(connector.dailyMetrics(staticToken(grant.accessToken), client(), range))
        ).flat();
        expect(new Set(rows.map((row) => row.date))).toEqual(new Set(["2026-11-21", "2026-11-22"]));
        expect(byKey(rows)).toEqual(
          byKey(expectedRows(sandbox, "2000000001", range.since, range.until, lateEvening)),
        );
      } finally {
        sandbox.context.now = clock;
      }
    });

    it("turns micros and major-unit doubles into exact minor units, and a missing metric into 0", async () => {
      const row = (costMicros: string, metrics: Record<string, unknown>) => ({
        campaign: { resourceName: "customers/2000000001/campaigns/1", id: "1" },
        adGroup: { resourceName: "customers/2000000001/adGroups/2", id: "2" },
        adGroupAd: { resourceName: "customers/2000000001/adGroupAds/2~3", ad: { id: "3" } },
        segments: { date: "2026-11-20" },
        metrics: { costMicros, ...metrics },
      });
      server.use(
        http.post(searchStream, () =>
          HttpResponse.json([
            {
              results: [
                row("15230000", { impressions: "1204", conversions: 2.5, conversionsValue: 84.5 }),
                row("15235000", { clicks: "7", conversionsValue: 0.1 + 0.2 }),
                // 1.005 * 100 is 100.49999999999999 in floating point; the decimal 1.005 rounds to 101.
                row("0", { conversionsValue: 1.005 }),
              ],
              fieldMask: "campaign.id",
              requestId: "r",
            },
          ]),
        ),
      );
      const [page] = await collect(
        connector.dailyMetrics(staticToken("unused"), client(), { since: "2026-11-20", until: "2026-11-20" }),
      );
      expect(
        page?.map(({ spend, impressions, clicks, conversions, conversionValue }) => ({
          spend,
          impressions,
          clicks,
          conversions,
          conversionValue,
        })),
      ).toEqual([
        { spend: 1523, impressions: 1204, clicks: 0, conversions: 2.5, conversionValue: 8450 },
        { spend: 1524, impressions: 0, clicks: 7, conversions: 0, conversionValue: 30 },
        { spend: 0, impressions: 0, clicks: 0, conversions: 0, conversionValue: 101 },
      ]);

      const yen = await collect(
        connector.dailyMetrics(
          staticToken("unused"),
          { ...client(), currency: "JPY" },
          {
            since: "2026-11-20",
            until: "2026-11-20",
          },
        ),
      );
      expect(yen[0]?.map((metric) => [metric.spend, metric.conversionValue])).toEqual([
        [15, 85],
        [15, 0],
        [0, 1],
      ]);
    });
  });

  describe("errors", () => {
    it("is rate_limited with the sandbox's Retry-After", async () => {
      const { grant } = await connect();
      sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
      const error = await failure(connector.listCampaigns(staticToken(grant.accessToken), client()));
      expect(error.kind).toBe("rate_limited");
      expect(error.retryAfterMs).toBe(7000);
      expect(error.platformCode).toBe("RESOURCE_TEMPORARILY_EXHAUSTED");
    });

    it("honours Google's own retryDelay when there is no Retry-After header, else waits 30 s", async () => {
      server.use(http.post(searchStream, () => HttpResponse.json(throttleBody("12s"), { status: 429 })));
      const delayed = await failure(connector.listCampaigns(staticToken("unused"), client()));
      expect(delayed.kind).toBe("rate_limited");
      expect(delayed.retryAfterMs).toBe(12_000);

      server.use(http.post(searchStream, () => HttpResponse.json(throttleBody(), { status: 429 })));
      const bare = await failure(connector.listCampaigns(staticToken("unused"), client()));
      expect(bare.kind).toBe("rate_limited");
      expect(bare.retryAfterMs).toBe(30_000);
    });

    it("refreshes an expired access token once and carries on", async () => {
      const { grant } = await connect();
      sandbox.setFaults({ tokenExpiresAfterCalls: 1 });
      const source = refreshingSource(grant);
      // listAccessibleCustomers uses the token's one call; the customer_client query finds it expired.
      const accounts = await connector.listAccounts(source);
      expect(accounts).toHaveLength(2);
      expect(source.refreshes).toBe(1);
      expect(sandbox.context.log.list().map((entry) => entry.status)).toEqual([200, 401, 200]);
    });

    it("is auth_expired when the token expired and cannot be refreshed", async () => {
      const { grant } = await connect();
      sandbox.setFaults({ tokenExpiresAfterCalls: 1 });
      const error = await failure(connector.listAccounts(staticToken(grant.accessToken)));
      expect(error.kind).toBe("auth_expired");
      expect(error.platformCode).toBe("OAUTH_TOKEN_EXPIRED");
    });

    it("is permission_denied for a grant without the AdWords scope", async () => {
      const { grant } = await connect({ grantScopes: false });
      expect(grant.scopes).toEqual([]);
      const error = await failure(connector.listAccounts(staticToken(grant.accessToken)));
      expect(error.kind).toBe("permission_denied");
      expect(error.platformCode).toBe("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
    });

    it("is permission_denied when a client is read without its manager as login customer", async () => {
      const { grant } = await connect();
      const error = await failure(
        connector.listCampaigns(staticToken(grant.accessToken), { ...client(), loginCustomerId: undefined }),
      );
      expect(error.kind).toBe("permission_denied");
      expect(error.platformCode).toBe("USER_PERMISSION_DENIED");
      expect(error.message).toContain("200-000-0001");
    });

    it("is permission_denied, without a refresh, when Google refuses the developer token", async () => {
      const { grant } = await connect();
      const source = refreshingSource(grant);
      const wrong = createGoogleConnector({ ...config, developerToken: "not-ours" });
      const error = await failure(wrong.listAccounts(source));
      expect(error.kind).toBe("permission_denied");
      expect(error.platformCode).toBe("DEVELOPER_TOKEN_INVALID");
      expect(source.refreshes).toBe(0);
    });

    it("is account_invalid for an unknown customer id", async () => {
      const { grant } = await connect();
      const error = await failure(
        connector.listCampaigns(staticToken(grant.accessToken), client("2000000009")),
      );
      expect(error.kind).toBe("account_invalid");
      expect(error.platformCode).toBe("INVALID_CUSTOMER_ID");
    });

    it("is malformed_response for a truncated body", async () => {
      const { grant } = await connect();
      sandbox.setFaults({ malformedRate: 1 });
      const error = await failure(connector.listCampaigns(staticToken(grant.accessToken), client()));
      expect(error.kind).toBe("malformed_response");
    });

    it("is transient for a 5xx, and for a stream that fails part-way after HTTP 200", async () => {
      const { grant } = await connect();
      sandbox.setFaults({ serverErrorRate: 1 });
      const error = await failure(connector.listCampaigns(staticToken(grant.accessToken), client()));
      expect(error.kind).toBe("transient");
      expect(error.platformCode).toBe("INTERNAL_ERROR");
      sandbox.setFaults({});

      server.use(
        http.post(searchStream, () =>
          HttpResponse.json([
            { results: [], fieldMask: "campaign.id", requestId: "r" },
            { error: { code: 503, message: "The service is currently unavailable.", status: "UNAVAILABLE" } },
          ]),
        ),
      );
      const broken = await failure(connector.listCampaigns(staticToken(grant.accessToken), client()));
      expect(broken.kind).toBe("transient");
      expect(broken.status).toBe(503);
    });

    it("is bad_request for a query Google refuses", async () => {
      const { grant } = await connect();
      const error = await failure(
        collect(
          connector.dailyMetrics(staticToken(grant.accessToken), client(), {
            since: "2026-11-01",
            until: "x",
          }),
        ),
      );
      expect(error.kind).toBe("bad_request");
    });
  });
});
