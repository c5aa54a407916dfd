import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const apiDir = path.resolve(import.meta.dirname, "..");

function startApi(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH,
      PUSHER_APP_ID: "a",
      PUSHER_KEY: "k",
      PUSHER_SECRET: "s",
      APP_URL: "http://localhost:3000",
      AUTH_SECRET: "a-test-secret-of-at-least-32-characters",
      ENCRYPTION_KEYS: "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      ...env,
    },
    encoding: "utf8",
    timeout: 30_000,
  });
}

it("a malformed DATABASE_URL stops the API at once with one line naming it", () => {
  const result = startApi({ DATABASE_URL: "not-a-url" });
  expect(result.status).not.toBe(0);
  expect(result.status).not.toBeNull();
  const lines = result.stderr.trim().split("\n");
  expect(lines).toEqual([
    "Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// connection URL",
  ]);
});

it("names every missing variable, never their values", () => {
  const result = startApi({
    DATABASE_URL: "postgresql://user:hunter2@localhost:1/db",
    API_PORT: "eighty",
    PUSHER_SECRET: "",
    AUTH_SECRET: "too-short-hunter3",
    ENCRYPTION_KEYS: "k1:aHVudGVyNA==",
  });
  expect(result.status).not.toBe(0);
  expect(result.stderr.trim()).toBe(
    "Invalid configuration: API_PORT must be a port number (1-65535); AUTH_SECRET must be at least 32 characters; ENCRYPTION_KEYS is invalid: key k1 must be 32 bytes (base64 of 32 random bytes); PUSHER_SECRET is required: the Pusher app secret",
  );
  expect(result.stderr).not.toContain("hunter2");
  expect(result.stderr).not.toContain("hunter3");
  expect(result.stderr).not.toContain("aHVudGVyNA");
});
