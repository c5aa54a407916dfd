import path from "node:path";
import { repositoryRoot } from "@omnify/config";
import { ensureDatabase } from "@omnify/db";
import { platformCredentialVariables, sandboxPlatformEnv } from "@omnify/sandbox/hosts";
import type { StackEnv } from "./env.ts";
import { localAuthSecret, localEncryptionKeys } from "./local-secrets.ts";
import { migrateDatabase } from "./migrate.ts";
import { EmbeddedPostgres } from "./postgres.ts";
import { isPortOpen, type ManagedProcess, spawnManaged, stopManaged, waitFor } from "./processes.ts";

export type StackMode = "start" | "dev";

/** Vite's dev servers (apps/web, apps/admin), which proxy the API. */
const devServerOrigins = ["http://localhost:5173", "http://localhost:5174"];

function withLoopbackAliases(origin: string): string[] {
  const url = new URL(origin);
  if (url.hostname !== "localhost" && url.hostname !== "127.0.0.1") return [url.origin];
  return ["localhost", "127.0.0.1"].map((host) => `${url.protocol}//${host}:${url.port}`);
}

export interface StackOptions {
  mode: StackMode;
  env: StackEnv;
  onLine: (source: string, line: string) => void;
  /** Build the SPAs before serving them (start mode). Turbo's cache makes a repeat build instant. */
  build?: boolean;
}

export interface RunningStack {
  urls: { web: string; admin: string; api: string; realtime: string; sandbox: string | null };
  /** Platforms served by the local sandbox (those without credentials in the environment). */
  sandboxedPlatforms: string[];
  databaseUrl: string;
  /** Environment the API and worker run with (for tools that talk to the same services). */
  serviceEnv: NodeJS.ProcessEnv;
  /** Resolves with a process's name if one exits while the stack runs. */
  crashed: Promise<string>;
  /** Process ids of everything the stack started. */
  pids(): number[];
  stop(): Promise<void>;
}

const localSoketiApp = { id: "omnify", key: "omnify-local-key", secret: "omnify-local-secret" };

/** Platforms whose credentials are not all set: the sandbox stands in for them. */
function platformsWithoutCredentials(environment: NodeJS.ProcessEnv): string[] {
  return Object.entries(platformCredentialVariables)
    .filter(([, names]) => names.some((name) => !environment[name]))
    .map(([platform]) => platform);
}

/** The sandbox's base URLs and app credentials, for the platforms it stands in for. */
function sandboxEnvFor(platforms: string[], sandboxUrl: string): NodeJS.ProcessEnv {
  const prefixes = platforms.map((platform) => `${platform.toUpperCase()}_`);
  return Object.fromEntries(
    Object.entries(sandboxPlatformEnv(sandboxUrl)).filter(([name]) =>
      prefixes.some((prefix) => name.startsWith(prefix)),
    ),
  );
}

export async function startStack({
  mode,
  env,
  onLine,
  build = mode === "start",
}: StackOptions): Promise<RunningStack> {
  const processes: ManagedProcess[] = [];
  let postgres: EmbeddedPostgres | undefined;
  let stopping = false;
  const nodeEnv = env.NODE_ENV === "development" && mode === "start" ? "production" : env.NODE_ENV;

  const stop = async () => {
    stopping = true;
    for (const managed of [...processes].reverse()) await stopManaged(managed);
    await postgres?.stop();
  };

  const launch = (
    name: string,
    command: string,
    args: string[],
    cwd: string,
    extraEnv: NodeJS.ProcessEnv,
  ) => {
    const managed = spawnManaged({
      name,
      command,
      args,
      cwd,
      env: { ...process.env, ...extraEnv },
      onLine,
    });
    processes.push(managed);
    return managed;
  };

  const runToCompletion = async (
    name: string,
    command: string,
    args: string[],
    extraEnv: NodeJS.ProcessEnv = {},
  ) => {
    const code = await spawnManaged({
      name,
      command,
      args,
      cwd: repositoryRoot,
      env: { ...process.env, ...extraEnv },
      onLine,
    }).exited;
    if (code !== 0) throw new Error(`${name} failed (exit code ${code})`);
  };

  try {
    if (build) {
      await runToCompletion(
        "build",
        bin("turbo"),
        ["run", "build", "--filter=@omnify/web", "--filter=@omnify/admin", "--output-logs=errors-only"],
        {
          TURBO_TELEMETRY_DISABLED: "1",
        },
      );
    }

    // The sandbox starts first and in parallel: it only needs to be up before the API.
    const sandboxedPlatforms = platformsWithoutCredentials(process.env);
    const sandboxUrl = sandboxedPlatforms.length ? `http://127.0.0.1:${env.SANDBOX_PORT}` : null;
    const sandboxReady = sandboxUrl
      ? (() => {
          const sandbox = launch(
            "sandbox",
            process.execPath,
            ["--import", "tsx", "src/main.ts"],
            path.join(repositoryRoot, "packages/sandbox"),
            { SANDBOX_HOST: "127.0.0.1", SANDBOX_PORT: String(env.SANDBOX_PORT), LOG_LEVEL: env.LOG_LEVEL },
          );
          return waitFor("Sandbox", async () => (await fetch(`${sandboxUrl}/__sandbox/health`)).ok, {
            failFast: sandbox.exited,
          });
        })()
      : Promise.resolve();
    // Surfaced when awaited below; this only keeps an early failure from being reported as unhandled.
    sandboxReady.catch(() => undefined);

    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      postgres = new EmbeddedPostgres({
        dir: path.join(env.OMNIFY_DATA_DIR, "postgres"),
        port: env.EMBEDDED_POSTGRES_PORT,
        onLog: (line) => onLine("postgres", line),
      });
      await postgres.start();
      await ensureDatabase(postgres.url(), "omnify");
      databaseUrl = postgres.url("omnify");
    }

    const applied = await migrateDatabase(databaseUrl);
    onLine("migrate", applied.length ? `applied ${applied.join(", ")}` : "database schema is current");
    await runToCompletion("seed", process.execPath, ["--import", "tsx", "prisma/seed.ts"], {
      DATABASE_URL: databaseUrl,
    });

    const realtimeEnv = env.PUSHER_KEY
      ? {}
      : {
          PUSHER_APP_ID: localSoketiApp.id,
          PUSHER_KEY: localSoketiApp.key,
          PUSHER_SECRET: localSoketiApp.secret,
          PUSHER_HOST: "127.0.0.1",
          PUSHER_PORT: String(env.SOKETI_PORT),
          PUSHER_USE_TLS: "false",
        };
    if (!env.PUSHER_KEY) {
      const soketi = launch(
        "realtime",
        bin("soketi", "apps/realtime"),
        ["start"],
        path.join(repositoryRoot, "apps/realtime"),
        {
          SOKETI_DEFAULT_APP_ID: localSoketiApp.id,
          SOKETI_DEFAULT_APP_KEY: localSoketiApp.key,
          SOKETI_DEFAULT_APP_SECRET: localSoketiApp.secret,
          SOKETI_HOST: "127.0.0.1",
          SOKETI_PORT: String(env.SOKETI_PORT),
          SOKETI_METRICS_SERVER_PORT: String(env.SOKETI_PORT + 1),
        },
      );
      await waitFor("Soketi", () => isPortOpen(env.SOKETI_PORT), { failFast: soketi.exited });
    }

    const apiUrl = `http://${env.API_HOST === "0.0.0.0" ? "127.0.0.1" : env.API_HOST}:${env.API_PORT}`;
    const webOrigins = mode === "dev" ? devServerOrigins : [apiUrl];
    const serviceEnv: NodeJS.ProcessEnv = {
      NODE_ENV: nodeEnv,
      LOG_LEVEL: env.LOG_LEVEL,
      DATABASE_URL: databaseUrl,
      API_HOST: env.API_HOST,
      API_PORT: String(env.API_PORT),
      SERVE_SPAS: String(mode === "start"),
      APP_URL: env.APP_URL ?? webOrigins[0],
      // The same pages reached as localhost or 127.0.0.1 are both ours.
      TRUSTED_ORIGINS: webOrigins.flatMap(withLoopbackAliases).join(","),
      AUTH_SECRET: env.AUTH_SECRET ?? localAuthSecret(env.OMNIFY_DATA_DIR),
      ENCRYPTION_KEYS: env.ENCRYPTION_KEYS ?? localEncryptionKeys(env.OMNIFY_DATA_DIR),
      ...(sandboxUrl ? sandboxEnvFor(sandboxedPlatforms, sandboxUrl) : {}),
      ...(env.SMTP_URL ? { SMTP_URL: env.SMTP_URL } : {}),
      ...(env.EMAIL_FROM ? { EMAIL_FROM: env.EMAIL_FROM } : {}),
      ...realtimeEnv,
    };
    await sandboxReady;
    const watch = mode === "dev" ? ["--watch"] : [];
    const api = launch(
      "api",
      process.execPath,
      [...watch, "--import", "tsx", "src/main.ts"],
      path.join(repositoryRoot, "apps/api"),
      serviceEnv,
    );
    await waitFor("API", async () => (await fetch(`${apiUrl}/readyz`)).ok, { failFast: api.exited });

    launch(
      "worker",
      process.execPath,
      [...watch, "--import", "tsx", "src/main.ts"],
      path.join(repositoryRoot, "workers"),
      serviceEnv,
    );

    let urls = {
      web: `${apiUrl}/`,
      admin: `${apiUrl}/admin/`,
      api: apiUrl,
      realtime: `ws://127.0.0.1:${realtimeEnv.PUSHER_PORT ?? env.PUSHER_PORT}`,
      sandbox: sandboxUrl,
    };
    if (mode === "dev") {
      for (const app of ["web", "admin"] as const) {
        launch(app, bin("vite", `apps/${app}`), [], path.join(repositoryRoot, "apps", app), {
          API_PORT: String(env.API_PORT),
        });
      }
      urls = { ...urls, web: `${devServerOrigins[0]}/`, admin: `${devServerOrigins[1]}/admin/` };
    }

    const crashed = Promise.race(processes.map((managed) => managed.exited.then(() => managed.name))).then(
      async (name) => {
        // A crash while stopping is the stop itself.
        if (stopping) return new Promise<string>(() => {});
        return name;
      },
    );

    return {
      urls,
      sandboxedPlatforms,
      databaseUrl,
      serviceEnv,
      crashed,
      pids: () =>
        [postgres?.pid, ...processes.map((managed) => managed.child.pid)].filter(
          (pid): pid is number => !!pid,
        ),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A package's own executable from node_modules/.bin. */
function bin(name: string, packageDir = "."): string {
  return path.join(repositoryRoot, packageDir, "node_modules", ".bin", name);
}
