import { addDays, localDate } from "@omnify/connectors";
import { requestSync } from "@omnify/core";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import type { SandboxAccount } from "@omnify/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainSyncs } from "./testing/drain.ts";
import {
  connectPlatform,
  createShop,
  type SandboxServer,
  startSandboxServer,
  testTaskDeps,
} from "./testing/sync-world.ts";

// A fixed moment, so "today" and the restated days are the same for the sandbox and the sync.
const now = new Date("2026-11-22T15:00:00Z");
let database: TestDatabase;
let world: SandboxServer;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await startSandboxServer({ now: () => now });
});
afterAll(async () => {
  await world?.close();
  await database?.drop();
});

const deps = () => testTaskDeps(database.db, world, { now: () => now });

/** What the sandbox serves for an account's last `days` days, as of `now`. */
function sandboxMetrics(account: SandboxAccount, days: number) {
  const today = localDate(now, account.timeZone);
  return world.sandbox.dataset.metrics(account, addDays(today, -(days - 1)), today, now);
}

const metaAccount = (id: string) => world.sandbox.dataset.account("meta", id) as SandboxAccount;

describe("a first sync of Meta", () => {
  let shopId: string;
  let integrationId: string;

  beforeAll(async () => {
    shopId = (await createShop(database.db, "first-sync")).id;
    integrationId = await connectPlatform(database.db, world.connectors, { shopId, platform: "meta" });
    await requestSync(database.db, { integrationId, trigger: "backfill", mode: "incremental" });
    await drainSyncs(deps(), database.url);
  });

  it("backfills 90 days of every selected account, with counts equal to the sandbox's", async () => {
    const [run] = await database.db.syncRun.findMany({ where: { integrationId } });
    expect(run).toMatchObject({ status: "succeeded", progress: 100, error: null });
    const expected = [metaAccount("1010000001"), metaAccount("1010000002")].reduce(
      (sum, account) => sum + sandboxMetrics(account, 90).length,
      0,
    );
    expect(expected).toBeGreaterThan(1_000);
    expect(run?.rowsWritten).toMatchObject({ ad_metrics_daily: expected });
    expect(await database.db.adMetricsDaily.count({ where: { shopId } })).toBe(expected);
    expect(run?.apiCalls).toBeGreaterThan(0);
  });

  it("stores each row as the platform reported it, money in cents", async () => {
    const account = metaAccount("1010000001");
    const sample = sandboxMetrics(account, 90)[17];
    if (!sample) throw new Error("no sandbox row");
    const stored = await database.db.adMetricsDaily.findUniqueOrThrow({
      where: {
        shopId_platform_adId_date: {
          shopId,
          platform: "meta",
          adId: sample.adId,
          date: new Date(sample.date),
        },
      },
    });
    expect({
      spend: Number(stored.spend),
      impressions: Number(stored.impressions),
      clicks: Number(stored.clicks),
    }).toEqual({ spend: sample.spend, impressions: sample.impressions, clicks: sample.clicks });
  });

  it("rebuilds the rollups: per campaign and day, spend equals the facts'", async () => {
    const [facts] = await database.db.$queryRaw<{ spend: bigint; days: number }[]>`
      SELECT sum(spend)::bigint AS spend, count(DISTINCT date)::int AS days FROM ad_metrics_daily WHERE shop_id = ${shopId}::uuid`;
    const [rollups] = await database.db.$queryRaw<{ spend: bigint; campaigns: number }[]>`
      SELECT sum(spend)::bigint AS spend, count(DISTINCT campaign_id)::int AS campaigns FROM daily_rollups
      WHERE shop_id = ${shopId}::uuid AND channel = 'meta'`;
    expect(rollups?.spend).toBe(facts?.spend);
    expect(rollups?.campaigns).toBe(5);
    expect(facts?.days).toBeGreaterThanOrEqual(90);
  });

  it("remembers where each account stopped; the next sync fetches only the lookback window", async () => {
    const accounts = await database.db.integrationAccount.findMany({
      where: { integrationId, selected: true },
    });
    expect(new Set(accounts.map((account) => account.syncState))).toEqual(
      new Set([
        { metricsThrough: localDate(now, "America/New_York") },
        { metricsThrough: localDate(now, "America/Los_Angeles") },
      ]),
    );
    const { run } = await requestSync(database.db, { integrationId, trigger: "user", mode: "incremental" });
    await drainSyncs(deps(), database.url);
    const done = await database.db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(done.status).toBe("succeeded");
    const expected =
      sandboxMetrics(metaAccount("1010000001"), 7).length +
      sandboxMetrics(metaAccount("1010000002"), 7).length;
    expect((done.rowsWritten as Record<string, number>).ad_metrics_daily).toBe(expected);
  });
});
