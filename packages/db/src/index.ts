export * from "./client.ts";
export {
  applyMigrations,
  ensureDatabase,
  getMigrationState,
  type MigrationState,
} from "./migrations/index.ts";
