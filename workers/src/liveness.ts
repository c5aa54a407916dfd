import { hostname } from "node:os";
import { recordHeartbeat } from "@omnify/core";
import type { Db } from "@omnify/db";
import type { Logger } from "@omnify/logger";

export interface LivenessOptions {
  db: Db;
  log: Logger;
  /** This process's Graphile pool id (the `locked_by` of its jobs); null until the pool exists. */
  workerId: () => string | null;
  beatIntervalMs: number;
  deadAfterMs: number;
}

/**
 * Graphile Worker leaves a killed worker's jobs locked for hours. Each worker
 * process records a beat every `beatIntervalMs` and, on the same timer,
 * force-unlocks the jobs and queues of workers that have not beaten for
 * `deadAfterMs`, so their work resumes within a minute on a live worker.
 */
export function startLiveness(options: LivenessOptions): { stop(): Promise<void> } {
  const { db, log, beatIntervalMs, deadAfterMs } = options;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    const workerId = options.workerId();
    if (!workerId) return;
    try {
      await recordHeartbeat(db, { workerId, hostname: hostname(), pid: process.pid, at: new Date() });
      const unlocked = await unlockDeadWorkers(db, workerId, deadAfterMs);
      if (unlocked.length) log.warn({ workers: unlocked }, "unlocked the jobs of dead workers");
      // Every process start is a new worker id: forget the ones gone for a day.
      await db.workerHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(Date.now() - 86_400_000) } } });
    } catch (error) {
      log.error({ err: error }, "liveness check failed");
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, beatIntervalMs);
  running = running.then(tick);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * Workers holding a lock for longer than `deadAfterMs` without a beat in that
 * time are dead; their locks are released. Returns their ids.
 */
export async function unlockDeadWorkers(db: Db, selfId: string, deadAfterMs: number): Promise<string[]> {
  const interval = `${deadAfterMs} milliseconds`;
  const dead = await db.$queryRaw<{ worker: string }[]>`
    SELECT DISTINCT locked_by AS worker FROM (
      SELECT locked_by, locked_at FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL
      UNION ALL
      SELECT locked_by, locked_at FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL
    ) locks
    WHERE locked_by <> ${selfId}
      AND locked_at < now() - ${interval}::interval
      AND NOT EXISTS (
        SELECT 1 FROM worker_heartbeats beat
        WHERE beat.worker_id = locks.locked_by AND beat.beat_at > now() - ${interval}::interval
      )`;
  const workers = dead.map((row) => row.worker);
  if (workers.length) await db.$executeRaw`SELECT graphile_worker.force_unlock_workers(${workers}::text[])`;
  return workers;
}
