import pg from "pg";
import type { DbOrTx } from "../client.ts";
import { noFilters, type SchemaFile, withSchemaEngine } from "./engine.ts";
import { listMigrations, migrationName, paths, readSchema, readSnapshot, writeMigration } from "./files.ts";

export { fixCommand, listMigrations, paths, readSchema, readSnapshot } from "./files.ts";

/** Applies pending migrations exactly as `prisma migrate deploy` would. Returns their names. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrations = await listMigrations();
  const schema = await readSchema();
  return withSchemaEngine(databaseUrl, schema, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: {
        baseDir: paths.migrations,
        lockfile: { path: "migration_lock.toml", content: null },
        shadowDbInitScript: "",
        migrationDirectories: migrations.map((migration) => ({
          path: migration.name,
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: migration.sql } },
        })),
      },
      filters: noFilters,
    });
    return appliedMigrationNames;
  });
}

/**
 * SQL that turns the `from` datamodel into the `to` datamodel ("" when equal).
 * The engine reads the server's version first, so it needs a reachable server;
 * nothing is changed in it.
 */
export async function diffSchemas(
  serverUrl: string,
  from: SchemaFile | undefined,
  to: SchemaFile,
): Promise<string> {
  return withSchemaEngine(serverUrl, to, async (engine) => {
    const result = await engine.diff({
      from: from ? { tag: "schemaDatamodel", files: [from] } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [to] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  });
}

/** SQL of the schema changes that no migration holds yet ("" when none). */
export async function pendingSchemaChanges(serverUrl: string): Promise<string> {
  return diffSchemas(serverUrl, await readSnapshot(), await readSchema());
}

/** Writes a migration for the schema changes since the last one; undefined when there are none. */
export async function createMigration(serverUrl: string, label: string): Promise<string | undefined> {
  const schema = await readSchema();
  const sql = await diffSchemas(serverUrl, await readSnapshot(), schema);
  if (!sql.trim()) return undefined;
  return writeMigration(migrationName(label), sql, schema);
}

export interface MigrationState {
  applied: string[];
  pending: string[];
  /** Started but never finished: the database needs a person before anything else. */
  failed: string[];
  current: boolean;
}

// The migrations a process ships with do not change while it runs; probes ask often.
let shippedMigrationNames: Promise<string[]> | undefined;

/** Compares the migrations this process ships with against `_prisma_migrations` in the database. */
export async function getMigrationState(db: DbOrTx): Promise<MigrationState> {
  shippedMigrationNames ??= listMigrations().then((migrations) =>
    migrations.map((migration) => migration.name),
  );
  const onDisk = await shippedMigrationNames;
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists`;
  const rows = table?.exists
    ? await db.$queryRaw<{ name: string; finished: boolean }[]>`
        SELECT migration_name AS name, finished_at IS NOT NULL AS finished
        FROM _prisma_migrations WHERE rolled_back_at IS NULL`
    : [];
  const applied = rows.filter((row) => row.finished).map((row) => row.name);
  const failed = rows.filter((row) => !row.finished).map((row) => row.name);
  const pending = onDisk.filter((name) => !applied.includes(name));
  return { applied, pending, failed, current: pending.length === 0 && failed.length === 0 };
}

/** Creates `database` on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
