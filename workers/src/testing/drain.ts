import { EventEmitter } from "node:events";
import type { Db } from "@omnify/db";
import { Logger, run, type WorkerEvents } from "graphile-worker";
import { startLiveness } from "../liveness.ts";
import { buildTaskList } from "../runner.ts";
import type { TaskDeps } from "../task.ts";

const silent = new Logger(() => () => {});

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** True when no run is queued or running and no sync or aggregate job is left. */
export async function syncsSettled(db: Db): Promise<boolean> {
  const [state] = await db.$queryRaw<{ active: number; jobs: number }[]>`
    SELECT (SELECT count(*)::int FROM sync_runs WHERE status IN ('queued', 'running')) AS active,
           (SELECT count(*)::int FROM graphile_worker.jobs
             WHERE task_identifier IN ('sync', 'aggregate') AND attempts < max_attempts) AS jobs`;
  return state?.active === 0 && state.jobs === 0;
}

/**
 * Runs an in-process worker pool, with liveness (so the jobs of a worker that
 * died before are taken over), until every queued sync and its rollups are done.
 */
export async function drainSyncs(deps: TaskDeps, databaseUrl: string, timeoutMs = 120_000) {
  const events: WorkerEvents = new EventEmitter();
  let poolId: string | null = null;
  events.on("pool:create", ({ workerPool }) => {
    poolId = workerPool.id;
  });
  const liveness = startLiveness({
    db: deps.db,
    log: deps.log,
    workerId: () => poolId,
    beatIntervalMs: 250,
    deadAfterMs: 1_500,
  });
  const runner = await run({
    events,
    connectionString: databaseUrl,
    concurrency: 4,
    pollInterval: 100,
    noHandleSignals: true,
    taskList: buildTaskList(deps),
    logger: silent,
  });
  try {
    await waitUntil(() => syncsSettled(deps.db), timeoutMs, "syncs to settle").catch(async (error) => {
      const runs = await deps.db.syncRun.findMany({
        where: { status: { in: ["queued", "running"] } },
        select: {
          id: true,
          status: true,
          nextStep: true,
          failureStreak: true,
          waitingUntil: true,
          error: true,
        },
      });
      const jobs = await deps.db.$queryRaw<unknown[]>`
        SELECT task_identifier, queue_name, run_at, attempts, max_attempts, locked_by, last_error
        FROM graphile_worker.jobs WHERE task_identifier IN ('sync', 'aggregate')`;
      throw new Error(`${error.message}: runs ${JSON.stringify(runs)}, jobs ${JSON.stringify(jobs)}`);
    });
  } finally {
    await runner.stop();
    await liveness.stop();
  }
}
