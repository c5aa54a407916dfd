import { addDays, localDate, type Platform } from "@omnify/connectors";
import { requestSync } from "@omnify/core";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import type { LoggedRequest, SandboxAccount } from "@omnify/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainSyncs } from "./testing/drain.ts";
import {
  connectPlatform,
  createShop,
  quickSyncSettings,
  type SandboxServer,
  startSandboxServer,
  testTaskDeps,
} from "./testing/sync-world.ts";

const now = new Date("2026-11-22T15:00:00Z");
const platforms: Platform[] = ["meta", "google", "tiktok", "shopify"];
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

// A month of history keeps the many waits of a faulty run short.
const backfillDays = 30;
const deps = () =>
  testTaskDeps(database.db, world, { now: () => now, syncSettings: { ...quickSyncSettings, backfillDays } });

describe("with the sandbox answering 20% 429s and 5% 500s", () => {
  let shopId: string;
  const integrations = new Map<Platform, string>();
  let log: readonly LoggedRequest[];

  beforeAll(async () => {
    shopId = (await createShop(database.db, "faulty")).id;
    for (const platform of platforms) {
      integrations.set(platform, await connectPlatform(database.db, world.connectors, { shopId, platform }));
    }
    world.sandbox.context.log.clear();
    world.sandbox.setFaults({ rateLimitRate: 0.2, serverErrorRate: 0.05, retryAfterSeconds: 1 });
    for (const integrationId of integrations.values()) {
      await requestSync(database.db, { integrationId, trigger: "backfill", mode: "incremental" });
    }
    const started = Date.now();
    await drainSyncs(deps(), database.url, 300_000);
    console.log(`four backfills under faults took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    world.sandbox.setFaults({});
    log = [...world.sandbox.context.log.list()];
  }, 320_000);

  it("every sync succeeds, after retrying", async () => {
    const runs = await database.db.syncRun.findMany({ where: { shopId } });
    expect(runs.map((run) => [run.platform, run.status]).sort()).toEqual(
      platforms.map((platform) => [platform, "succeeded"]).sort(),
    );
    expect(runs.reduce((sum, run) => sum + run.retries, 0)).toBeGreaterThan(5);
    expect(log.filter((entry) => entry.status === 429).length).toBeGreaterThan(5);
    expect(log.filter((entry) => entry.status >= 500).length).toBeGreaterThan(0);
  });

  it("no request goes out before the Retry-After of a 429 sent to the same connection has passed", () => {
    const early: string[] = [];
    for (const limited of log.filter((entry) => entry.status === 429 && entry.retryAfterMs !== null)) {
      const resumeAt = limited.at + (limited.retryAfterMs ?? 0);
      for (const next of log) {
        if (next.grantId === limited.grantId && next.at > limited.at && next.at < resumeAt) {
          early.push(
            `${next.platform} ${next.path} ${next.at - limited.at} ms after a 429 asking ${limited.retryAfterMs} ms`,
          );
        }
      }
    }
    expect(log.filter((entry) => entry.status === 429).every((entry) => entry.grantId !== null)).toBe(true);
    expect(early).toEqual([]);
  });

  it("the data is complete despite the faults", async () => {
    const account = world.sandbox.dataset.account("meta", "1010000001") as SandboxAccount;
    const today = localDate(now, account.timeZone);
    const expected = world.sandbox.dataset.metrics(
      account,
      addDays(today, -(backfillDays - 1)),
      today,
      now,
    ).length;
    expect(
      await database.db.adMetricsDaily.count({
        where: { shopId, platform: "meta", accountId: "1010000001" },
      }),
    ).toBe(expected);
    const sandboxOrders = world.sandbox.dataset
      .orders(now)
      .filter((order) => Date.parse(order.updatedAt) >= now.getTime() - backfillDays * 86_400_000);
    expect(await database.db.order.count({ where: { shopId } })).toBe(sandboxOrders.length);
  });
});

describe("restatement", () => {
  it("the next incremental sync brings the restated last three days, and the rollups follow", async () => {
    const shopId = (await createShop(database.db, "restated")).id;
    const integrationId = await connectPlatform(database.db, world.connectors, {
      shopId,
      platform: "meta",
      externalIds: ["1010000001"],
    });
    await requestSync(database.db, { integrationId, trigger: "backfill", mode: "incremental" });
    await drainSyncs(deps(), database.url);
    const lastThreeDays = async () =>
      database.db.$queryRaw<{ date: Date; spend: bigint; conversions: string; rollup_spend: bigint }[]>`
        SELECT m.date, sum(m.spend)::bigint AS spend, sum(m.conversions)::text AS conversions,
               (SELECT sum(r.spend)::bigint FROM daily_rollups r WHERE r.shop_id = m.shop_id AND r.date = m.date) AS rollup_spend
        FROM ad_metrics_daily m WHERE m.shop_id = ${shopId}::uuid
        GROUP BY m.shop_id, m.date ORDER BY m.date DESC LIMIT 4`;
    const before = await lastThreeDays();

    const restated = await fetch(`${world.url}/__sandbox/restate`, { method: "POST" });
    expect(restated.status).toBe(200);
    await requestSync(database.db, { integrationId, trigger: "user", mode: "incremental" });
    await drainSyncs(deps(), database.url);
    const after = await lastThreeDays();

    // The three restated days changed, the day before did not.
    expect(after.slice(0, 3).map((day, index) => day.spend !== before[index]?.spend)).toEqual([
      true,
      true,
      true,
    ]);
    expect(after[3]?.spend).toBe(before[3]?.spend);
    // The stored values are the sandbox's new ones, and the rollups equal them.
    const account = world.sandbox.dataset.account("meta", "1010000001") as SandboxAccount;
    const today = localDate(now, account.timeZone);
    const served = world.sandbox.dataset
      .metrics(account, addDays(today, -2), today, now)
      .reduce((sum, row) => sum + row.spend, 0);
    expect(after.slice(0, 3).reduce((sum, day) => sum + Number(day.spend), 0)).toBe(served);
    expect(after.map((day) => day.rollup_spend)).toEqual(after.map((day) => day.spend));
  });
});
