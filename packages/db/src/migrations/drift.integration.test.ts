import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testServerUrl } from "../testing/index.ts";
import { diffSchemas, fixCommand, paths, pendingSchemaChanges, readSchema, readSnapshot } from "./index.ts";

/** Tables, columns, indexes and constraints of the public schema, as comparable text. */
async function describeSchema(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries = [
      `SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name,
         format_type(a.atttypid, a.atttypmod), is_nullable, column_default)
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_name))::regclass AND a.attname = c.column_name
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
      `SELECT format('index %s', indexdef) FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      `SELECT format('constraint %s %s', conname, pg_get_constraintdef(oid)) FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
      `SELECT format('enum %s %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder))
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    ];
    const lines: string[] = [];
    for (const sql of queries) {
      const { rows } = await client.query<{ format: string }>(sql);
      lines.push(...rows.map((row) => row.format));
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

describe("migrations and schema.prisma", () => {
  let migrated: TestDatabase;
  let fromSchema: TestDatabase;

  beforeAll(async () => {
    migrated = await createTestDatabase();
    fromSchema = await createTestDatabase({ migrated: false });
  });
  afterAll(async () => {
    await migrated.drop();
    await fromSchema.drop();
  });

  it("agree: every schema change has a migration", async () => {
    const sql = await pendingSchemaChanges(testServerUrl());
    expect(
      sql,
      `schema.prisma has changes that no migration holds. Run \`${fixCommand}\` to write one.`,
    ).toBe("");
  });

  it("agree: applying the migrations builds exactly the database schema.prisma describes", async () => {
    const script = await diffSchemas(testServerUrl(), undefined, await readSchema());
    await fromSchema.db.$executeRawUnsafe(script);
    expect(
      await describeSchema(migrated.url),
      `The migrations in prisma/migrations build a different database than schema.prisma describes (a migration was edited by hand?). Fix the migration, or run \`${fixCommand}\`.`,
    ).toEqual(await describeSchema(fromSchema.url));
  });

  it("the check catches a field added without a migration, and names the fix", async () => {
    const schema = await readSchema();
    const changed = {
      ...schema,
      content: schema.content.replace("model Shop {", 'model Shop {\n  plan String @default("starter")'),
    };
    const sql = await diffSchemas(testServerUrl(), await readSnapshot(), changed);
    expect(sql).toContain("ADD COLUMN     \"plan\" TEXT NOT NULL DEFAULT 'starter'");
    expect(fixCommand).toBe("pnpm db:migrate:create <name>");
  });

  it("keeps Prisma's layout, so the Prisma CLI can take over", async () => {
    expect(await readFile(paths.lockfile, "utf8")).toContain('provider = "postgresql"');
    const rows = await migrated.db.$queryRaw<{ migration_name: string; finished: boolean }[]>`
      SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations`;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.finished && /^\d{14}_[a-z0-9_]+$/.test(row.migration_name))).toBe(true);
  });
});
