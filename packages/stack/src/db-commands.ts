import { randomBytes } from "node:crypto";
import path from "node:path";
import { createOrPromoteStaff } from "@omnify/auth";
import { repositoryRoot } from "@omnify/config";
import { createDatabase, ensureDatabase } from "@omnify/db";
import { createMigration, fixCommand, pendingSchemaChanges } from "@omnify/db/migrations";
import { parseStackEnv } from "./env.ts";
import { migrateDatabase } from "./migrate.ts";
import { EmbeddedPostgres } from "./postgres.ts";
import { spawnManaged } from "./processes.ts";

/**
 * Runs `work` against DATABASE_URL, or against the embedded server: the running
 * stack's if there is one, otherwise one started just for this command.
 */
export async function withDatabase<T>(
  work: (urls: { server: string; database: string }) => Promise<T>,
): Promise<T> {
  const env = parseStackEnv();
  if (env.DATABASE_URL) return work({ server: env.DATABASE_URL, database: env.DATABASE_URL });
  const postgres = new EmbeddedPostgres({
    dir: path.join(env.OMNIFY_DATA_DIR, "postgres"),
    port: env.EMBEDDED_POSTGRES_PORT,
  });
  const how = await postgres.start();
  try {
    await ensureDatabase(postgres.url(), "omnify");
    return await work({ server: postgres.url(), database: postgres.url("omnify") });
  } finally {
    if (how === "started") await postgres.stop();
  }
}

/**
 * `staff:create <email> [name]`: promotes an existing account to staff, or
 * creates a verified one with STAFF_PASSWORD (or a random password, printed once).
 */
async function createStaff(args: string[]): Promise<void> {
  const [email, ...nameParts] = args;
  if (!email?.includes("@"))
    throw new Error("Usage: pnpm staff:create <email> [name]   (password: STAFF_PASSWORD or generated)");
  const generated = process.env.STAFF_PASSWORD ? null : randomBytes(12).toString("base64url");
  const password = process.env.STAFF_PASSWORD ?? generated ?? "";
  await withDatabase(async ({ database }) => {
    await migrateDatabase(database);
    const db = createDatabase({ url: database, maxConnections: 1 });
    try {
      const name = nameParts.join(" ") || email.split("@")[0] || email;
      const user = await createOrPromoteStaff(db, { email, name, password });
      if (!user.created) return console.log(`${email} is now staff (existing account, password unchanged).`);
      console.log(`Created staff account ${email}.`);
      if (generated) console.log(`Its password, shown once: ${generated}`);
    } finally {
      await db.$disconnect();
    }
  });
}

async function seed(databaseUrl: string): Promise<void> {
  const code = await spawnManaged({
    name: "seed",
    command: process.execPath,
    args: ["--import", "tsx", "prisma/seed.ts"],
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    onLine: (_name, line) => process.stdout.write(`${line}\n`),
  }).exited;
  if (code !== 0) throw new Error(`Seeding failed (exit code ${code})`);
}

export async function runDatabaseCommand(command: string, args: string[]): Promise<void> {
  switch (command) {
    case "db:migrate":
      return withDatabase(async ({ database }) => {
        const applied = await migrateDatabase(database);
        console.log(applied.length ? `Applied: ${applied.join(", ")}` : "No pending migrations.");
      });
    case "db:migrate:create": {
      const [label] = args;
      if (!label) throw new Error(`Name the migration: ${fixCommand}`);
      return withDatabase(async ({ server }) => {
        const dir = await createMigration(server, label);
        console.log(
          dir
            ? `Created ${path.relative(repositoryRoot, dir)}/migration.sql`
            : "schema.prisma has no changes since the last migration.",
        );
      });
    }
    case "db:migrate:check":
      return withDatabase(async ({ server }) => {
        const sql = await pendingSchemaChanges(server);
        if (!sql.trim()) return console.log("Migrations match schema.prisma.");
        console.error(`schema.prisma has changes that no migration holds. Run: ${fixCommand}\n\n${sql}`);
        process.exitCode = 1;
      });
    case "staff:create":
      return createStaff(args);
    case "db:seed":
      return withDatabase(async ({ database }) => {
        await migrateDatabase(database);
        await seed(database);
      });
    default:
      throw new Error(`Unknown command ${command}`);
  }
}
