import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureDatabase } from "@omnify/db";
// Declares what this setup provides to test files (vitest ProvidedContext).
import type {} from "@omnify/db/testing";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../migrate.ts";
import { EmbeddedPostgres } from "../postgres.ts";
import { freePort } from "./free-port.ts";

const templateDatabase = "omnify_test_template";

interface TestServer {
  serverUrl: string;
  users: number;
  stop(): Promise<void>;
}

// Every project of the run calls this setup in the same main process: they share
// one server, started by the first and stopped by the last.
const shared = globalThis as { omnifyTestServer?: Promise<TestServer> };

/**
 * Starts one real PostgreSQL for the whole run (embedded, in a temporary folder;
 * or the server of TEST_DATABASE_URL) and builds a migrated template database:
 * every test file then gets its own copy in milliseconds.
 */
async function startTestServer(): Promise<TestServer> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let postgres: EmbeddedPostgres | undefined;
  let dir: string | undefined;
  if (!serverUrl) {
    dir = mkdtempSync(path.join(tmpdir(), "omnify-test-pg-"));
    // As root the server runs as `postgres`, which must be able to reach the cluster.
    chmodSync(dir, 0o755);
    postgres = new EmbeddedPostgres({ dir: path.join(dir, "cluster"), port: await freePort() });
    await postgres.start();
    serverUrl = postgres.url();
  }

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(serverUrl, templateDatabase);
  const templateUrl = withDatabase(serverUrl, templateDatabase);
  await migrateDatabase(templateUrl);

  return {
    serverUrl,
    users: 0,
    async stop() {
      await postgres?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.omnifyTestServer ??= startTestServer();
  const server = await shared.omnifyTestServer;
  server.users += 1;
  project.provide("databaseServerUrl", server.serverUrl);
  project.provide("templateDatabase", templateDatabase);
  return async () => {
    server.users -= 1;
    if (server.users === 0) {
      shared.omnifyTestServer = undefined;
      await server.stop();
    }
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
