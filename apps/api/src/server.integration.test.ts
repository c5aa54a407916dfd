import { createOrPromoteStaff } from "@omnify/auth";
import { recordHeartbeat } from "@omnify/core";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestServer, sameOrigin, sessionCookie, signIn, trpcInput } from "./testing/test-server.ts";

let database: TestDatabase;
let app: FastifyInstance;
/** A signed-in staff member's browser: system procedures are staff-only. */
let staff: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestServer(database.db);
  const account = { email: "ops@omnify.test", name: "Ops", password: "staff-password-1" };
  await createOrPromoteStaff(database.db, account);
  staff = { ...sameOrigin, cookie: sessionCookie((await signIn(app, account)).headers["set-cookie"]) };
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe("health endpoints", () => {
  it("/healthz answers while the process lives", async () => {
    const response = await app.inject({ url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("/readyz is 200 when the database answers and every migration is applied", async () => {
    const response = await app.inject({ url: "/readyz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ready: true, checks: { database: "ok", migrations: "current" } });
  });

  it("/readyz is 503 on a database that has not been migrated", async () => {
    const empty = await createTestDatabase({ migrated: false });
    const server = await buildTestServer(empty.db);
    try {
      const response = await server.inject({ url: "/readyz" });
      expect(response.statusCode).toBe(503);
      expect(response.json().checks).toEqual({ database: "ok", migrations: "pending" });
    } finally {
      await server.close();
      await empty.drop();
    }
  });
});

describe("request ids", () => {
  it("gives every response an id, and keeps a caller's well-formed one", async () => {
    const generated = await app.inject({ url: "/healthz" });
    expect(generated.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app.inject({ url: "/healthz", headers: { "x-request-id": "trace-123" } });
    expect(kept.headers["x-request-id"]).toBe("trace-123");
    const replaced = await app.inject({
      url: "/healthz",
      headers: { "x-request-id": "bad id\nwith newline" },
    });
    expect(replaced.headers["x-request-id"]).not.toContain("bad");
  });
});

describe("system procedures over HTTP", () => {
  it("system.getStatus reports the database version, migrations and the latest heartbeat", async () => {
    await recordHeartbeat(database.db, {
      workerId: "w-1",
      hostname: "host-a",
      pid: 42,
      at: new Date("2026-01-02T03:04:05Z"),
    });
    const response = await app.inject({ url: "/trpc/system.getStatus", headers: staff });
    expect(response.statusCode).toBe(200);
    const status = response.json().result.data.json;
    expect(status.database.version).toMatch(/^PostgreSQL \d+/);
    expect(status.migrations).toMatchObject({ pending: [], failed: [], current: true });
    expect(status.migrations.applied.length).toBeGreaterThan(0);
    expect(status.latestHeartbeat).toEqual({
      workerId: "w-1",
      hostname: "host-a",
      beatAt: "2026-01-02T03:04:05.000Z",
    });
  });

  it("system.getStatus is for staff: anonymous callers get 401", async () => {
    const response = await app.inject({ url: "/trpc/system.getStatus" });
    expect(response.statusCode).toBe(401);
  });

  it("system.getClientConfig gives the browser the realtime key and nothing secret", async () => {
    const response = await app.inject({ url: "/trpc/system.getClientConfig" });
    const config = response.json().result.data.json;
    expect(config.realtime).toEqual({
      key: "test-key",
      cluster: "mt1",
      host: "127.0.0.1",
      port: 6001,
      useTLS: false,
    });
    expect(JSON.stringify(config)).not.toMatch(/secret/i);
  });

  it("bad input is a 400 with field errors naming each field", async () => {
    const response = await app.inject({
      url: `/trpc/system.listWorkers?${trpcInput({ limit: 0, cursor: 7 })}`,
      headers: staff,
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error.json;
    expect(error.data.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.data.fieldErrors).sort()).toEqual(["cursor", "limit"]);
    expect(error.data.fieldErrors.limit[0]).toMatch(/>=1/);
  });

  it("keeps stack traces out of responses outside development", async () => {
    const response = await app.inject({
      url: `/trpc/system.listWorkers?${trpcInput({ limit: "x", headers: staff })}`,
    });
    expect(response.json().error.json.data.stack).toBeUndefined();
    expect(response.body).not.toContain("at ");

    const devServer = await buildTestServer(database.db, { environment: "development" });
    try {
      const devResponse = await devServer.inject({
        url: `/trpc/system.listWorkers?${trpcInput({ limit: "x" })}`,
        headers: staff,
      });
      expect(devResponse.json().error.json.data.stack).toContain("at ");
    } finally {
      await devServer.close();
    }
  });

  it("an unknown procedure is a 404, not a 500", async () => {
    const response = await app.inject({ url: "/trpc/system.nope" });
    expect(response.statusCode).toBe(404);
  });

  it("system.listWorkers pages through workers, most recently alive first", async () => {
    for (const [index, id] of ["w-2", "w-3", "w-4"].entries()) {
      await recordHeartbeat(database.db, {
        workerId: id,
        hostname: "host-b",
        pid: index,
        at: new Date(Date.UTC(2026, 1, 1, index)),
      });
    }
    const first = (
      await app.inject({ url: `/trpc/system.listWorkers?${trpcInput({ limit: 2 })}`, headers: staff })
    ).json().result.data.json;
    expect(first.items.map((worker: { workerId: string }) => worker.workerId)).toEqual(["w-4", "w-3"]);
    const second = (
      await app.inject({
        url: `/trpc/system.listWorkers?${trpcInput({ limit: 2, cursor: first.nextCursor })}`,
        headers: staff,
      })
    ).json().result.data.json;
    expect(second.items.map((worker: { workerId: string }) => worker.workerId)).toEqual(["w-2", "w-1"]);
    expect(second.nextCursor).toBeNull();
  });
});
