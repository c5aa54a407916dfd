import type { DbOrTx } from "@omnify/db";
import type { WorkerHeartbeatView } from "./system-status.ts";

export interface HeartbeatInput {
  workerId: string;
  hostname: string;
  pid: number;
  at: Date;
}

/** One row per worker, holding its latest beat: the list of live workers is a range scan. */
export async function recordHeartbeat(db: DbOrTx, input: HeartbeatInput): Promise<WorkerHeartbeatView> {
  const data = { hostname: input.hostname, pid: input.pid, beatAt: input.at };
  return db.workerHeartbeat.upsert({
    where: { workerId: input.workerId },
    create: { workerId: input.workerId, ...data },
    update: data,
    select: { workerId: true, hostname: true, beatAt: true },
  });
}
