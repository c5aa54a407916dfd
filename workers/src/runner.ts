import { EventEmitter } from "node:events";
import path from "node:path";
import type { JobName } from "@omnify/jobs";
import type { Logger } from "@omnify/logger";
import {
  Logger as GraphileLogger,
  type Runner,
  run,
  type TaskList,
  type WorkerEvents,
} from "graphile-worker";
import { startLiveness } from "./liveness.ts";
import { type TaskDeps, toGraphileTask } from "./task.ts";
import { taskHandlers } from "./tasks/index.ts";

export const crontabFile = path.resolve(import.meta.dirname, "../crontab");

export interface WorkerOptions extends TaskDeps {
  databaseUrl: string;
  concurrency: number;
  pollIntervalMs: number;
  beatIntervalMs: number;
  deadAfterMs: number;
}

/** Graphile's log calls, written as the same pino JSON lines as the API's. */
function graphileLogger(log: Logger): GraphileLogger {
  return new GraphileLogger((scope) => {
    const scoped = log.child({ graphile: scope });
    return (level, message, meta) => {
      const method = level === "warning" ? "warn" : level;
      scoped[method](meta ?? {}, message);
    };
  });
}

export function buildTaskList(deps: TaskDeps): TaskList {
  const names = Object.keys(taskHandlers) as JobName[];
  return Object.fromEntries(names.map((name) => [name, toGraphileTask(name, taskHandlers[name], deps)]));
}

export interface StartedWorker {
  runner: Runner;
  /** Stops taking jobs, lets running ones finish, stops beating. */
  stop(): Promise<void>;
}

/** Starts a worker pool: registered tasks, the crontab, liveness; signal handling left to the caller. */
export async function startWorker(options: WorkerOptions): Promise<StartedWorker> {
  const events: WorkerEvents = new EventEmitter();
  let poolId: string | null = null;
  events.on("pool:create", ({ workerPool }) => {
    poolId = workerPool.id;
  });
  const runner = await run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency,
    pollInterval: options.pollIntervalMs,
    noHandleSignals: true,
    taskList: buildTaskList(options),
    crontabFile,
    logger: graphileLogger(options.log),
    events,
  });
  const liveness = startLiveness({
    db: options.db,
    log: options.log,
    workerId: () => poolId,
    beatIntervalMs: options.beatIntervalMs,
    deadAfterMs: options.deadAfterMs,
  });
  return {
    runner,
    async stop() {
      await runner.stop();
      await liveness.stop();
    },
  };
}
