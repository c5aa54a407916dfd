import path from "node:path";
import { defineConfig } from "prisma/config";

// The plain Prisma CLI reads this file; this repository's own migration commands
// (src/migrations) do the same work offline through the WASM schema engine.
const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/omnify" },
});
