import { scheduleDueSyncs } from "@omnify/core";
import type { TaskHandler } from "../task.ts";

/** The hourly tick: queues each active integration's sync, spread over the next minutes. */
export const scheduleSyncs: TaskHandler<"schedule-syncs"> = async (payload, { db, syncSettings, log }) => {
  const at = payload._cron ? new Date(payload._cron.ts) : new Date();
  const { scheduled, full } = await scheduleDueSyncs(db, syncSettings, at);
  log.info({ scheduled, full }, "syncs scheduled");
};
