import { applyMigrations } from "@omnify/db";
import { Logger, runMigrations } from "graphile-worker";

const silentLogger = new Logger(() => () => {});

/**
 * Our migrations, then Graphile Worker's queue schema: the API queues jobs
 * (emails) in its own transactions, so the queue must exist before the first
 * worker has ever started.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const applied = await applyMigrations(databaseUrl);
  await runMigrations({ connectionString: databaseUrl, logger: silentLogger });
  return applied;
}
