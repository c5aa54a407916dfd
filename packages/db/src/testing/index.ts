import { randomBytes } from "node:crypto";
import { setTimeout } from "node:timers/promises";
import pg from "pg";
import { inject } from "vitest";
import { createDatabase, type Db } from "../client.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the test server; test files create their databases on it. */
    databaseServerUrl: string;
    /** A migrated database each test file's database is cloned from. */
    templateDatabase: string;
  }
}

export interface TestDatabase {
  db: Db;
  url: string;
  name: string;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

function urlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("databaseServerUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one test file, cloned from the migrated template on
 * the real test server (vitest's global setup starts it). Call in `beforeAll`,
 * drop in `afterAll`.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const { migrated = true } = options;
  const name = `test_${randomBytes(6).toString("hex")}`;
  await admin(async (client) => {
    const template = client.escapeIdentifier(inject("templateDatabase"));
    const sql = migrated ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`;
    // Two files cloning at the same instant collide on the template (55006): retry.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await client.query(sql);
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt === 20) throw error;
        await setTimeout(50 * attempt);
      }
    }
  });
  const url = urlFor(inject("databaseServerUrl"), name);
  const db = createDatabase({ url, maxConnections: 5 });
  return {
    db,
    url,
    name,
    async drop() {
      await db.$disconnect();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The test server's superuser URL, for tests that manage databases themselves. */
export const testServerUrl = (): string => inject("databaseServerUrl");

/**
 * A fingerprint of every table's rows, to prove a refused request wrote
 * nothing: compare two snapshots taken around it.
 */
export async function snapshotTables(
  db: Db,
  options: { except?: string[] } = {},
): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    if (options.except?.includes(name)) continue;
    const [row] = await db.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    snapshot[name] = row?.digest ?? "";
  }
  return snapshot;
}
