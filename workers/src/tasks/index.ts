import type { JobName } from "@omnify/jobs";
import type { TaskHandler } from "../task.ts";
import { aggregate } from "./aggregate.ts";
import { heartbeat } from "./heartbeat.ts";
import { scheduleSyncs } from "./schedule-syncs.ts";
import { sendEmail } from "./send-email.ts";
import { sync } from "./sync.ts";

/** The one place tasks are registered; a job without a handler fails type-checking. */
export const taskHandlers: { [Name in JobName]: TaskHandler<Name> } = {
  heartbeat,
  "send-email": sendEmail,
  sync,
  aggregate,
  "schedule-syncs": scheduleSyncs,
};
