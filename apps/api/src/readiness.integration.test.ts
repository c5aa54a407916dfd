import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { applyMigrations, createDatabase, type Db, ensureDatabase } from "@omnify/db";
import { EmbeddedPostgres } from "@omnify/stack";
import { freePort } from "@omnify/stack/testing/free-port";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestServer } from "./testing/test-server.ts";

// A server of its own: this test stops and restarts PostgreSQL under a running API.
let dir: string;
let postgres: EmbeddedPostgres;
let db: Db;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "omnify-readiness-"));
  chmodSync(dir, 0o755);
  postgres = new EmbeddedPostgres({ dir: path.join(dir, "cluster"), port: await freePort() });
  await postgres.start();
  await ensureDatabase(postgres.url(), "omnify");
  await applyMigrations(postgres.url("omnify"));
  db = createDatabase({ url: postgres.url("omnify"), connectTimeoutMs: 1_000 });
  app = await buildTestServer(db);
});

afterAll(async () => {
  await app?.close();
  await db?.$disconnect();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function readyzUntil(status: number): Promise<{ statusCode: number; body: unknown }> {
  let last = { statusCode: 0, body: undefined as unknown };
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await app.inject({ url: "/readyz" });
    last = { statusCode: response.statusCode, body: response.json() };
    if (response.statusCode === status) return last;
    await sleep(200);
  }
  return last;
}

it("/readyz is 503 while the database is down and 200 once it is back, with no API restart", async () => {
  expect((await readyzUntil(200)).statusCode).toBe(200);

  await postgres.stop();
  const down = await readyzUntil(503);
  expect(down).toEqual({
    statusCode: 503,
    body: { ready: false, checks: { database: "unreachable", migrations: "unknown" } },
  });
  expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);

  await postgres.start();
  expect(await readyzUntil(200)).toEqual({
    statusCode: 200,
    body: { ready: true, checks: { database: "ok", migrations: "current" } },
  });
});
