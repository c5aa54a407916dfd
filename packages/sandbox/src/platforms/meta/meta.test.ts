import { createHmac } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../app.ts";

const now = new Date("2026-11-22T15:00:00Z");
const graph = "https://sandbox.test/meta/graph/v25.0";
const dialog = "https://sandbox.test/meta/www/v25.0/dialog/oauth";
const redirectUri = "https://app.test/callback";

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = createSandbox({ publicUrl: "https://sandbox.test", now: () => now });
});

const app = () => sandbox.context.apps.meta;
const send = (url: string, init: RequestInit = {}) =>
  sandbox.fetch(new Request(url, { redirect: "manual", ...init }));

function token(scopes = ["ads_read"], exp: number | null = now.getTime() / 1000 + 3600): string {
  return sandbox.context.tokens.issue(
    { platform: "meta", kind: "access", clientId: app().clientId, scopes, exp },
    now,
  );
}

const get = (path: string, bearer = token()) =>
  send(`${graph}/${path}`, { headers: { authorization: `Bearer ${bearer}` } });

/** Graph JSON, read loosely: the assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: the tests probe arbitrary Graph answers
type GraphJson = Record<string, any>;

async function json(response: Response): Promise<GraphJson> {
  return (await response.json()) as GraphJson;
}

const range = (since: string, until: string) => encodeURIComponent(JSON.stringify({ since, until }));

const clamp = (start: string, stop: string, since: string, until: string) => [
  start < since ? since : start,
  stop > until ? until : stop,
];
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const plusDays = (date: string, count: number) =>
  new Date(Date.parse(date) + count * 86_400_000).toISOString().slice(0, 10);

/** The 7-day bucket (counted from `since`) a day falls in. */
function weekOf(date: string, since: string, until: string) {
  const start = plusDays(since, Math.floor(days(since, date) / 7) * 7);
  return clamp(start, plusDays(start, 6), since, until);
}

/** The calendar month a day falls in, clamped to the range. */
function monthOf(date: string, since: string, until: string) {
  const first = `${date.slice(0, 7)}-01`;
  const next = new Date(Date.parse(first));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return clamp(first, plusDays(next.toISOString().slice(0, 10), -1), since, until);
}

describe("Meta sandbox: Graph conventions", () => {
  it("ends paging with no `next` on the last page and leaves paging out of an empty edge", async () => {
    const first = await json(await get("me/adaccounts?fields=id&limit=2"));
    expect(first.data).toHaveLength(2);
    expect(first.paging.next).toContain("after=");
    const last = await json(await get(`me/adaccounts?fields=id&limit=2&after=${first.paging.cursors.after}`));
    expect(last.data).toEqual([{ id: "act_1010000003" }]);
    expect(last.paging.next).toBeUndefined();
    expect(await json(await get("act_1010000003/campaigns"))).toEqual({ data: [] });
  });

  it("returns only the fields asked for (plus id) and refuses unknown ones", async () => {
    const body = await json(await get("act_1010000001/campaigns?fields=name,daily_budget&limit=1"));
    expect(body.data[0]).toEqual({
      name: "Prospecting — Broad",
      daily_budget: "42000",
      id: "1202100000000000001",
    });
    const refused = await get("act_1010000001/campaigns?fields=nope");
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.message).toBe(
      "(#100) Tried accessing nonexisting field (nope) on node type (Campaign)",
    );
  });

  it("answers an unknown ad account with GraphMethodException 100/33, and non-Graph paths with 404", async () => {
    const unknown = await get("act_42/ads");
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error).toMatchObject({
      type: "GraphMethodException",
      code: 100,
      error_subcode: 33,
    });
    expect((await get("no-such-path")).status).toBe(404);
  });

  it("sends usage headers on normal answers", async () => {
    const response = await get("act_1010000001/insights?level=ad&fields=spend");
    expect(response.status).toBe(200);
    const usage = JSON.parse(response.headers.get("x-business-use-case-usage") ?? "{}");
    expect(usage["1010000001"][0]).toMatchObject({
      type: "ads_insights",
      estimated_time_to_regain_access: 0,
    });
    expect(JSON.parse(response.headers.get("x-app-usage") ?? "{}")).toHaveProperty("call_count");
  });

  it("verifies appsecret_proof when one is sent", async () => {
    const bearer = token();
    const proof = createHmac("sha256", app().clientSecret).update(bearer).digest("hex");
    expect((await get(`me/adaccounts?appsecret_proof=${proof}`, bearer)).status).toBe(200);
    const wrong = await get(`me/adaccounts?appsecret_proof=${"0".repeat(64)}`, bearer);
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).error).toMatchObject({
      message: "Invalid appsecret_proof provided in the API argument",
      type: "GraphMethodException",
      code: 100,
    });
  });

  it("takes the token from the access_token parameter too", async () => {
    expect((await send(`${graph}/me/adaccounts?access_token=${token()}`)).status).toBe(200);
    expect((await json(await send(`${graph}/me/adaccounts`))).error.code).toBe(104);
  });
});

describe("Meta sandbox: insights", () => {
  it("serves every metric as a string, money as a major-unit decimal, and no rows without delivery", async () => {
    const account = sandbox.dataset.account("meta", "1010000001");
    if (!account) throw new Error("no account");
    const expected = sandbox.dataset.metrics(account, "2026-11-20", "2026-11-21", now);
    const body = await json(
      await get(
        `act_1010000001/insights?level=ad&time_increment=1&time_range=${range("2026-11-20", "2026-11-21")}&fields=ad_id,impressions,clicks,spend,actions,action_values&limit=500`,
      ),
    );
    expect(body.data).toHaveLength(expected.length);
    expect(body.paging.next).toBeUndefined();
    const row = body.data[0];
    const source = expected[0];
    expect(row).toMatchObject({
      ad_id: source?.adId,
      impressions: String(source?.impressions),
      clicks: String(source?.clicks),
      date_start: "2026-11-20",
      date_stop: "2026-11-20",
    });
    expect(Math.round(Number(row.spend) * 100)).toBe(source?.spend);
    expect(row.spend).toMatch(/^\d+(\.\d{1,2})?$/);
    expect(row.spend).not.toMatch(/\.\d*0$/);
    const purchases = row.actions.filter((entry: { action_type: string }) =>
      entry.action_type.includes("purchase"),
    );
    expect(new Set(purchases.map((entry: { value: string }) => entry.value))).toEqual(
      new Set([String(source?.conversions)]),
    );
  });

  it("pages reports of any level and time increment across buckets, as one page would show them", async () => {
    const account = sandbox.dataset.account("meta", "1010000001");
    if (!account) throw new Error("no account");
    const [since, until] = ["2026-08-15", "2026-11-22"];
    const source = sandbox.dataset.metrics(account, since, until, now);
    const cases = [
      { level: "ad", increment: "1", bucket: (date: string) => [date, date] },
      { level: "adset", increment: "7", bucket: (date: string) => weekOf(date, since, until) },
      { level: "campaign", increment: "monthly", bucket: (date: string) => monthOf(date, since, until) },
      { level: "account", increment: "all_days", bucket: () => [since, until] },
    ] as const;
    for (const { level, increment, bucket } of cases) {
      // What the report must say: the source rows summed per bucket and object, in order of appearance.
      const expected = new Map<string, { date_start: string; date_stop: string; impressions: number }>();
      for (const row of source) {
        const [start = "", stop = ""] = bucket(row.date);
        const id = { ad: row.adId, adset: row.adSetId, campaign: row.campaignId, account: account.id }[level];
        const key = `${start}|${id}`;
        const entry = expected.get(key) ?? { date_start: start, date_stop: stop, impressions: 0 };
        entry.impressions += row.impressions;
        expected.set(key, entry);
      }
      const base = `act_1010000001/insights?level=${level}&time_increment=${increment}&time_range=${range(since, until)}&fields=impressions`;
      const whole = await json(await get(`${base}&limit=100000`));
      expect(whole.paging.next).toBeUndefined();
      expect(whole.data).toEqual(
        [...expected.values()].map((entry) => ({ ...entry, impressions: String(entry.impressions) })),
      );
      const paged: GraphJson[] = [];
      let next: string | undefined = `${graph}/${base}&limit=7`;
      while (next) {
        const page = await json(await send(next, { headers: { authorization: `Bearer ${token()}` } }));
        expect(page.data.length).toBeLessThanOrEqual(7);
        paged.push(...page.data);
        next = page.paging?.next;
      }
      expect(paged).toEqual(whole.data);
    }
    expect((await json(await get(`act_1010000001/insights?after=bm9wZQ`))).error.code).toBe(100);
  });

  it("refuses a start date more than 37 months back with code 3018", async () => {
    const response = await get(`act_1010000001/insights?time_range=${range("2023-01-01", "2023-01-31")}`);
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe(3018);
  });

  it("runs an async job through Not Started → Running → Completed over the tuned number of polls", async () => {
    sandbox.context.tuning.asyncJobPolls = 4;
    const bearer = token();
    const started = await send(`${graph}/act_1010000002/insights`, {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        level: "ad",
        time_increment: "1",
        time_range: JSON.stringify({ since: "2026-09-01", until: "2026-11-21" }),
        fields: "ad_id,spend",
      }),
    });
    const { report_run_id: id } = await json(started);
    expect(id).toMatch(/^\d+$/);

    const early = await get(`${id}/insights`, bearer);
    expect((await json(early)).error).toMatchObject({
      code: 2601,
      error_subcode: 1815107,
      is_transient: true,
    });

    const states: [string, number][] = [];
    for (let poll = 0; poll < 4; poll++) {
      const run = await json(await get(id, bearer));
      states.push([run.async_status, run.async_percent_completion]);
    }
    expect(states).toEqual([
      ["Job Not Started", 0],
      ["Job Running", 33],
      ["Job Running", 66],
      ["Job Completed", 100],
    ]);
    const rows = await json(await get(`${id}/insights?limit=5`, bearer));
    expect(rows.data).toHaveLength(5);
    expect(rows.data[0]).toHaveProperty("spend");

    // Another app's token cannot see the job.
    const stranger = sandbox.context.tokens.issue(
      { platform: "meta", kind: "access", clientId: "other-app", scopes: ["ads_read"], exp: null },
      now,
    );
    expect((await json(await get(id, stranger))).error.error_subcode).toBe(33);
  });
});

describe("Meta sandbox: tokens and failures", () => {
  async function login(scope = "ads_read,business_management"): Promise<string> {
    const query = new URLSearchParams({
      client_id: app().clientId,
      redirect_uri: redirectUri,
      state: "s",
      scope,
    });
    const form = new URLSearchParams({
      client_id: app().clientId,
      redirect_uri: redirectUri,
      state: "s",
      response_type: "code",
      decision: "allow",
    });
    for (const value of scope.split(",")) form.append("scope", value);
    const response = await send(`${dialog}?${query}`, { method: "POST", body: form });
    expect(response.status).toBe(302);
    const location = response.headers.get("location") ?? "";
    expect(location.endsWith("#_=_")).toBe(true);
    return new URL(location).searchParams.get("code") ?? "";
  }

  const exchange = (params: Record<string, string>) =>
    send(`${graph}/oauth/access_token?${new URLSearchParams(params)}`);

  it("refuses a replayed code, a wrong secret and a different redirect_uri the way Meta does", async () => {
    const code = await login();
    const base = {
      client_id: app().clientId,
      client_secret: app().clientSecret,
      redirect_uri: redirectUri,
      code,
    };
    expect((await exchange({ ...base, redirect_uri: "https://elsewhere.test/" })).status).toBe(400);
    const first = await json(await exchange(base));
    expect(first).toMatchObject({ token_type: "bearer", expires_in: 7200 });
    const replay = await json(await exchange(base));
    expect(replay.error).toMatchObject({
      code: 100,
      error_subcode: 36009,
      message: "This authorization code has been used.",
    });
    const secret = await json(await exchange({ ...base, client_secret: "nope" }));
    expect(secret.error).toMatchObject({ code: 1, message: "Error validating client secret." });
  });

  it("shows an error page, not a redirect, for an unknown app or a bad redirect_uri", async () => {
    const bad = await send(
      `${dialog}?client_id=123&redirect_uri=${encodeURIComponent(redirectUri)}&scope=ads_read`,
    );
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain("Invalid App ID");
    const relative = await send(
      `${dialog}?client_id=${app().clientId}&redirect_uri=/callback&scope=ads_read`,
    );
    expect(relative.headers.get("location")).toBeNull();
    expect(await relative.text()).toContain("URL Blocked");
  });

  it("revoking permissions kills the long-lived token and the short-lived one it came from", async () => {
    const code = await login();
    const short = await json(
      await exchange({
        client_id: app().clientId,
        client_secret: app().clientSecret,
        redirect_uri: redirectUri,
        code,
      }),
    );
    const long = await json(
      await exchange({
        grant_type: "fb_exchange_token",
        client_id: app().clientId,
        client_secret: app().clientSecret,
        fb_exchange_token: short.access_token,
      }),
    );
    expect(long.expires_in).toBe(60 * 86_400);
    expect((await get("me/permissions", long.access_token)).status).toBe(200);
    const revoked = await send(`${graph}/me/permissions`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${long.access_token}` },
    });
    expect(await json(revoked)).toEqual({ success: true });
    for (const dead of [long.access_token, short.access_token]) {
      const error = (await json(await get("me/adaccounts", dead))).error;
      expect(error).toMatchObject({ code: 190, error_subcode: 458 });
    }
  });

  it("throttles with 429, Retry-After, code 80000 and a BUC header giving minutes to regain access", async () => {
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 90 });
    const response = await get("act_1010000001/insights");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("90");
    expect((await json(response)).error.code).toBe(80000);
    const usage = JSON.parse(response.headers.get("x-business-use-case-usage") ?? "{}");
    expect(usage["1010000001"][0]).toMatchObject({
      type: "ads_insights",
      estimated_time_to_regain_access: 2,
    });
  });

  it("answers an expired token with 190/463 and Meta's session-expired wording", async () => {
    const expired = token(["ads_read"], now.getTime() / 1000 - 3600);
    const response = await get("me/adaccounts", expired);
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error).toMatchObject({ code: 190, error_subcode: 463, type: "OAuthException" });
    expect(error.message).toBe(
      "Error validating access token: Session has expired on Sunday, 22-Nov-26 06:00:00 PST. The current time is Sunday, 22-Nov-26 07:00:00 PST.",
    );
  });

  it("answers a server fault with code 2 and is_transient", async () => {
    sandbox.setFaults({ serverErrorRate: 1 });
    const response = await get("me/adaccounts");
    expect(response.status).toBe(500);
    expect((await json(response)).error).toMatchObject({ code: 2, is_transient: true });
  });
});
