import path from "node:path";
import type { Db } from "@omnify/db";
import type { SmtpSender } from "@omnify/email";
import type { JobName } from "@omnify/jobs";
import type { Logger } from "@omnify/logger";
import type { RealtimePublisher } from "@omnify/realtime/server";
import { Logger as GraphileLogger, type Runner, run, type TaskList } from "graphile-worker";
import { toGraphileTask } from "./task.ts";
import { taskHandlers } from "./tasks/index.ts";

export const crontabFile = path.resolve(import.meta.dirname, "../crontab");

export interface WorkerOptions {
  db: Db;
  databaseUrl: string;
  log: Logger;
  realtime: RealtimePublisher;
  smtp: SmtpSender | null;
  concurrency: number;
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

export function buildTaskList(deps: Pick<WorkerOptions, "db" | "log" | "realtime" | "smtp">): TaskList {
  const names = Object.keys(taskHandlers) as JobName[];
  return Object.fromEntries(names.map((name) => [name, toGraphileTask(name, taskHandlers[name], deps)]));
}

/** Starts a worker pool: registered tasks, the crontab, signal handling left to the caller. */
export function startWorker(options: WorkerOptions): Promise<Runner> {
  return run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency,
    noHandleSignals: true,
    taskList: buildTaskList(options),
    crontabFile,
    logger: graphileLogger(options.log),
  });
}
