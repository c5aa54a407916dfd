import { hostname } from "node:os";
import { recordHeartbeat } from "@omnify/core";
import { systemChannel } from "@omnify/realtime";
import type { TaskHandler } from "../task.ts";

/** Records this worker's beat and pushes it to every open dashboard. */
export const heartbeat: TaskHandler<"heartbeat"> = async (_payload, { db, realtime, job, log }) => {
  const beat = await recordHeartbeat(db, {
    workerId: job.locked_by ?? `${hostname()}:${process.pid}`,
    hostname: hostname(),
    pid: process.pid,
    at: new Date(),
  });
  await realtime.publish(systemChannel, "worker.heartbeat", {
    workerId: beat.workerId,
    hostname: beat.hostname,
    beatAt: beat.beatAt.toISOString(),
  });
  log.debug({ workerId: beat.workerId }, "heartbeat");
};
