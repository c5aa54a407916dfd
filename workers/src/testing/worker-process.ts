import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { testKeys } from "./sync-world.ts";

const workersDir = path.resolve(import.meta.dirname, "../..");

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves once the worker logged that it started taking jobs. */
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** Everything it wrote, for failure messages. */
  output(): string;
}

/**
 * Starts `workers/src/main.ts` as its own process, as the stack does, against
 * `databaseUrl` and the sandbox's platform variables. Realtime points at a
 * closed port: publishing fails and is logged, which a sync survives.
 */
export function spawnWorker(databaseUrl: string, env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workersDir,
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      DATABASE_URL: databaseUrl,
      ENCRYPTION_KEYS: testKeys,
      PUSHER_APP_ID: "test",
      PUSHER_KEY: "test",
      PUSHER_SECRET: "test",
      PUSHER_HOST: "127.0.0.1",
      PUSHER_PORT: "9",
      PUSHER_USE_TLS: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('"msg":"worker started"')) markReady();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    ready: Promise.race([
      ready,
      exited.then(() => Promise.reject(new Error(`worker exited early:\n${output}`))),
    ]),
    exited,
    output: () => output,
  };
}

/** SIGTERM, then wait for a graceful exit. */
export async function stopWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode !== null) return;
  worker.child.kill("SIGTERM");
  await worker.exited;
}
