import { addDays, localDate } from "@omnify/connectors";
import { requestSync } from "@omnify/core";
import type { Db } from "@omnify/db";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import type { SandboxAccount } from "@omnify/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { drainSyncs, syncsSettled, waitUntil } from "./testing/drain.ts";
import {
  connectPlatform,
  createShop,
  quickSyncSettings,
  type SandboxServer,
  startSandboxServer,
  testTaskDeps,
} from "./testing/sync-world.ts";
import { spawnWorker, stopWorker, type WorkerProcess } from "./testing/worker-process.ts";

// A worker SIGKILLed at random moments during a backfill of a large account
// leaves tables identical to an uninterrupted sync's, with no duplicates, and its
// jobs are taken over by the next worker within seconds (figures are printed).

const largeAccountId = "1010000009";
const kills = 6;
const backfillDays = 90;
const chunkDays = 3;
// The sandbox's clock stands still, so both syncs read the same numbers for "today".
const frozen = new Date();
let database: TestDatabase;
let world: SandboxServer;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  world = await startSandboxServer({ now: () => frozen, largeAccountAds: 2_600 });
});
afterAll(async () => {
  for (const worker of workers) worker.child.kill("SIGKILL");
  await world?.close();
  await database?.drop();
});

const workerEnv = () => ({
  ...world.env,
  SYNC_BACKFILL_DAYS: String(backfillDays),
  SYNC_CHUNK_DAYS: String(chunkDays),
  WORKER_POLL_INTERVAL_MS: "200",
  WORKER_BEAT_INTERVAL_MS: "250",
  WORKER_DEAD_AFTER_MS: "1500",
});

/** One checksum per table over every column but the shop and the sync time, in key order. */
async function checksums(db: Db, shopId: string) {
  const tables = {
    ad_campaigns: "platform, id",
    ad_sets: "platform, id",
    ads: "platform, id",
    ad_creatives: "platform, id",
    ad_metrics_daily: "platform, ad_id, date",
  };
  const sums: Record<string, { rows: number; md5: string }> = {};
  for (const [table, key] of Object.entries(tables)) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; md5: string }[]>(
      `SELECT count(*)::int AS rows,
              md5(string_agg((to_jsonb(t) - 'shop_id' - 'synced_at')::text, '|' ORDER BY ${key})) AS md5
       FROM ${table} t WHERE shop_id = $1::uuid`,
      shopId,
    );
    sums[table] = row as { rows: number; md5: string };
  }
  return sums;
}

const runOf = (integrationId: string) =>
  database.db.syncRun.findFirstOrThrow({ where: { integrationId }, orderBy: { queuedAt: "desc" } });

it("a backfill killed at random moments ends with the same rows as an uninterrupted one", async () => {
  const killedShop = await createShop(database.db, "killed");
  const cleanShop = await createShop(database.db, "clean");
  const options = { platform: "meta" as const, externalIds: [largeAccountId] };
  const killedIntegration = await connectPlatform(database.db, world.connectors, {
    ...options,
    shopId: killedShop.id,
  });
  const cleanIntegration = await connectPlatform(database.db, world.connectors, {
    ...options,
    shopId: cleanShop.id,
  });
  await requestSync(database.db, {
    integrationId: killedIntegration,
    trigger: "backfill",
    mode: "incremental",
  });

  const recoveries: number[] = [];
  let killedAt: number | null = null;
  for (let kill = 0; kill <= kills; kill += 1) {
    const worker = spawnWorker(database.url, workerEnv());
    workers.push(worker);
    await worker.ready;
    if (killedAt !== null) {
      // Recovered when a live worker starts a new attempt on the run.
      const since = new Date(killedAt);
      await waitUntil(
        async () =>
          (await database.db.syncAttempt.count({
            where: { integrationId: killedIntegration, startedAt: { gt: since } },
          })) > 0,
        60_000,
        "a worker to take over the killed worker's job",
      );
      const taken = await database.db.syncAttempt.findFirstOrThrow({
        where: { integrationId: killedIntegration, startedAt: { gt: since } },
        orderBy: { startedAt: "asc" },
      });
      recoveries.push(taken.startedAt.getTime() - killedAt);
    }
    if (kill === kills) {
      await waitUntil(() => syncsSettled(database.db), 240_000, "the backfill and its rollups to end");
      await stopWorker(worker);
      break;
    }
    // A random moment while the run is busy: after at least one more step was committed.
    const stepBefore = (await runOf(killedIntegration)).nextStep;
    await waitUntil(async () => (await runOf(killedIntegration)).nextStep > stepBefore, 60_000, "progress");
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 700));
    expect((await runOf(killedIntegration)).status).toBe("running");
    worker.child.kill("SIGKILL");
    killedAt = Date.now();
    await worker.exited;
  }

  const killedRun = await runOf(killedIntegration);
  expect(killedRun.status).toBe("succeeded");
  const attempts = await database.db.syncAttempt.count({ where: { runId: killedRun.id } });
  expect(attempts).toBeGreaterThanOrEqual(kills + 1);

  await requestSync(database.db, {
    integrationId: cleanIntegration,
    trigger: "backfill",
    mode: "incremental",
  });
  await drainSyncs(
    testTaskDeps(database.db, world, {
      syncSettings: { ...quickSyncSettings, backfillDays, chunkDays: 14 },
    }),
    database.url,
    240_000,
  );
  expect((await runOf(cleanIntegration)).status).toBe("succeeded");

  const killed = await checksums(database.db, killedShop.id);
  const clean = await checksums(database.db, cleanShop.id);
  const account = world.sandbox.dataset.account("meta", largeAccountId) as SandboxAccount;
  const today = localDate(new Date(), account.timeZone);
  const served = world.sandbox.dataset.metrics(
    account,
    addDays(today, -(backfillDays - 1)),
    today,
    frozen,
  ).length;
  console.log(
    [
      `kill test: ${killed.ad_metrics_daily?.rows} metric rows, ${kills} SIGKILLs, ${attempts} attempts`,
      `recovery after each kill (ms): ${recoveries.join(", ")}; worst ${Math.max(...recoveries)} ms`,
    ].join("\n"),
  );
  expect(killed.ad_metrics_daily?.rows).toBeGreaterThanOrEqual(200_000);
  expect(killed.ad_metrics_daily?.rows).toBe(served);
  expect(killed).toEqual(clean);
  expect(recoveries).toHaveLength(kills);
  expect(Math.max(...recoveries)).toBeLessThan(60_000);
}, 600_000);
