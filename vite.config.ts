import path from "node:path";
import { defineConfig } from "vitest/config";

// The root Vitest config: one project per package, one real PostgreSQL for the
// run (started by the global setup), each integration test file on its own
// database cloned from a migrated template.
//   *.test.ts             fast unit tests of pure functions
//   *.integration.test.ts against the real database (and real local servers)
const packages = [
  "packages/config",
  "packages/connectors",
  "packages/core",
  "packages/db",
  "packages/jobs",
  "packages/realtime",
  "packages/sandbox",
  "packages/secrets",
  "packages/stack",
  "packages/trpc",
  "packages/ui",
  "packages/client",
  "apps/api",
  "apps/web",
  "apps/admin",
  "workers",
];

export default defineConfig({
  test: {
    globalSetup: [path.resolve(import.meta.dirname, "packages/stack/src/testing/global-setup.ts")],
    projects: packages.map((dir) => ({
      extends: true,
      test: {
        name: dir,
        root: path.resolve(import.meta.dirname, dir),
        include: ["src/**/*.test.{ts,tsx}"],
      },
    })),
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // 2 cores on CI machines: more workers only queue on PostgreSQL.
    maxWorkers: 2,
  },
});
