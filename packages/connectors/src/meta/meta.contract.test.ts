import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import type { AdAccount, AdDailyMetrics } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { testNow, useSandbox } from "../testing/sandbox-server.ts";
import { staticToken } from "../tokens.ts";
import { createMetaConnector, type MetaConfig } from "./index.ts";

let clock = testNow;
const { sandbox, server } = useSandbox({ now: () => clock });
afterEach(() => {
  clock = testNow;
  sandbox.context.tuning.asyncJobPolls = 3;
});

const app = sandbox.context.apps.meta;
const config: MetaConfig = { appId: app.clientId, appSecret: app.clientSecret, asyncPollIntervalMs: 1 };
const meta = createMetaConnector(config);
const redirectUri = "https://app.omnify.test/integrations/meta/callback";

/** A token the sandbox accepts, as a finished login would have produced. */
function tokenFor(
  scopes = ["ads_read", "business_management"],
  exp = testNow.getTime() / 1000 + 60 * 86_400,
) {
  return staticToken(
    sandbox.context.tokens.issue(
      { platform: "meta", kind: "access", clientId: app.clientId, scopes, exp },
      testNow,
    ),
  );
}

const accountOf = (id: string): AdAccount => {
  const account = sandbox.dataset.account("meta", id);
  if (!account) throw new Error(`no sandbox account ${id}`);
  return {
    platform: "meta",
    externalId: account.id,
    name: account.name,
    currency: account.currency,
    timeZone: account.timeZone,
    status: "active",
  };
};
const prospecting = accountOf("1010000001");
const retargeting = accountOf("1010000002");

async function all<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for await (const page of pages) rows.push(...page);
  return rows;
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

/** The dataset's rows for a range, in the connector's shape, for exact comparison. */
function expectedRows(account: AdAccount, since: string, until: string): AdDailyMetrics[] {
  const source = sandbox.dataset.account("meta", account.externalId);
  if (!source) throw new Error("no account");
  return sandbox.dataset.metrics(source, since, until, clock).map((row) => ({
    platform: "meta",
    accountId: account.externalId,
    campaignId: row.campaignId,
    adSetId: row.adSetId,
    adId: row.adId,
    date: row.date,
    currency: "USD",
    spend: row.spend,
    impressions: row.impressions,
    reach: row.reach,
    clicks: row.clicks,
    conversions: row.conversions,
    conversionValue: row.conversionValue,
  }));
}

const byKey = (rows: AdDailyMetrics[]) =>
  [...rows].sort((a, b) => `${a.date}|${a.adId}`.localeCompare(`${b.date}|${b.adId}`));

/** The consent page's form, as a browser would submit it. */
function formOf(page: string, decision: "allow" | "deny"): URLSearchParams {
  const decode = (value: string) =>
    value
      .replace(/&amp;/g, "&")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<");
  const form = new URLSearchParams();
  for (const [, name = "", value = ""] of page.matchAll(
    /<input type="hidden" name="([^"]*)" value="([^"]*)"/g,
  ))
    form.append(name, decode(value));
  for (const [, value = ""] of page.matchAll(/<input type="checkbox" name="scope" value="([^"]*)" checked/g))
    form.append("scope", decode(value));
  form.set("decision", decision);
  return form;
}

describe("Meta OAuth against the sandbox", () => {
  it("runs consent → code → short-lived → long-lived token that reads accounts; a replayed code is refused", async () => {
    const authorize = meta.auth.authorizationUrl({ state: "state-123", redirectUri });
    expect(authorize.origin).toBe("https://www.facebook.com");
    expect(authorize.pathname).toBe("/v25.0/dialog/oauth");
    expect(authorize.searchParams.get("scope")).toBe("ads_read,business_management");

    const pageResponse = await fetch(authorize);
    expect(pageResponse.status).toBe(200);
    const page = await pageResponse.text();
    expect(page).toContain("<strong>Omnify</strong>");
    expect(page).toContain("Meta");

    const consent = await fetch(authorize, {
      method: "POST",
      body: formOf(page, "allow"),
      redirect: "manual",
    });
    expect(consent.status).toBe(302);
    const callback = new URL(consent.headers.get("location") ?? "");
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.searchParams.get("state")).toBe("state-123");
    const code = callback.searchParams.get("code") ?? "";
    expect(code).not.toBe("");

    const grant = await meta.auth.exchangeCode({ code, redirectUri });
    expect(grant.refreshToken).toBeNull();
    expect(grant.refreshTokenExpiresAt).toBeNull();
    expect(grant.scopes).toEqual(expect.arrayContaining(["ads_read", "business_management"]));
    // The long-lived (~60 day) token, not the two-hour one the code gave.
    const lifetime = (grant.expiresAt?.getTime() ?? 0) - Date.now();
    expect(lifetime).toBeGreaterThan(59 * 86_400_000);
    expect(lifetime).toBeLessThanOrEqual(60 * 86_400_000);

    const accounts = await meta.listAccounts(staticToken(grant.accessToken));
    expect(accounts.map((account) => account.externalId)).toContain("1010000001");

    const replay = await failure(meta.auth.exchangeCode({ code, redirectUri }));
    expect(replay.kind).toBe("bad_request");
    expect(replay.platformCode).toBe("100");
    expect(replay.message).not.toContain(code);
  });

  it("sends the user back with Meta's error parameters when they cancel", async () => {
    const authorize = meta.auth.authorizationUrl({ state: "state-456", redirectUri });
    const page = await (await fetch(authorize)).text();
    const denied = await fetch(authorize, { method: "POST", body: formOf(page, "deny"), redirect: "manual" });
    expect(denied.status).toBe(302);
    const callback = new URL(denied.headers.get("location") ?? "");
    expect(Object.fromEntries(callback.searchParams)).toEqual({
      error: "access_denied",
      error_code: "200",
      error_description: "Permissions error",
      error_reason: "user_denied",
      state: "state-456",
    });
  });

  it("revokes the grant, after which the token is refused as signed out", async () => {
    const tokens = tokenFor();
    const token = await tokens.accessToken();
    await meta.auth.revoke({ accessToken: token, refreshToken: null });
    const error = await failure(meta.listAccounts(tokens));
    expect(error.kind).toBe("auth_expired");
    expect(error.platformCode).toBe("190");
    // Revoking a dead token again is not an error.
    await meta.auth.revoke({ accessToken: token, refreshToken: null });
  });

  it("rejects a wrong app secret at the token endpoint without retrying", async () => {
    const wrong = createMetaConnector({ ...config, appSecret: "not-the-secret" });
    const error = await failure(wrong.auth.exchangeCode({ code: "AQwhatever", redirectUri }));
    expect(error.kind).toBe("bad_request");
    expect(error.platformCode).toBe("1");
  });
});

describe("Meta accounts and entities", () => {
  it("lists ad accounts with currency, time zone and status", async () => {
    const accounts = await meta.listAccounts(tokenFor());
    expect(accounts).toEqual([
      { ...prospecting, name: "Juniper & Pine — Prospecting" },
      { ...retargeting, name: "Juniper & Pine — Retargeting" },
      {
        platform: "meta",
        externalId: "1010000003",
        name: "Juniper & Pine — Former agency",
        currency: "USD",
        timeZone: "America/New_York",
        status: "disabled",
      },
    ]);
  });

  it("lists campaigns, ad sets, ads and creatives with budgets in cents and times as instants", async () => {
    const tokens = tokenFor();
    const source = sandbox.dataset.account("meta", "1010000001");
    if (!source) throw new Error("no account");

    const campaigns = await meta.listCampaigns(tokens, prospecting);
    expect(campaigns.map((campaign) => campaign.id)).toEqual(source.campaigns.map((campaign) => campaign.id));
    const broad = campaigns[0];
    expect(broad).toMatchObject({
      name: "Prospecting — Broad",
      status: "active",
      objective: "OUTCOME_SALES",
    });
    // "42000" (minor units as text) → 42000 cents, exactly.
    expect(broad?.dailyBudget).toBe(42_000);
    // "…T10:05:05-0500" (account-local with offset) → a UTC instant.
    expect(broad?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);

    const adSets = await meta.listAdSets(tokens, prospecting);
    expect(adSets).toHaveLength(source.campaigns.flatMap((campaign) => campaign.adSets).length);
    // Campaign budget optimisation: ad sets carry no budget of their own.
    expect(adSets.every((adSet) => adSet.dailyBudget === null)).toBe(true);

    const ads = await meta.listAds(tokens, prospecting);
    const datasetAds = sandbox.dataset.ads(source, testNow);
    expect(ads.map((ad) => ad.id)).toEqual(datasetAds.map((ad) => ad.id));
    expect(ads[0]?.creativeId).toBe(datasetAds[0]?.creativeId);
    expect(new Set(ads.map((ad) => ad.status))).toEqual(new Set(["active", "paused"]));

    const creatives = await meta.listCreatives(tokens, prospecting);
    expect(creatives[0]).toMatchObject({
      id: datasetAds[0]?.creativeId,
      title: datasetAds[0]?.creative.title,
      imageUrl: datasetAds[0]?.creative.imageUrl,
    });
  });

  it("converts Meta's offset-without-colon timestamps to the same instant", async () => {
    const [broad] = await meta.listCampaigns(tokenFor(), prospecting);
    const raw = await fetch(
      "https://graph.facebook.com/v25.0/act_1010000001/campaigns?fields=created_time&limit=1",
      { headers: { authorization: `Bearer ${await tokenFor().accessToken()}` } },
    ).then((response) => response.json() as Promise<{ data: { created_time: string }[] }>);
    const local = raw.data[0]?.created_time ?? "";
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]00$/);
    expect(Date.parse(broad?.createdAt ?? "")).toBe(Date.parse(local.replace(/(\d{2})(\d{2})$/, "$1:$2")));
  });

  it("follows paging.next until Meta leaves it out", async () => {
    const small = createMetaConnector({ ...config, pageSize: 10 });
    const source = sandbox.dataset.account("meta", "1010000001");
    if (!source) throw new Error("no account");
    const ads = await small.listAds(tokenFor(), prospecting);
    expect(ads).toHaveLength(sandbox.dataset.ads(source, testNow).length);
    const requests = sandbox.context.log.list().filter((entry) => entry.path.endsWith("/act_1010000001/ads"));
    expect(requests.length).toBe(Math.ceil(ads.length / 10));
    expect(requests.length).toBeGreaterThanOrEqual(3);
  });
});

describe("Meta daily metrics", () => {
  it("reads ≥ 3 pages of ad-day rows that equal the dataset's rows, money exact", async () => {
    const small = createMetaConnector({ ...config, pageSize: 7 });
    const range = { since: "2026-11-15", until: "2026-11-21" };
    const pages: AdDailyMetrics[][] = [];
    for await (const page of small.dailyMetrics(tokenFor(), prospecting, range)) pages.push(page);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
    const rows = pages.flat();
    expect(byKey(rows)).toEqual(byKey(expectedRows(prospecting, range.since, range.until)));
    expect(rows.some((row) => row.conversions > 0 && row.conversionValue > 0)).toBe(true);
    expect(sandbox.context.log.list().filter((entry) => entry.path.endsWith("/insights"))).toHaveLength(
      pages.length,
    );
  });

  it("uses an async report run for long ranges, polling until Meta says Job Completed", async () => {
    sandbox.context.tuning.asyncJobPolls = 4;
    const range = { since: "2026-08-01", until: "2026-11-21" };
    const rows = await all(meta.dailyMetrics(tokenFor(), retargeting, range));
    expect(byKey(rows)).toEqual(byKey(expectedRows(retargeting, range.since, range.until)));
    const log = sandbox.context.log.list();
    expect(
      log.filter((entry) => entry.method === "POST" && entry.path.endsWith("/act_1010000002/insights")),
    ).toHaveLength(1);
    expect(log.filter((entry) => /\/v25\.0\/\d+$/.test(entry.path))).toHaveLength(4);
    expect(log.filter((entry) => /\/v25\.0\/\d+\/insights$/.test(entry.path)).length).toBe(
      Math.ceil(rows.length / 100),
    );
  });

  it("keeps the sync read for ranges up to the threshold", async () => {
    const range = { since: "2026-10-22", until: "2026-11-21" };
    await all(meta.dailyMetrics(tokenFor(), retargeting, range));
    expect(sandbox.context.log.list().some((entry) => entry.method === "POST")).toBe(false);
  });

  it("dates rows in the account's own time zone at a day boundary", async () => {
    // 01:30 on the 23rd in New York, still 22:30 on the 22nd in Los Angeles.
    clock = new Date("2026-11-23T06:30:00Z");
    const range = { since: "2026-11-22", until: "2026-11-23" };
    const newYork = await all(meta.dailyMetrics(tokenFor(), prospecting, range));
    const losAngeles = await all(meta.dailyMetrics(tokenFor(), retargeting, range));
    expect(new Set(newYork.map((row) => row.date))).toEqual(new Set(["2026-11-22", "2026-11-23"]));
    expect(new Set(losAngeles.map((row) => row.date))).toEqual(new Set(["2026-11-22"]));
    expect(byKey(newYork)).toEqual(byKey(expectedRows(prospecting, range.since, range.until)));
    expect(byKey(losAngeles)).toEqual(byKey(expectedRows(retargeting, range.since, range.until)));
  });

  it("parses string metrics and decimal money exactly, and takes one purchase action type, never a sum", async () => {
    server.use(
      http.get("https://graph.facebook.com/v25.0/act_1010000001/insights", () =>
        HttpResponse.json({
          data: [
            {
              account_currency: "USD",
              campaign_id: "1",
              adset_id: "2",
              ad_id: "3",
              date_start: "2026-11-20",
              date_stop: "2026-11-20",
              impressions: "2311",
              reach: "2004",
              clicks: "57",
              spend: "31.07",
              actions: [
                { action_type: "link_click", value: "49" },
                { action_type: "offsite_conversion.fb_pixel_purchase", value: "3" },
                { action_type: "purchase", value: "3" },
                { action_type: "omni_purchase", value: "3" },
              ],
              action_values: [
                { action_type: "purchase", value: "142.5" },
                { action_type: "omni_purchase", value: "142.5" },
              ],
            },
            {
              account_currency: "USD",
              campaign_id: "1",
              adset_id: "2",
              ad_id: "4",
              date_start: "2026-11-20",
              date_stop: "2026-11-20",
              impressions: "10",
              clicks: "0",
              spend: "0.1",
              actions: [{ action_type: "offsite_conversion.fb_pixel_purchase", value: "1" }],
              action_values: [{ action_type: "offsite_conversion.fb_pixel_purchase", value: "19.999" }],
            },
          ],
          paging: { cursors: { before: "MAZDZD", after: "MjQZD" } },
        }),
      ),
    );
    const rows = await all(
      meta.dailyMetrics(tokenFor(), prospecting, { since: "2026-11-20", until: "2026-11-20" }),
    );
    expect(rows).toEqual([
      {
        platform: "meta",
        accountId: "1010000001",
        campaignId: "1",
        adSetId: "2",
        adId: "3",
        date: "2026-11-20",
        currency: "USD",
        spend: 3107,
        impressions: 2311,
        reach: 2004,
        clicks: 57,
        conversions: 3,
        conversionValue: 14_250,
      },
      {
        platform: "meta",
        accountId: "1010000001",
        campaignId: "1",
        adSetId: "2",
        adId: "4",
        date: "2026-11-20",
        currency: "USD",
        spend: 10,
        impressions: 10,
        reach: null,
        clicks: 0,
        conversions: 1,
        conversionValue: 2000,
      },
    ]);
  });

  it("refuses a metric that is not a number as malformed", async () => {
    server.use(
      http.get("https://graph.facebook.com/v25.0/act_1010000001/insights", () =>
        HttpResponse.json({
          data: [
            {
              campaign_id: "1",
              adset_id: "2",
              ad_id: "3",
              date_start: "2026-11-20",
              date_stop: "2026-11-20",
              spend: 31.07,
            },
          ],
        }),
      ),
    );
    const error = await failure(
      all(meta.dailyMetrics(tokenFor(), prospecting, { since: "2026-11-20", until: "2026-11-20" })),
    );
    expect(error.kind).toBe("malformed_response");
  });
});

describe("Meta failures", () => {
  const range = { since: "2026-11-20", until: "2026-11-21" };

  it("maps the sandbox's throttle (429 + Retry-After) to rate_limited with that wait", async () => {
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const error = await failure(meta.listAccounts(tokenFor()));
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(7000);
    expect(error.platformCode).toBe("80000");
  });

  it("maps Meta's native HTTP 400 throttle to rate_limited, waiting the BUC header's regain time", async () => {
    const throttle = (code: number, regainMinutes: number) =>
      http.get("https://graph.facebook.com/v25.0/act_1010000001/insights", () =>
        HttpResponse.json(
          {
            error: {
              message: `(#${code}) There have been too many calls from this ad-account. Wait a bit and try again.`,
              type: "OAuthException",
              code,
              error_subcode: 2446079,
              fbtrace_id: "AbCdEf123",
            },
          },
          {
            status: 400,
            headers: {
              "x-business-use-case-usage": JSON.stringify({
                "1010000001": [
                  {
                    type: "ads_insights",
                    call_count: 100,
                    total_cputime: 40,
                    total_time: 40,
                    estimated_time_to_regain_access: regainMinutes,
                    ads_api_access_tier: "standard_access",
                  },
                ],
              }),
            },
          },
        ),
      );
    server.use(throttle(80000, 5));
    const buc = await failure(all(meta.dailyMetrics(tokenFor(), prospecting, range)));
    expect(buc).toMatchObject({ kind: "rate_limited", status: 400, retryAfterMs: 300_000 });

    // No regain estimate: wait Meta's floor of a minute.
    server.use(throttle(17, 0));
    const user = await failure(all(meta.dailyMetrics(tokenFor(), prospecting, range)));
    expect(user).toMatchObject({ kind: "rate_limited", platformCode: "17", retryAfterMs: 60_000 });
  });

  it("maps an expired token to auth_expired, since Meta has no refresh", async () => {
    sandbox.setFaults({ tokenExpiresAfterCalls: 1 });
    const tokens = tokenFor();
    await meta.listAccounts(tokens);
    const error = await failure(meta.listCampaigns(tokens, prospecting));
    expect(error).toMatchObject({ kind: "auth_expired", status: 400, platformCode: "190" });

    const lapsed = tokenFor(undefined, testNow.getTime() / 1000 - 60);
    expect((await failure(meta.listAccounts(lapsed))).kind).toBe("auth_expired");
  });

  it("maps a grant without ads_read to permission_denied", async () => {
    const tokens = tokenFor(["business_management"]);
    expect((await failure(meta.listAccounts(tokens))).kind).toBe("permission_denied");
    const edge = await failure(meta.listCampaigns(tokens, prospecting));
    expect(edge).toMatchObject({ kind: "permission_denied", platformCode: "200" });
  });

  it("maps an unknown ad account to account_invalid", async () => {
    const error = await failure(meta.listCampaigns(tokenFor(), { ...prospecting, externalId: "999999" }));
    expect(error).toMatchObject({ kind: "account_invalid", platformCode: "100" });
    expect(error.message).toBe("Meta says this ad account does not exist or you lost access to it");
  });

  it("maps a truncated body to malformed_response", async () => {
    sandbox.setFaults({ malformedRate: 1 });
    expect((await failure(meta.listAccounts(tokenFor()))).kind).toBe("malformed_response");
  });

  it("maps Meta's code 2 (is_transient) and a gateway's HTML 502 to transient", async () => {
    sandbox.setFaults({ serverErrorRate: 1 });
    expect(await failure(meta.listAccounts(tokenFor()))).toMatchObject({
      kind: "transient",
      platformCode: "2",
    });
    sandbox.setFaults({});
    server.use(
      http.get(
        "https://graph.facebook.com/v25.0/me/adaccounts",
        () => new HttpResponse("<html>Bad gateway</html>", { status: 502 }),
      ),
    );
    expect((await failure(meta.listAccounts(tokenFor()))).kind).toBe("transient");
  });

  it("signs every data call with appsecret_proof (a wrong secret is refused by Meta)", async () => {
    const wrong = createMetaConnector({ ...config, appSecret: "not-the-secret" });
    const error = await failure(wrong.listAccounts(tokenFor()));
    expect(error).toMatchObject({ kind: "bad_request", platformCode: "100" });
  });

  it("never puts the token, the secret or the code in a URL", async () => {
    const urls: string[] = [];
    const listener = ({ request }: { request: Request }) => {
      urls.push(request.url);
    };
    server.events.on("request:start", listener);
    try {
      const authorize = meta.auth.authorizationUrl({ state: "s", redirectUri });
      const page = await (await fetch(authorize)).text();
      const consent = await fetch(authorize, {
        method: "POST",
        body: formOf(page, "allow"),
        redirect: "manual",
      });
      const code = new URL(consent.headers.get("location") ?? "").searchParams.get("code") ?? "";
      const grant = await meta.auth.exchangeCode({ code, redirectUri });
      const tokens = staticToken(grant.accessToken);
      await meta.listAccounts(tokens);
      await all(createMetaConnector({ ...config, pageSize: 50 }).dailyMetrics(tokens, prospecting, range));
      const graphUrls = urls.filter((url) => url.startsWith("https://graph.facebook.com/"));
      expect(graphUrls.length).toBeGreaterThan(3);
      for (const url of graphUrls) {
        expect(url).not.toContain(grant.accessToken);
        expect(url).not.toContain(app.clientSecret);
        expect(url).not.toContain(code);
        expect(url).not.toContain("access_token=EAA");
      }
    } finally {
      server.events.removeListener("request:start", listener);
    }
  });
});
