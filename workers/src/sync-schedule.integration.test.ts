import { localHour, requestSync, scheduleDueSyncs, spreadOffsetMs } from "@omnify/core";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
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

let database: TestDatabase;
let world: SandboxServer;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await startSandboxServer();
});
afterAll(async () => {
  await world?.close();
  await database?.drop();
});

describe("the hourly schedule", () => {
  it("queues the nightly full sync where it is 02:00, incremental elsewhere, spread over the window", async () => {
    // 07:00 UTC is 02:00 in New York (EST) and 23:00 the day before in Los Angeles.
    const at = new Date("2026-11-23T07:00:00Z");
    expect(localHour(at, "America/New_York")).toBe(2);
    const newYork = await createShop(database.db, "ny");
    const losAngeles = await database.db.shop.create({
      data: { slug: "la", name: "la", currency: "USD", timeZone: "America/Los_Angeles" },
    });
    const nyIntegration = await connectPlatform(database.db, world.connectors, {
      shopId: newYork.id,
      platform: "tiktok",
    });
    const laIntegration = await connectPlatform(database.db, world.connectors, {
      shopId: losAngeles.id,
      platform: "tiktok",
    });
    const idle = await connectPlatform(database.db, world.connectors, {
      shopId: (await createShop(database.db, "nothing-selected")).id,
      platform: "tiktok",
      externalIds: [],
    });

    const settings = { ...quickSyncSettings, scheduleSpreadSeconds: 600 };
    expect(await scheduleDueSyncs(database.db, settings, at)).toEqual({ scheduled: 2, full: 1 });
    const runs = await database.db.syncRun.findMany({ where: { trigger: "schedule" } });
    const modeOf = (integrationId: string) => runs.find((run) => run.integrationId === integrationId)?.mode;
    expect(modeOf(nyIntegration)).toBe("full");
    expect(modeOf(laIntegration)).toBe("incremental");
    expect(modeOf(idle)).toBeUndefined();

    const [job] = await database.db.$queryRaw<{ run_at: Date }[]>`
      SELECT run_at FROM graphile_worker.jobs WHERE task_identifier = 'sync' AND key = ${`sync:${laIntegration}`}`;
    expect(job?.run_at.getTime()).toBe(at.getTime() + spreadOffsetMs(laIntegration, 600));

    // The next tick while they are still queued adds nothing: it joins them.
    expect(await scheduleDueSyncs(database.db, settings, new Date(at.getTime() + 3_600_000))).toEqual({
      scheduled: 2,
      full: 0,
    });
    expect(await database.db.syncRun.count({ where: { trigger: "schedule" } })).toBe(2);

    // They are due hours from now: take them off the queue for the tests below.
    for (const integrationId of [nyIntegration, laIntegration]) {
      await database.db.$executeRaw`SELECT graphile_worker.remove_job(${`sync:${integrationId}`})`;
    }
    await database.db.syncRun.deleteMany({ where: { trigger: "schedule" } });
  });

  it("spreads 1,000 integrations over the window instead of one second", () => {
    const offsets = Array.from({ length: 1_000 }, (_, index) =>
      spreadOffsetMs(`0193a000-0000-7000-8000-${String(index).padStart(12, "0")}`, 600),
    );
    const seconds = new Set(offsets.map((offset) => Math.floor(offset / 1000)));
    expect(Math.max(...offsets)).toBeLessThan(600_000);
    // Most seconds of the window get at most a few starts.
    expect(seconds.size).toBeGreaterThan(400);
  });
});

describe("a connection the platform stops accepting", () => {
  it("fails the run in plain words, marks the integration needs-re-auth and notifies every member", async () => {
    const shop = await createShop(database.db, "expired");
    const members = await Promise.all(
      ["owner", "member"].map(async (role) => {
        const user = await database.db.user.create({
          data: { email: `${role}-expired@example.com`, name: role, emailVerified: true },
        });
        await database.db.shopMember.create({
          data: { shopId: shop.id, userId: user.id, role: role as "owner" | "member", persona: "founder" },
        });
        return user.id;
      }),
    );
    const integrationId = await connectPlatform(database.db, world.connectors, {
      shopId: shop.id,
      platform: "meta",
      externalIds: ["1010000001"],
    });
    world.sandbox.setFaults({ tokenExpiresAfterCalls: 3, platforms: ["meta"] });
    try {
      await requestSync(database.db, { integrationId, trigger: "user", mode: "incremental" });
      await drainSyncs(testTaskDeps(database.db, world), database.url, 30_000);
    } finally {
      world.sandbox.setFaults({});
    }

    const run = await database.db.syncRun.findFirstOrThrow({ where: { integrationId } });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(
      /^Meta no longer accepts the connection .*Reconnect Meta on the integrations page\.$/,
    );
    // What was fetched before the token died stays.
    expect(Object.values(run.rowsWritten as object).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(
      0,
    );
    const integration = await database.db.integration.findUniqueOrThrow({ where: { id: integrationId } });
    expect(integration.status).toBe("needs_reauth");
    const notifications = await database.db.notification.findMany({ where: { shopId: shop.id } });
    expect(notifications.map((notification) => notification.userId).sort()).toEqual([...members].sort());
    expect(notifications.every((notification) => notification.kind === "integration.needs_reauth")).toBe(
      true,
    );
    expect(notifications[0]?.link).toBe(`/shops/${shop.id}/integrations`);
  }, 60_000);
});
