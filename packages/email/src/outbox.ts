import type { DbOrTx } from "@omnify/db";
import { enqueue } from "@omnify/jobs";
import type { Logger } from "@omnify/logger";
import type { RenderedEmail } from "./templates.ts";

export interface Mailer {
  /**
   * Writes the email to the outbox inside the caller's transaction when given
   * one. With SMTP configured it also queues the `send-email` job in that same
   * transaction; without, the email stays in the outbox and its links go to the
   * log, so a local user can follow them.
   */
  send(email: RenderedEmail, tx?: DbOrTx): Promise<{ id: string }>;
  readonly delivers: boolean;
}

export function createMailer({ db, smtp, log }: { db: DbOrTx; smtp: boolean; log: Logger }): Mailer {
  return {
    delivers: smtp,
    async send(email, tx = db) {
      const row = await tx.emailMessage.create({
        data: {
          template: email.template,
          toAddress: email.to,
          subject: email.subject,
          textBody: email.text,
          htmlBody: email.html,
          links: email.links,
          status: smtp ? "queued" : "logged",
        },
        select: { id: true },
      });
      if (smtp) {
        await enqueue(tx, "send-email", { emailId: row.id }, { jobKey: `send-email:${row.id}` });
        log.info({ emailId: row.id, template: email.template }, "email queued");
      } else {
        // Local mode only: no mail server, so the links are how the user proceeds.
        log.info(
          { emailId: row.id, template: email.template, to: email.to, links: email.links },
          `email (not sent, no SMTP_URL): ${email.subject}`,
        );
      }
      return row;
    },
  };
}
