export { parseStackEnv, type StackEnv } from "./env.ts";
export { migrateDatabase } from "./migrate.ts";
export { EmbeddedPostgres } from "./postgres.ts";
export { type RunningStack, type StackMode, startStack } from "./stack.ts";
