import type { JobName } from "@omnify/jobs";
import type { TaskHandler } from "../task.ts";
import { heartbeat } from "./heartbeat.ts";
import { sendEmail } from "./send-email.ts";

/** The one place tasks are registered; a job without a handler fails type-checking. */
export const taskHandlers: { [Name in JobName]: TaskHandler<Name> } = {
  heartbeat,
  "send-email": sendEmail,
};
