import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseStackEnv, startStack } from "@omnify/stack";
import { freePort } from "@omnify/stack/testing/free-port";

/**
 * Starts the whole stack as the start command does (built SPAs, embedded
 * PostgreSQL, Soketi, API, worker) on free ports and a fresh data folder.
 * Its output goes to test-results/stack.log.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "omnify-e2e-"));
  chmodSync(dataDir, 0o755);
  mkdirSync(path.join(import.meta.dirname, "../test-results"), { recursive: true });
  const log = createWriteStream(path.join(import.meta.dirname, "../test-results/stack.log"));
  const env = parseStackEnv({
    ...process.env,
    DATABASE_URL: undefined,
    PUSHER_APP_ID: undefined,
    PUSHER_KEY: undefined,
    PUSHER_SECRET: undefined,
    OMNIFY_DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(await freePort()),
    API_PORT: String(await freePort()),
    SOKETI_PORT: String(await freePort()),
    SANDBOX_PORT: String(await freePort()),
  });
  const stack = await startStack({
    mode: "start",
    env,
    onLine: (source, line) => log.write(`${source} | ${line}\n`),
  });
  process.env.E2E_WEB_URL = stack.urls.web;
  process.env.E2E_ADMIN_URL = stack.urls.admin;
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  // Every platform is sandboxed here (no credentials above): specs steer its faults.
  process.env.E2E_SANDBOX_URL = stack.urls.sandbox ?? "";
  return async () => {
    await stack.stop();
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
