import { beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../app.ts";
import { epochSeconds } from "../../tokens.ts";
import { advertiserScope, tiktokScopes } from "./grants.ts";

const base = "https://sandbox.test/tiktok";
const api = `${base}/open_api/v1.3`;
const advertiser = "7010000000000000001";
const allScopes = [
  advertiserScope(advertiser),
  advertiserScope("7010000000000000002"),
  ...Object.values(tiktokScopes).map((scope) => scope.id),
];

let clock = new Date("2026-11-22T15:00:00Z");
let sandbox: Sandbox;
beforeEach(() => {
  clock = new Date("2026-11-22T15:00:00Z");
  sandbox = createSandbox({ publicUrl: "https://sandbox.test", now: () => clock });
});

const token = (scopes = allScopes) =>
  sandbox.context.tokens.issue(
    { platform: "tiktok", kind: "access", clientId: sandbox.context.apps.tiktok.clientId, scopes, exp: null },
    clock,
  );

async function get(path: string, query: Record<string, unknown>, headers: Record<string, string> = {}) {
  const url = new URL(api + path);
  for (const [key, value] of Object.entries(query))
    url.searchParams.set(key, typeof value === "string" ? value : JSON.stringify(value));
  const response = await sandbox.fetch(
    new Request(url, { headers: { "Access-Token": token(), ...headers } }),
  );
  const text = await response.text();
  return { response, text, body: text.startsWith("{") ? JSON.parse(text) : undefined };
}

const reportQuery = (overrides: Record<string, unknown> = {}) => ({
  advertiser_id: advertiser,
  service_type: "AUCTION",
  report_type: "BASIC",
  data_level: "AUCTION_AD",
  dimensions: ["ad_id", "stat_time_day"],
  metrics: ["spend", "impressions", "reach", "complete_payment", "total_complete_payment_rate"],
  start_date: "2026-11-01",
  end_date: "2026-11-10",
  page_size: 1000,
  ...overrides,
});

describe("TikTok sandbox", () => {
  it("answers a path without its trailing slash with a real HTTP 404", async () => {
    const { response } = await get("/campaign/get", { advertiser_id: advertiser });
    expect(response.status).toBe(404);
    expect((await get("/campaign/get/", { advertiser_id: advertiser })).body.code).toBe(0);
  });

  it("reads the token only from the Access-Token header", async () => {
    const bearer = await get(
      "/campaign/get/",
      { advertiser_id: advertiser },
      { "Access-Token": `Bearer ${token()}` },
    );
    expect(bearer.response.status).toBe(200);
    expect(bearer.body).toMatchObject({ code: 40105, data: {} });
    expect(bearer.body.request_id).toMatch(/^20261122150000[0-9A-F]{16}$/);

    const url = new URL(`${api}/campaign/get/`);
    url.searchParams.set("advertiser_id", advertiser);
    url.searchParams.set("access_token", token());
    const missing = await sandbox.fetch(new Request(url));
    expect(await missing.json()).toMatchObject({ code: 40104 });
  });

  it("parses JSON list parameters and refuses bad JSON with 40002", async () => {
    const bad = await get("/advertiser/info/", { advertiser_ids: "[7010000000000000001" });
    expect(bad.body).toMatchObject({ code: 40002 });
    const good = await get("/advertiser/info/", {
      advertiser_ids: [advertiser],
      fields: ["name", "currency"],
    });
    expect(good.body.data.list).toEqual([{ name: "Juniper & Pine US", currency: "USD" }]);
  });

  it("describes advertisers with an IANA display_timezone and a fixed-offset timezone", async () => {
    const { body } = await get("/advertiser/info/", { advertiser_ids: [advertiser, "7010000000000000002"] });
    expect(
      body.data.list.map((item: Record<string, unknown>) => [
        item.timezone,
        item.display_timezone,
        item.status,
      ]),
    ).toEqual([
      ["Etc/GMT+5", "America/New_York", "STATUS_ENABLE"],
      ["Etc/GMT", "UTC", "STATUS_ENABLE"],
    ]);
  });

  it("pages entities with page/page_size and ends at total_page", async () => {
    const first = await get("/ad/get/", { advertiser_id: advertiser, page: 1, page_size: 7 });
    const { total_number: total, total_page: pages } = first.body.data.page_info;
    expect(pages).toBe(Math.ceil(total / 7));
    expect(first.body.data.list).toHaveLength(7);
    const last = await get("/ad/get/", { advertiser_id: advertiser, page: pages, page_size: 7 });
    expect(last.body.data.list).toHaveLength(total - (pages - 1) * 7);
    const beyond = await get("/ad/get/", { advertiser_id: advertiser, page: pages + 1, page_size: 7 });
    expect(beyond.body.data.list).toEqual([]);
    expect((await get("/ad/get/", { advertiser_id: advertiser, page_size: 1001 })).body.code).toBe(40002);
    expect(first.body.data.list[0].create_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("serves report metrics as strings, with '-' where reach is unavailable", async () => {
    const { body } = await get("/report/integrated/get/", reportQuery());
    const rows = body.data.list as { dimensions: Record<string, string>; metrics: Record<string, string> }[];
    expect(rows.length).toBe(body.data.page_info.total_number);
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) {
      expect(row.dimensions.stat_time_day).toMatch(/^2026-11-(0\d|10) 00:00:00$/);
      for (const value of Object.values(row.metrics)) expect(typeof value).toBe("string");
      expect(row.metrics.spend).toMatch(/^\d+\.\d{2}$/);
    }
    expect(rows.some((row) => row.metrics.reach === "-")).toBe(true);
    expect(rows.some((row) => /^\d+$/.test(row.metrics.reach ?? ""))).toBe(true);
  });

  it("refuses report spans over 30 days and unknown metrics with 40002", async () => {
    expect((await get("/report/integrated/get/", reportQuery({ end_date: "2026-11-30" }))).body.code).toBe(0);
    const long = await get(
      "/report/integrated/get/",
      reportQuery({ start_date: "2026-10-31", end_date: "2026-11-30" }),
    );
    expect(long.body).toMatchObject({ code: 40002 });
    expect(long.body.message).toContain("30 days");
    expect(
      (await get("/report/integrated/get/", reportQuery({ metrics: ["purchase_value"] }))).body.code,
    ).toBe(40002);
    expect((await get("/report/integrated/get/", reportQuery({ dimensions: "ad_id" }))).body.code).toBe(
      40002,
    );
  });

  it("refuses an unknown advertiser (40300), one outside the grant (40001) and a missing permission (40001)", async () => {
    expect((await get("/campaign/get/", { advertiser_id: "7019999999999999999" })).body.code).toBe(40300);
    const narrow = token([advertiserScope(advertiser), tiktokScopes.ads.id]);
    const other = await get(
      "/campaign/get/",
      { advertiser_id: "7010000000000000002" },
      { "Access-Token": narrow },
    );
    expect(other.body.code).toBe(40001);
    const report = await get("/report/integrated/get/", reportQuery(), { "Access-Token": narrow });
    expect(report.body.code).toBe(40001);
  });

  it("throttles with HTTP 429, Retry-After and TikTok's 40100 body", async () => {
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const { response, body } = await get("/campaign/get/", { advertiser_id: advertiser });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(body).toMatchObject({ code: 40100, message: "Requests made too frequently.", data: {} });
  });

  it("reports an injected server fault as HTTP 200 with code 50000", async () => {
    sandbox.setFaults({ serverErrorRate: 1 });
    const { response, body } = await get("/campaign/get/", { advertiser_id: advertiser });
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ code: 50000 });
  });

  it("honours the auth code for one hour, once", async () => {
    const issue = () =>
      sandbox.context.tokens.issue(
        {
          platform: "tiktok",
          kind: "code",
          clientId: sandbox.context.apps.tiktok.clientId,
          scopes: allScopes,
          redirectUri: "https://app.test/cb",
          exp: epochSeconds(clock) + 3600,
        },
        clock,
      );
    const exchange = async (authCode: string, secret = sandbox.context.apps.tiktok.clientSecret) => {
      const response = await sandbox.fetch(
        new Request(`${api}/oauth2/access_token/`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ app_id: sandbox.context.apps.tiktok.clientId, secret, auth_code: authCode }),
        }),
      );
      return (await response.json()) as { code: number; data: unknown };
    };
    const code = issue();
    expect((await exchange(code, "wrong")).code).toBe(40101);
    const first = await exchange(code);
    expect(first).toMatchObject({
      code: 0,
      data: { advertiser_ids: [advertiser, "7010000000000000002"], scope: [1, 2, 4] },
    });
    expect((await exchange(code)).code).toBe(40110);

    const late = issue();
    clock = new Date(clock.getTime() + 3601 * 1000);
    expect((await exchange(late)).code).toBe(40110);
  });
});
