import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repositoryRoot } from "@omnify/config";
import { createDatabase } from "@omnify/db";
import { EmbeddedPostgres } from "@omnify/stack";
import { freePort } from "@omnify/stack/testing/free-port";
import { expect, test } from "@playwright/test";
import { descendants, isAlive, processesMentioning } from "../support/processes.ts";

// The start command itself (the stack CLI that `npm start` runs after installing),
// on its own ports and data folder: it starts everything, a second start reuses
// the data, and Ctrl-C (SIGINT) leaves nothing running.

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startCommand(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/stack/src/cli.ts", "start"], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("Press Ctrl-C to stop everything.")) {
        clearInterval(timer);
        resolve({ child, output: () => output, exited });
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`start command exited (${code}) before it was ready:\n${output}`));
    });
  });
}

async function interruptAndCheckNothingRemains(started: Started, dataDir: string): Promise<void> {
  const pids = descendants(started.child.pid ?? 0);
  expect(pids.length, "postgres, soketi, api and worker at least").toBeGreaterThanOrEqual(4);
  started.child.kill("SIGINT");
  expect(await started.exited).toBe(0);
  expect(pids.filter(isAlive), started.output()).toEqual([]);
  expect(processesMentioning(dataDir)).toEqual([]);
}

test("start brings everything up, a second start reuses the data, and SIGINT leaves no process behind", async () => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "omnify-start-"));
  chmodSync(dataDir, 0o755);
  const postgresPort = await freePort();
  const env = {
    OMNIFY_DATA_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(postgresPort),
    API_PORT: String(await freePort()),
    SOKETI_PORT: String(await freePort()),
    DATABASE_URL: "",
    PUSHER_APP_ID: "",
    PUSHER_KEY: "",
    PUSHER_SECRET: "",
  };
  try {
    const first = await startCommand(env);
    expect(first.output()).toContain("Seeded demo shop");
    for (const label of ["Shop owners' app", "Staff console", "API", "Realtime"]) {
      expect(first.output()).toMatch(new RegExp(`${label}\\s+(http|ws)://`));
    }
    const apiUrl = first.output().match(/API\s+(http:\/\/\S+)\/trpc/)?.[1];
    expect((await fetch(`${apiUrl}/readyz`)).status).toBe(200);
    expect((await fetch(`${apiUrl}/`)).headers.get("content-type")).toContain("text/html");

    const databaseUrl = new EmbeddedPostgres({ dir: path.join(dataDir, "postgres"), port: postgresPort }).url(
      "omnify",
    );
    const db = createDatabase({ url: databaseUrl, maxConnections: 1 });
    const shop = await db.shop.findUniqueOrThrow({ where: { slug: "demo" } });
    await db.$disconnect();
    await interruptAndCheckNothingRemains(first, dataDir);

    const second = await startCommand(env);
    expect(second.output()).toContain("already present; nothing to seed");
    expect(second.output()).toContain("database schema is current");
    const again = createDatabase({ url: databaseUrl, maxConnections: 1 });
    expect((await again.shop.findUniqueOrThrow({ where: { slug: "demo" } })).id).toBe(shop.id);
    await again.$disconnect();
    await interruptAndCheckNothingRemains(second, dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
