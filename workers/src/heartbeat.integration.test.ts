import { createServer, type Server } from "node:http";
import { hostname } from "node:os";
import { getLatestHeartbeat } from "@omnify/core";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { enqueue } from "@omnify/jobs";
import { createLogger } from "@omnify/logger";
import { createRealtimePublisher } from "@omnify/realtime/server";
import { freePort } from "@omnify/stack/testing/free-port";
import { Logger, runOnce } from "graphile-worker";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTaskList } from "./runner.ts";
import { withoutPlatforms } from "./testing/sync-world.ts";

// A local HTTP endpoint speaking the Pusher REST API's trigger call, so the test
// sees exactly what the publisher sends.
interface Triggered {
  path: string;
  body: { name: string; channels: string[]; data: string };
}
let triggered: Triggered[] = [];
let pusherServer: Server;
let pusherPort: number;
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  pusherPort = await freePort();
  pusherServer = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      triggered.push({ path: request.url ?? "", body: JSON.parse(body) });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => pusherServer.listen(pusherPort, "127.0.0.1", resolve));
});

afterAll(async () => {
  await new Promise((resolve) => pusherServer.close(resolve));
  await database.drop();
});

async function runQueuedJobs() {
  const deps = {
    db: database.db,
    log: createLogger({ service: "worker-test", level: "silent" }),
    realtime: createRealtimePublisher({
      appId: "test-app",
      key: "test-key",
      secret: "test-secret",
      cluster: "mt1",
      host: "127.0.0.1",
      port: pusherPort,
      useTLS: false,
    }),
    smtp: null,
    ...withoutPlatforms(),
  };
  await runOnce({
    connectionString: database.url,
    taskList: buildTaskList(deps),
    logger: new Logger(() => () => {}),
  });
}

it("the heartbeat task records the worker's beat and publishes it on the system channel", async () => {
  triggered = [];
  const before = new Date();
  await enqueue(database.db, "heartbeat", {});
  await runQueuedJobs();

  const beat = await getLatestHeartbeat(database.db);
  expect(beat?.hostname).toBe(hostname());
  expect(beat?.beatAt.getTime()).toBeGreaterThanOrEqual(before.getTime());

  expect(triggered).toHaveLength(1);
  expect(triggered[0]?.path).toMatch(/^\/apps\/test-app\/events\?/);
  expect(triggered[0]?.body.name).toBe("worker.heartbeat");
  expect(triggered[0]?.body.channels).toEqual(["system"]);
  expect(JSON.parse(triggered[0]?.body.data ?? "{}")).toEqual({
    workerId: beat?.workerId,
    hostname: hostname(),
    beatAt: beat?.beatAt.toISOString(),
  });
});

it("a second beat of the same worker updates its row instead of adding one", async () => {
  await enqueue(database.db, "heartbeat", {});
  await runQueuedJobs();
  const first = await getLatestHeartbeat(database.db);
  await enqueue(database.db, "heartbeat", {});
  await runQueuedJobs();
  const rows = await database.db.workerHeartbeat.findMany({ where: { hostname: hostname() } });
  // runOnce uses a fresh worker id each call: one row per worker, each holding its latest beat.
  expect(new Set(rows.map((row) => row.workerId)).size).toBe(rows.length);
  expect((await getLatestHeartbeat(database.db))?.beatAt.getTime()).toBeGreaterThanOrEqual(
    first?.beatAt.getTime() ?? 0,
  );
});

it("a job queued with a malformed payload fails instead of running on bad data", async () => {
  triggered = [];
  await database.db
    .$executeRaw`SELECT graphile_worker.add_job('heartbeat', '{"unexpected": true}'::json, max_attempts => 1)`;
  await runQueuedJobs();
  const [job] = await database.db.$queryRaw<{ last_error: string }[]>`
    SELECT last_error FROM graphile_worker.jobs WHERE task_identifier = 'heartbeat'`;
  expect(job?.last_error).toContain("unrecognized_keys");
  expect(triggered).toHaveLength(0);
});
