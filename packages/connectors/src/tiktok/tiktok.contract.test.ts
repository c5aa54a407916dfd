import { type SandboxAccount, sandboxApps } from "@omnify/sandbox";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import type { AdAccount, AdDailyMetrics } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { testNow, useSandbox } from "../testing/sandbox-server.ts";
import { staticToken } from "../tokens.ts";
import { createTikTokConnector } from "./index.ts";

let now = testNow;
const { sandbox, server } = useSandbox({ now: () => now });
afterEach(() => {
  now = testNow;
});

const config = { appId: sandboxApps.tiktok.clientId, appSecret: sandboxApps.tiktok.clientSecret };
const connector = createTikTokConnector(config);
const api = "https://business-api.tiktok.com/open_api/v1.3";
const redirectUri = "https://app.omnify.test/integrations/tiktok/callback";
const us = "7010000000000000001";
const creators = "7010000000000000002";
const reportingScope = "4";

const datasetAccount = (id: string) => sandbox.dataset.account("tiktok", id) as SandboxAccount;
const accountOf = (id: string, overrides: Partial<AdAccount> = {}): AdAccount => {
  const account = datasetAccount(id);
  return {
    platform: "tiktok",
    externalId: id,
    name: account.name,
    currency: account.currency,
    timeZone: account.timeZone,
    status: "active",
    ...overrides,
  };
};

/** Answers TikTok's consent page like a browser; `uncheck` drops checkboxes (ad accounts or permissions). */
async function consent(authorizationUrl: URL, decision: "allow" | "deny", uncheck: string[] = []) {
  const page = await fetch(authorizationUrl);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const [, name = "", value = ""] of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
  ))
    form.append(
      name,
      value.replace(/&amp;/g, "&").replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))),
    );
  for (const [, value = ""] of html.matchAll(/<input type="checkbox" name="scope" value="([^"]+)"/g))
    if (!uncheck.includes(value.replace("advertiser:", ""))) form.append("scope", value);
  form.set("decision", decision);
  const answer = await fetch(authorizationUrl, { method: "POST", body: form, redirect: "manual" });
  return { page, html, answer, location: new URL(answer.headers.get("location") ?? "about:blank") };
}

/** The whole OAuth round trip; returns the token grant. */
async function connect(uncheck: string[] = []) {
  const url = connector.auth.authorizationUrl({ state: "state-123", redirectUri });
  const { location } = await consent(url, "allow", uncheck);
  return connector.auth.exchangeCode({ code: location.searchParams.get("auth_code") ?? "", redirectUri });
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}

const key = (row: { adId: string; date: string }) => `${row.adId}|${row.date}`;
const byKey = <T extends { adId: string; date: string }>(rows: T[]) =>
  [...rows].sort((a, b) => key(a).localeCompare(key(b)));

/** The dataset's rows as the connector should report them (reach is checked separately: TikTok sends "-" for some). */
function expectedRows(id: string, since: string, until: string) {
  return sandbox.dataset.metrics(datasetAccount(id), since, until, now).map((row) => ({
    platform: "tiktok",
    accountId: id,
    campaignId: row.campaignId,
    adSetId: row.adSetId,
    adId: row.adId,
    date: row.date,
    currency: "USD",
    spend: row.spend,
    impressions: row.impressions,
    clicks: row.clicks,
    conversions: row.conversions,
    conversionValue: row.conversionValue,
  }));
}

function expectMatchesDataset(rows: AdDailyMetrics[], id: string, since: string, until: string) {
  const reachOf = new Map(
    sandbox.dataset.metrics(datasetAccount(id), since, until, now).map((row) => [key(row), row.reach]),
  );
  expect(byKey(rows.map(({ reach: _reach, ...row }) => row))).toEqual(byKey(expectedRows(id, since, until)));
  for (const row of rows) if (row.reach !== null) expect(row.reach).toBe(reachOf.get(key(row)));
}

const requestsTo = (path: string) =>
  sandbox.context.log.list().filter((entry) => entry.path === `/tiktok/open_api/v1.3/${path}`);

describe("TikTok connector against the sandbox", () => {
  describe("authorization", () => {
    it("runs the full OAuth round trip, and refuses a replayed auth_code", async () => {
      const url = connector.auth.authorizationUrl({ state: "state-123", redirectUri });
      expect(url.origin + url.pathname).toBe("https://business-api.tiktok.com/portal/auth");
      expect(Object.fromEntries(url.searchParams)).toEqual({
        app_id: config.appId,
        state: "state-123",
        redirect_uri: redirectUri,
      });

      const { page, html, answer, location } = await consent(url, "allow");
      expect(page.status).toBe(200);
      expect(html).toContain("Omnify");
      expect(html).toContain("TikTok");
      expect(answer.status).toBe(302);
      expect(location.origin + location.pathname).toBe(redirectUri);
      expect(location.searchParams.get("state")).toBe("state-123");
      const authCode = location.searchParams.get("auth_code") ?? "";
      expect(authCode).not.toBe("");
      expect(location.searchParams.get("code")).toBe(authCode);

      const grant = await connector.auth.exchangeCode({ code: authCode, redirectUri });
      expect(grant).toMatchObject({
        refreshToken: null,
        expiresAt: null,
        refreshTokenExpiresAt: null,
        scopes: ["1", "2", "4"],
      });
      expect(grant.accountIds).toEqual([us, creators]);
      expect(connector.auth.refresh).toBeUndefined();

      const accounts = await connector.listAccounts(staticToken(grant.accessToken));
      expect(accounts.map((account) => account.externalId)).toEqual([us, creators]);

      const replay = await failure(connector.auth.exchangeCode({ code: authCode, redirectUri }));
      expect(replay).toMatchObject({ kind: "auth_expired", platformCode: "40110" });
      expect(replay.message).not.toContain(authCode);
    });

    it("comes back with error=access_denied when the advertiser cancels", async () => {
      const url = connector.auth.authorizationUrl({ state: "state-456", redirectUri });
      const { answer, location } = await consent(url, "deny");
      expect(answer.status).toBe(302);
      expect(location.origin + location.pathname).toBe(redirectUri);
      expect(location.searchParams.get("error")).toBe("access_denied");
      expect(location.searchParams.get("state")).toBe("state-456");
      expect(location.searchParams.has("auth_code")).toBe(false);
    });

    it("shows an error instead of redirecting for an unknown app or a relative redirect URI", async () => {
      const wrongApp = createTikTokConnector({ ...config, appId: "7100000000000000999" });
      for (const url of [
        wrongApp.auth.authorizationUrl({ state: "s", redirectUri }),
        connector.auth.authorizationUrl({ state: "s", redirectUri: "/callback" }),
      ]) {
        const page = await fetch(url, { redirect: "manual" });
        expect(page.status).toBe(400);
        const html = await page.text();
        expect(html).toContain('role="alert"');
        expect(html).not.toContain("<form");
      }
    });

    it("revokes the token: TikTok then refuses it and the user must reconnect", async () => {
      const grant = await connect();
      await connector.auth.revoke?.({ accessToken: grant.accessToken, refreshToken: null });
      const error = await failure(connector.listAccounts(staticToken(grant.accessToken)));
      expect(error).toMatchObject({ kind: "auth_expired", platformCode: "40105" });
    });
  });

  describe("reading", () => {
    it("lists the authorised advertisers with currency, IANA time zone and status", async () => {
      const grant = await connect();
      expect(await connector.listAccounts(staticToken(grant.accessToken))).toEqual([
        {
          platform: "tiktok",
          externalId: us,
          name: "Juniper & Pine US",
          currency: "USD",
          timeZone: "America/New_York",
          status: "active",
        },
        {
          platform: "tiktok",
          externalId: creators,
          name: "Juniper & Pine Creators",
          currency: "USD",
          timeZone: "UTC",
          status: "active",
        },
      ]);
    });

    it("lists campaigns, ad groups, ads and creatives as the dataset has them", async () => {
      const tokens = staticToken((await connect()).accessToken);
      const account = accountOf(us);
      const world = datasetAccount(us);

      const campaigns = await connector.listCampaigns(tokens, account);
      expect(
        campaigns.map((campaign) => [campaign.id, campaign.name, campaign.dailyBudget, campaign.status]),
      ).toEqual(
        world.campaigns.map((campaign) => [campaign.id, campaign.name, campaign.dailyBudget * 100, "active"]),
      );
      expect(campaigns[0]?.createdAt).toBe(`${world.campaigns[0]?.createdAt}T14:05:31.000Z`);
      expect(campaigns.map((campaign) => campaign.objective)).toEqual(["WEB_CONVERSIONS", "PRODUCT_SALES"]);

      const adSets = await connector.listAdSets(tokens, account);
      expect(adSets.map((adSet) => [adSet.id, adSet.campaignId, adSet.name, adSet.dailyBudget])).toEqual(
        world.campaigns.flatMap((campaign) =>
          campaign.adSets.map((adSet) => [adSet.id, campaign.id, adSet.name, null]),
        ),
      );

      const ads = await connector.listAds(tokens, account);
      const worldAds = sandbox.dataset.ads(world, now);
      expect(ads.map((ad) => [ad.id, ad.adSetId, ad.campaignId, ad.name])).toEqual(
        worldAds.map((ad) => [ad.id, ad.adSetId, ad.campaignId, ad.name]),
      );
      const today = "2026-11-22";
      expect(ads.map((ad) => ad.status)).toEqual(
        worldAds.map((ad) => (ad.end < today ? "paused" : "active")),
      );

      const creatives = await connector.listCreatives(tokens, account);
      expect(new Set(creatives.map((creative) => creative.id))).toEqual(
        new Set(ads.map((ad) => ad.creativeId)),
      );
      const sample = worldAds[0];
      const creative = creatives.find((item) => item.id === ads[0]?.creativeId);
      expect(creative).toMatchObject({
        body: sample?.creative.body,
        imageUrl: sample?.creative.imageUrl,
        title: null,
      });
    });

    it("follows page after page (small page size) and returns the dataset's rows", async () => {
      const tokens = staticToken((await connect()).accessToken);
      const small = createTikTokConnector({ ...config, pageSize: 25 });
      const rows = await collect(
        small.dailyMetrics(tokens, accountOf(us), { since: "2026-11-01", until: "2026-11-10" }),
      );
      expect(requestsTo("report/integrated/get/").length).toBeGreaterThanOrEqual(3);
      expectMatchesDataset(rows, us, "2026-11-01", "2026-11-10");
      expect(rows.some((row) => row.reach === null)).toBe(true);
      expect(rows.some((row) => row.reach !== null)).toBe(true);

      sandbox.context.log.clear();
      const ads = await createTikTokConnector({ ...config, pageSize: 4 }).listAds(tokens, accountOf(us));
      expect(requestsTo("ad/get/").length).toBeGreaterThanOrEqual(3);
      expect(ads).toEqual(await connector.listAds(tokens, accountOf(us)));
    });

    it("splits long ranges into 30-day reports", async () => {
      const tokens = staticToken((await connect()).accessToken);
      const range = { since: "2026-09-01", until: "2026-10-15" };
      const rows = await collect(connector.dailyMetrics(tokens, accountOf(creators), range));
      expect(requestsTo("report/integrated/get/")).toHaveLength(2);
      expectMatchesDataset(rows, creators, range.since, range.until);
    });

    it("keeps each account's own days at a day boundary", async () => {
      // 02:00 UTC on 23 November is still 21:00 on the 22nd in New York.
      now = new Date("2026-11-23T02:00:00Z");
      const tokens = staticToken((await connect()).accessToken);
      const range = { since: "2026-11-20", until: "2026-11-23" };
      const newYork = await collect(connector.dailyMetrics(tokens, accountOf(us), range));
      const utc = await collect(connector.dailyMetrics(tokens, accountOf(creators), range));
      expect(new Set(newYork.map((row) => row.date))).toEqual(
        new Set(["2026-11-20", "2026-11-21", "2026-11-22"]),
      );
      expect(new Set(utc.map((row) => row.date))).toEqual(
        new Set(["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"]),
      );
      expectMatchesDataset(newYork, us, range.since, range.until);
      expectMatchesDataset(utc, creators, range.since, range.until);
    });
  });

  describe("normalisation", () => {
    const reportUrl = `${api}/report/integrated/get/`;
    const row = (adId: string, day: string, metrics: Record<string, string>) => ({
      dimensions: { ad_id: adId, stat_time_day: day },
      metrics: { campaign_id: "1798000000000001", adgroup_id: "1797000000000001", ...metrics },
    });
    const pageOf = (page: number, totalPage: number, list: unknown[]) => ({
      code: 0,
      message: "OK",
      request_id: "202611221500000102451230ABCDEF",
      data: { list, page_info: { page, page_size: 2, total_number: 3, total_page: totalPage } },
    });

    it("turns string metrics into exact minor units and counts, '-' into 0 (counters) or null (reach), and drops repeated rows", async () => {
      const seen: Request[] = [];
      server.use(
        http.get(reportUrl, ({ request }) => {
          seen.push(request.clone());
          const page = new URL(request.url).searchParams.get("page");
          return HttpResponse.json(
            page === "1"
              ? pageOf(1, 2, [
                  row("1799000000000001", "2024-05-01 00:00:00", {
                    spend: "18.405",
                    impressions: "5120",
                    clicks: "61",
                    reach: "-",
                    complete_payment: "2",
                    total_complete_payment_rate: "129.90",
                  }),
                  row("1799000000000002", "2024-05-01", {
                    spend: "0.10",
                    impressions: "-",
                    clicks: "0",
                    reach: "4000",
                    complete_payment: "-",
                    total_complete_payment_rate: "-",
                  }),
                ])
              : pageOf(2, 2, [
                  row("1799000000000001", "2024-05-01 00:00:00", { spend: "99.00" }),
                  row("1799000000000003", "2024-05-02 00:00:00", {
                    spend: "1234567.89",
                    impressions: "100000",
                    clicks: "1000",
                    reach: "80000",
                    complete_payment: "15",
                    total_complete_payment_rate: "1500.5",
                  }),
                ]),
          );
        }),
      );
      const account = accountOf(us);
      const rows = await collect(
        connector.dailyMetrics(staticToken("act.test-token"), account, {
          since: "2024-05-01",
          until: "2024-05-02",
        }),
      );
      const common = {
        platform: "tiktok",
        accountId: us,
        campaignId: "1798000000000001",
        adSetId: "1797000000000001",
        currency: "USD",
      };
      expect(rows).toEqual([
        {
          ...common,
          adId: "1799000000000001",
          date: "2024-05-01",
          spend: 1841,
          impressions: 5120,
          reach: null,
          clicks: 61,
          conversions: 2,
          conversionValue: 12990,
        },
        {
          ...common,
          adId: "1799000000000002",
          date: "2024-05-01",
          spend: 10,
          impressions: 0,
          reach: 4000,
          clicks: 0,
          conversions: 0,
          conversionValue: 0,
        },
        {
          ...common,
          adId: "1799000000000003",
          date: "2024-05-02",
          spend: 123456789,
          impressions: 100000,
          reach: 80000,
          clicks: 1000,
          conversions: 15,
          conversionValue: 150050,
        },
      ]);

      // The request as TikTok expects it: token in Access-Token, lists as JSON text, trailing slash.
      const request = seen[0] as Request;
      expect(request.headers.get("access-token")).toBe("act.test-token");
      expect(request.headers.get("authorization")).toBeNull();
      const query = new URL(request.url).searchParams;
      expect(query.has("access_token")).toBe(false);
      expect(query.get("dimensions")).toBe('["ad_id","stat_time_day"]');
      expect(JSON.parse(query.get("metrics") ?? "[]")).toEqual(
        expect.arrayContaining(["spend", "reach", "complete_payment", "total_complete_payment_rate"]),
      );
      expect(
        Object.fromEntries(
          ["data_level", "report_type", "service_type", "start_date", "end_date", "page_size"].map((name) => [
            name,
            query.get(name),
          ]),
        ),
      ).toEqual({
        data_level: "AUCTION_AD",
        report_type: "BASIC",
        service_type: "AUCTION",
        start_date: "2024-05-01",
        end_date: "2024-05-02",
        page_size: "1000",
      });
    });

    it("uses the account currency's minor unit (JPY has none)", async () => {
      server.use(
        http.get(reportUrl, () =>
          HttpResponse.json(
            pageOf(1, 1, [
              row("1799000000000001", "2024-05-01 00:00:00", {
                spend: "1234.5",
                total_complete_payment_rate: "98765",
              }),
            ]),
          ),
        ),
      );
      const rows = await collect(
        connector.dailyMetrics(staticToken("act.test-token"), accountOf(us, { currency: "JPY" }), {
          since: "2024-05-01",
          until: "2024-05-01",
        }),
      );
      expect(rows[0]).toMatchObject({ currency: "JPY", spend: 1235, conversionValue: 98765 });
    });

    it("refuses a report row it cannot read as malformed", async () => {
      server.use(
        http.get(reportUrl, () =>
          HttpResponse.json(pageOf(1, 1, [row("1799000000000001", "May 1st", { spend: "1.00" })])),
        ),
      );
      const error = await failure(
        collect(
          connector.dailyMetrics(staticToken("act.test-token"), accountOf(us), {
            since: "2024-05-01",
            until: "2024-05-01",
          }),
        ),
      );
      expect(error.kind).toBe("malformed_response");
    });
  });

  describe("failures", () => {
    const campaignsUrl = `${api}/campaign/get/`;
    const envelope = (code: number, message: string) => ({
      code,
      message,
      request_id: "202611221500000102451230ABCDEF",
      data: {},
    });

    it("is rate_limited with the Retry-After the sandbox sends", async () => {
      const tokens = staticToken((await connect()).accessToken);
      sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
      const error = await failure(connector.listCampaigns(tokens, accountOf(us)));
      expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 7000, platformCode: "40100" });
    });

    it.each([
      [40100, 1000],
      [40133, 1000],
      [40016, 300_000],
    ])(
      "reads TikTok's own throttle (HTTP 200, code %i, no Retry-After) as rate_limited after %i ms",
      async (code, delay) => {
        server.use(
          http.get(campaignsUrl, () => HttpResponse.json(envelope(code, "Requests made too frequently."))),
        );
        const error = await failure(connector.listCampaigns(staticToken("act.test-token"), accountOf(us)));
        expect(error).toMatchObject({
          kind: "rate_limited",
          retryAfterMs: delay,
          status: 200,
          platformCode: String(code),
        });
      },
    );

    it("has no refresh: a token TikTok calls expired is auth_expired", async () => {
      const tokens = staticToken((await connect()).accessToken);
      sandbox.setFaults({ tokenExpiresAfterCalls: 1 });
      await connector.listCampaigns(tokens, accountOf(us));
      const error = await failure(connector.listCampaigns(tokens, accountOf(us)));
      expect(error).toMatchObject({ kind: "auth_expired", platformCode: "40102" });
    });

    it("is permission_denied without the Reporting permission or for an advertiser outside the grant", async () => {
      const grant = await connect([reportingScope, creators]);
      expect(grant.accountIds).toEqual([us]);
      expect(grant.scopes).toEqual(["1", "2"]);
      const tokens = staticToken(grant.accessToken);
      expect((await connector.listAccounts(tokens)).map((account) => account.externalId)).toEqual([us]);
      expect(await connector.listCampaigns(tokens, accountOf(us))).toHaveLength(2);

      const report = await failure(
        collect(connector.dailyMetrics(tokens, accountOf(us), { since: "2026-11-01", until: "2026-11-02" })),
      );
      expect(report).toMatchObject({ kind: "permission_denied", platformCode: "40001" });
      const other = await failure(connector.listCampaigns(tokens, accountOf(creators)));
      expect(other).toMatchObject({ kind: "permission_denied", platformCode: "40001" });
    });

    it("is account_invalid for an advertiser TikTok does not know", async () => {
      const tokens = staticToken((await connect()).accessToken);
      const error = await failure(
        connector.listAds(tokens, accountOf(us, { externalId: "7019999999999999999" })),
      );
      expect(error).toMatchObject({ kind: "account_invalid", platformCode: "40300" });
    });

    it("is malformed_response when the body is cut short", async () => {
      const tokens = staticToken((await connect()).accessToken);
      sandbox.setFaults({ malformedRate: 1 });
      const error = await failure(connector.listCampaigns(tokens, accountOf(us)));
      expect(error.kind).toBe("malformed_response");
    });

    it("is transient for TikTok's system error (code 50000) and for a gateway 5xx", async () => {
      const tokens = staticToken((await connect()).accessToken);
      sandbox.setFaults({ serverErrorRate: 1 });
      expect(await failure(connector.listCampaigns(tokens, accountOf(us)))).toMatchObject({
        kind: "transient",
        platformCode: "50000",
      });
      sandbox.setFaults({});

      server.use(
        http.get(campaignsUrl, () => new HttpResponse("<html>502 Bad Gateway</html>", { status: 502 })),
      );
      expect(await failure(connector.listCampaigns(tokens, accountOf(us)))).toMatchObject({
        kind: "transient",
        status: 502,
      });
      server.use(
        http.get(campaignsUrl, () => HttpResponse.json(envelope(60001, "The system is in maintenance."))),
      );
      expect((await failure(connector.listCampaigns(tokens, accountOf(us)))).kind).toBe("transient");
    });

    it("is bad_request for a parameter TikTok refuses (40002)", async () => {
      server.use(
        http.get(campaignsUrl, () =>
          HttpResponse.json(envelope(40002, "page_size: Must be between 1 and 1000.")),
        ),
      );
      const error = await failure(connector.listCampaigns(staticToken("act.test-token"), accountOf(us)));
      expect(error).toMatchObject({ kind: "bad_request", platformCode: "40002" });
    });
  });
});
