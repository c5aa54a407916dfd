import { type ChildProcess, spawn } from "node:child_process";
import { createConnection } from "node:net";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Each output line goes here (the CLI prints it; tests may collect it). */
  onLine: (name: string, line: string) => void;
}

/**
 * Starts a long-lived child in its own process group, so that stopping it also
 * stops whatever it started, and so a terminal's Ctrl-C reaches only the stack,
 * which then stops children in order.
 */
export function spawnManaged({ name, command, args, cwd, env, onLine }: SpawnOptions): ManagedProcess {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", (line) => onLine(name, line));
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.once("error", (error) => {
      onLine(name, `failed to start: ${error.message}`);
      resolve(-1);
    });
  });
  return { name, child, exited };
}

/** SIGTERM to the process group, then SIGKILL if it is still there after `graceMs`. */
export async function stopManaged(process_: ManagedProcess, graceMs = 15_000): Promise<void> {
  const { child } = process_;
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  signalGroup(child.pid, "SIGTERM");
  const timedOut = await Promise.race([process_.exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    signalGroup(child.pid, "SIGKILL");
    await process_.exited;
  }
  // Grandchildren that outlived their parent still belong to the group.
  signalGroup(child.pid, "SIGKILL");
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  {
    timeoutMs = 60_000,
    intervalMs = 200,
    failFast,
  }: { timeoutMs?: number; intervalMs?: number; failFast?: Promise<unknown> } = {},
): Promise<void> {
  let failed = false;
  void failFast?.then(() => {
    failed = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (failed) throw new Error(`${what}: the process exited before it was ready`);
    if (await check().catch(() => false)) return;
    await sleep(intervalMs);
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000}s`);
}

export function isPortOpen(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
