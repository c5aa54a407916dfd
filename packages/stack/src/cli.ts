import { ConfigError, loadDotEnv } from "@omnify/config";
import { generateKeyEntry } from "@omnify/secrets";
import { prettyFactory } from "pino-pretty";
import { runDatabaseCommand } from "./db-commands.ts";
import { parseStackEnv } from "./env.ts";
import { runSecretsCommand } from "./secrets-commands.ts";
import { type StackMode, startStack } from "./stack.ts";

const prettify = prettyFactory({
  colorize: process.stdout.isTTY,
  translateTime: "HH:MM:ss",
  ignore: "pid,hostname",
});

/** JSON log lines of our services are pretty-printed; other tools' lines get a name tag. */
function printLine(source: string, line: string): void {
  if (line.startsWith("{")) {
    try {
      process.stdout.write(prettify(JSON.parse(line)));
      return;
    } catch {
      // Not JSON after all: print as is.
    }
  }
  process.stdout.write(`${source.padEnd(8)}| ${line}\n`);
}

async function runStack(mode: StackMode): Promise<void> {
  const env = parseStackEnv();
  const started = performance.now();
  const stack = await startStack({ mode, env, onLine: printLine });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      "",
      `Omnify is running (${mode} mode, ready in ${seconds}s):`,
      `  Shop owners' app   ${stack.urls.web}`,
      `  Staff console      ${stack.urls.admin}`,
      `  API                ${stack.urls.api}/trpc  (health: ${stack.urls.api}/healthz, ${stack.urls.api}/readyz)`,
      `  Realtime           ${stack.urls.realtime}`,
      ...(stack.urls.sandbox
        ? [
            `  Platform sandbox   ${stack.urls.sandbox}  (stands in for ${stack.sandboxedPlatforms.join(", ")})`,
          ]
        : []),
      `  Database           ${env.DATABASE_URL ? "DATABASE_URL" : `embedded PostgreSQL, data in ${env.OMNIFY_DATA_DIR}/postgres`}`,
      "Press Ctrl-C to stop everything.",
      "",
    ].join("\n"),
  );

  let firstSignalAt = 0;
  const shutdown = (exitCode: number) => async () => {
    // A terminal sends Ctrl-C to the launcher and to us at once: one stop is enough.
    if (firstSignalAt && Date.now() - firstSignalAt < 1_000) return;
    if (firstSignalAt) {
      process.stdout.write("Stopping is in progress; waiting for processes to exit.\n");
      return;
    }
    firstSignalAt = Date.now();
    process.stdout.write("\nStopping Omnify…\n");
    await stack.stop();
    process.stdout.write("Stopped.\n");
    process.exit(exitCode);
  };
  process.on("SIGINT", shutdown(0));
  process.on("SIGTERM", shutdown(0));
  const crashedName = await stack.crashed;
  process.stderr.write(`\n${crashedName} exited unexpectedly; stopping the rest.\n`);
  await shutdown(1)();
}

async function main(): Promise<void> {
  loadDotEnv();
  const [command, ...rest] = process.argv.slice(2);
  if (command === "start" || command === "dev") return runStack(command);
  if (command?.startsWith("db:") || command === "staff:create") return runDatabaseCommand(command, rest);
  if (command === "secrets:new-key") return void console.log(generateKeyEntry());
  if (command?.startsWith("secrets:")) return runSecretsCommand(command);
  throw new Error(
    "Usage: omnify start | dev | db:migrate | db:migrate:create <name> | db:migrate:check | db:seed | staff:create <email> [name] | secrets:new-key | secrets:reencrypt | secrets:rotate",
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
