import { deliverEmail } from "@omnify/email";
import type { TaskHandler } from "../task.ts";

/** Sends one outbox email; a failure is retried by Graphile with backoff. */
export const sendEmail: TaskHandler<"send-email"> = async ({ emailId }, { db, smtp, log }) => {
  if (!smtp) throw new Error("An email is queued for SMTP delivery but this worker has no SMTP_URL.");
  const outcome = await deliverEmail(db, smtp, emailId);
  log.info({ emailId, outcome }, "email delivery");
};
