import { hostname } from "node:os";
import { workOnSyncRun } from "@omnify/core";
import { shopChannel } from "@omnify/realtime";
import type { TaskHandler } from "../task.ts";

/** Works on one sync run until it finishes or has to wait (a later job continues it). */
export const sync: TaskHandler<"sync"> = async ({ runId }, context) => {
  const { job, log, realtime } = context;
  const outcome = await workOnSyncRun(
    {
      ...context,
      settings: context.syncSettings,
      publish: (shopId, event, update) => realtime.publish(shopChannel(shopId), event, update),
    },
    runId,
    {
      workerId: job.locked_by ?? `${hostname()}:${process.pid}`,
      jobId: String(job.id),
      lastAttempt: job.attempts >= job.max_attempts,
    },
  );
  log.info({ runId, outcome }, "sync slice done");
};
