import { describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../app.ts";
import { addDays, eachDay, largeAccountId, type SandboxAccount } from "../../dataset/index.ts";
import { parseSandboxEnv } from "../../env.ts";

const now = new Date("2026-11-22T15:00:00Z");
const graph = "https://sandbox.test/meta/graph/v25.0";
const yesterday = "2026-11-21";

const sandboxWith = (options: { seed?: number; ads?: number } = {}) =>
  createSandbox({
    publicUrl: "https://sandbox.test",
    now: () => now,
    seed: options.seed,
    largeAccount: options.ads === undefined ? undefined : { ads: options.ads },
  });

// biome-ignore lint/suspicious/noExplicitAny: the tests probe arbitrary Graph answers
type GraphJson = Record<string, any>;

function client(sandbox: Sandbox) {
  const token = sandbox.context.tokens.issue(
    {
      platform: "meta",
      kind: "access",
      clientId: sandbox.context.apps.meta.clientId,
      scopes: ["ads_read"],
      exp: null,
    },
    now,
  );
  const headers = { authorization: `Bearer ${token}` };
  const get = async (path: string) => {
    const response = await sandbox.fetch(new Request(`${graph}/${path}`, { headers }));
    return { status: response.status, body: (await response.json()) as GraphJson };
  };
  /** Every row of an edge, following `paging.next` as a client would. */
  const all = async (path: string) => {
    const rows: GraphJson[] = [];
    let pages = 0;
    let next: string | undefined = `${graph}/${path}`;
    while (next) {
      const response = await sandbox.fetch(new Request(next, { headers }));
      const body = (await response.json()) as GraphJson;
      if (response.status !== 200) throw new Error(JSON.stringify(body));
      rows.push(...body.data);
      pages++;
      next = body.paging?.next;
    }
    return { rows, pages };
  };
  const post = async (path: string, form: Record<string, string>) => {
    const response = await sandbox.fetch(
      new Request(`${graph}/${path}`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form),
      }),
    );
    return (await response.json()) as GraphJson;
  };
  return { get, all, post };
}

const range = (since: string, until: string) => encodeURIComponent(JSON.stringify({ since, until }));

function large(sandbox: Sandbox): SandboxAccount {
  const account = sandbox.dataset.account("meta", largeAccountId);
  if (!account) throw new Error("no bulk-test account");
  return account;
}

/** Ads with delivery on each day, from the dataset. */
function deliveringByDay(sandbox: Sandbox, since: string, until: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of sandbox.dataset.metrics(large(sandbox), since, until, now))
    counts.set(row.date, (counts.get(row.date) ?? 0) + 1);
  return counts;
}

describe("bulk-test Meta account (largeAccount)", () => {
  it("exists only when configured", async () => {
    const plain = sandboxWith();
    expect(plain.dataset.account("meta", largeAccountId)).toBeUndefined();
    const plainAccounts = await client(plain).get("me/adaccounts?fields=id&limit=100");
    expect(plainAccounts.body.data.map((row: GraphJson) => row.id)).not.toContain(`act_${largeAccountId}`);
    expect((await client(plain).get(`act_${largeAccountId}/campaigns`)).body.error.error_subcode).toBe(33);

    const bulk = sandboxWith({ ads: 2800 });
    const listed = await client(bulk).get(
      "me/adaccounts?fields=id,account_id,name,currency,timezone_name,account_status&limit=100",
    );
    expect(listed.body.data.at(-1)).toEqual({
      id: `act_${largeAccountId}`,
      account_id: largeAccountId,
      name: "Bulk test — 2800 ads",
      currency: "USD",
      timezone_name: "UTC",
      account_status: 1,
    });
  });

  it("has about N ads delivering on a typical day, served through the insights route", async () => {
    const sandbox = sandboxWith({ ads: 2800 });
    const { get } = client(sandbox);
    for (const day of [yesterday, "2026-03-14", addDays(yesterday, -364)]) {
      const page = await get(
        `act_${largeAccountId}/insights?level=ad&time_increment=1&time_range=${range(day, day)}&fields=ad_id,impressions&limit=5000`,
      );
      expect(page.status).toBe(200);
      expect(page.body.paging.next).toBeUndefined();
      const ads = new Set(page.body.data.map((row: GraphJson) => row.ad_id));
      expect(ads.size).toBe(page.body.data.length);
      expect(ads.size).toBeGreaterThanOrEqual(2520);
      expect(ads.size).toBeLessThanOrEqual(3080);
      expect(page.body.data.every((row: GraphJson) => Number(row.impressions) > 0)).toBe(true);
    }
  });

  it("delivers on every day of the history window", () => {
    const sandbox = sandboxWith({ ads: 40 });
    const { since, today } = sandbox.dataset.window("UTC", now);
    const counts = deliveringByDay(sandbox, since, today);
    expect(counts.size).toBe(400);
    for (const date of eachDay(since, today)) expect(counts.get(date), date).toBe(40);
  });

  it("is deterministic for a seed", async () => {
    const metrics = (sandbox: Sandbox) =>
      sandbox.dataset.metrics(large(sandbox), "2026-06-01", "2026-06-03", now);
    const first = sandboxWith({ seed: 7, ads: 300 });
    const second = sandboxWith({ seed: 7, ads: 300 });
    expect(metrics(first).length).toBeGreaterThan(800);
    expect(metrics(second)).toEqual(metrics(first));
    expect(large(second)).toEqual(large(first));
    expect(metrics(sandboxWith({ seed: 8, ads: 300 }))).not.toEqual(metrics(first));

    // Served the same way twice, page by page.
    const path = `act_${largeAccountId}/insights?level=ad&time_increment=1&time_range=${range("2026-06-01", "2026-06-03")}&fields=ad_id,spend,actions&limit=250`;
    expect((await client(second).all(path)).rows).toEqual((await client(first).all(path)).rows);
  });

  it("serves entities and an async report the way the Meta connector reads them", async () => {
    const sandbox = sandboxWith({ ads: 200 });
    const account = large(sandbox);
    const { all, get, post } = client(sandbox);
    const campaigns = await all(`act_${largeAccountId}/campaigns?fields=id,name,daily_budget&limit=100`);
    expect(campaigns.rows.map((row) => row.id)).toEqual(account.campaigns.map((campaign) => campaign.id));
    const ads = await all(`act_${largeAccountId}/ads?fields=id,adset_id,creative{id}&limit=500`);
    expect(ads.rows).toHaveLength(sandbox.dataset.ads(account, now).length);
    expect(new Set(ads.rows.map((row) => row.id)).size).toBe(ads.rows.length);

    const since = addDays(yesterday, -89);
    const started = await post(`act_${largeAccountId}/insights`, {
      level: "ad",
      time_increment: "1",
      time_range: JSON.stringify({ since, until: yesterday }),
      fields: "campaign_id,adset_id,ad_id,impressions,spend,date_start,date_stop",
    });
    for (let poll = 0; poll < 3; poll++) await get(started.report_run_id);
    const report = await all(`${started.report_run_id}/insights?limit=1000`);
    const expected = sandbox.dataset.metrics(account, since, yesterday, now);
    expect(expected).toHaveLength(200 * 90);
    expect(report.pages).toBe(18);
    expect(report.rows).toEqual(
      expected.map((row) => ({
        campaign_id: row.campaignId,
        adset_id: row.adSetId,
        ad_id: row.adId,
        impressions: String(row.impressions),
        spend: expect.any(String),
        date_start: row.date,
        date_stop: row.date,
      })),
    );
  });

  it("leaves the demo accounts and their metrics as they are", async () => {
    const plain = sandboxWith();
    const bulk = sandboxWith({ ads: 2800 });
    for (const platform of ["meta", "google", "tiktok"] as const) {
      const demo = plain.dataset.accounts(platform);
      expect(bulk.dataset.accounts(platform).slice(0, demo.length)).toEqual(demo);
      for (const account of demo) {
        expect(bulk.dataset.ads(account, now)).toEqual(plain.dataset.ads(account, now));
        expect(bulk.dataset.metrics(account, "2026-10-01", yesterday, now)).toEqual(
          plain.dataset.metrics(account, "2026-10-01", yesterday, now),
        );
      }
    }
    expect(bulk.dataset.accounts("meta")).toHaveLength(plain.dataset.accounts("meta").length + 1);
    const listing = async (sandbox: Sandbox) =>
      (await client(sandbox).get("me/adaccounts?limit=100")).body.data;
    expect((await listing(bulk)).slice(0, -1)).toEqual(await listing(plain));
  });

  it("leaves the shop's orders as they are", () => {
    const plain = sandboxWith();
    const bulk = sandboxWith({ ads: 2800 });
    // The bulk account's days first, so that its cached days come and go around the orders' own.
    const account = large(bulk);
    expect(bulk.dataset.metrics(account, "2026-01-01", "2026-03-31", now).length).toBeGreaterThan(200_000);
    const orders = bulk.dataset.orders(now);
    expect(orders.length).toBeGreaterThan(10_000);
    expect(orders).toEqual(plain.dataset.orders(now));
    const bulkCampaigns = new Set(account.campaigns.map((campaign) => campaign.id));
    expect(orders.some((order) => order.source && bulkCampaigns.has(order.source.campaignId))).toBe(false);
  });

  it("reads SANDBOX_LARGE_ACCOUNT_ADS", () => {
    expect(parseSandboxEnv({}).SANDBOX_LARGE_ACCOUNT_ADS).toBeUndefined();
    expect(parseSandboxEnv({ SANDBOX_LARGE_ACCOUNT_ADS: "" }).SANDBOX_LARGE_ACCOUNT_ADS).toBeUndefined();
    expect(parseSandboxEnv({ SANDBOX_LARGE_ACCOUNT_ADS: "2800" }).SANDBOX_LARGE_ACCOUNT_ADS).toBe(2800);
    expect(() => parseSandboxEnv({ SANDBOX_LARGE_ACCOUNT_ADS: "0" })).toThrow(/SANDBOX_LARGE_ACCOUNT_ADS/);
    expect(() => parseSandboxEnv({ SANDBOX_LARGE_ACCOUNT_ADS: "many" })).toThrow(/must be an integer/);
    expect(() => sandboxWith({ ads: 0 })).toThrow(/largeAccount\.ads/);
  });
});
