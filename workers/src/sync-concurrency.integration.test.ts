import type { Platform } from "@omnify/connectors";
import { requestSync } from "@omnify/core";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { syncsSettled, waitUntil } from "./testing/drain.ts";
import { connectPlatform, createShop, type SandboxServer, startSandboxServer } from "./testing/sync-world.ts";
import { spawnWorker, stopWorker, type WorkerProcess } from "./testing/worker-process.ts";

// Two worker processes share one database. Rate limits put runs back on the
// queue again and again, so each run hops between the workers; yet no two
// attempts on one integration ever overlap, and repeated requests join.

const platforms: Platform[] = ["meta", "google", "tiktok", "shopify"];
const rounds = 3;
let database: TestDatabase;
let world: SandboxServer;
let workers: WorkerProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  world = await startSandboxServer();
});
afterAll(async () => {
  for (const worker of workers) worker.child.kill("SIGKILL");
  await world?.close();
  await database?.drop();
});

it("two worker processes never run two syncs of one integration at once", async () => {
  const shopId = (await createShop(database.db, "two-workers")).id;
  const integrations: string[] = [];
  for (const platform of platforms) {
    integrations.push(await connectPlatform(database.db, world.connectors, { shopId, platform }));
  }
  world.sandbox.setFaults({ rateLimitRate: 0.3, retryAfterSeconds: 0.2 });
  const env = {
    ...world.env,
    WORKER_CONCURRENCY: "4",
    WORKER_POLL_INTERVAL_MS: "100",
    SYNC_BACKFILL_DAYS: "20",
    SYNC_CHUNK_DAYS: "2",
    SYNC_BACKOFF_BASE_MS: "100",
  };
  workers = [spawnWorker(database.url, env), spawnWorker(database.url, env)];
  await Promise.all(workers.map((worker) => worker.ready));

  for (let round = 0; round < rounds; round += 1) {
    // Three members press "Sync now" on every integration at the same moment.
    const requests = await Promise.all(
      integrations.flatMap((integrationId) =>
        [1, 2, 3].map(() =>
          requestSync(database.db, { integrationId, trigger: "user", mode: "incremental" }),
        ),
      ),
    );
    expect(new Set(requests.map((request) => request.run.id)).size).toBe(integrations.length);
    await waitUntil(() => syncsSettled(database.db), 180_000, `round ${round + 1} to finish`);
  }
  await Promise.all(workers.map(stopWorker));

  const runs = await database.db.syncRun.findMany({ where: { shopId }, orderBy: { queuedAt: "asc" } });
  expect(runs).toHaveLength(integrations.length * rounds);
  expect(
    runs.filter((run) => run.status !== "succeeded").map((run) => [run.platform, run.status, run.error]),
  ).toEqual([]);

  const attempts = await database.db.syncAttempt.findMany({ orderBy: { startedAt: "asc" } });
  const overlaps: string[] = [];
  for (const integrationId of integrations) {
    const mine = attempts.filter((attempt) => attempt.integrationId === integrationId);
    for (const [index, attempt] of mine.entries()) {
      const next = mine[index + 1];
      if (next && (!attempt.endedAt || attempt.endedAt > next.startedAt)) {
        overlaps.push(
          `${integrationId}: ${attempt.workerId} until ${attempt.endedAt?.toISOString()}, ${next.workerId} from ${next.startedAt.toISOString()}`,
        );
      }
    }
  }
  expect(overlaps).toEqual([]);
  // The check meant something: runs were resumed many times, by both processes.
  expect(attempts.length).toBeGreaterThan(runs.length * 2);
  expect(new Set(attempts.map((attempt) => attempt.workerId)).size).toBe(2);
  const hopped = runs.filter(
    (run) =>
      new Set(attempts.filter((attempt) => attempt.runId === run.id).map((attempt) => attempt.workerId))
        .size > 1,
  );
  expect(hopped.length).toBeGreaterThan(0);
}, 600_000);
