import type { DbOrTx } from "@omnify/db";
import nodemailer, { type Transporter } from "nodemailer";

export interface SmtpSettings {
  /** smtp(s)://user:pass@host:port */
  url: string;
  from: string;
}

export interface SmtpSender {
  transport: Transporter;
  from: string;
  close(): void;
}

export function createSmtpSender({ url, from }: SmtpSettings): SmtpSender {
  const transport = nodemailer.createTransport(url);
  return { transport, from, close: () => transport.close() };
}

export type DeliveryOutcome = "sent" | "already-sent" | "missing";

/**
 * Sends one outbox email. Safe to repeat: a sent email is skipped. On failure
 * the attempt and its error are recorded and the error rethrown, so the job
 * retries with backoff.
 */
export async function deliverEmail(
  db: DbOrTx,
  sender: SmtpSender,
  emailId: string,
): Promise<DeliveryOutcome> {
  const email = await db.emailMessage.findUnique({ where: { id: emailId } });
  if (!email) return "missing";
  if (email.status === "sent") return "already-sent";
  try {
    await sender.transport.sendMail({
      from: sender.from,
      to: email.toAddress,
      subject: email.subject,
      text: email.textBody,
      html: email.htmlBody,
      headers: { "X-Omnify-Email-Id": email.id },
    });
  } catch (error) {
    await db.emailMessage.update({
      where: { id: emailId },
      data: {
        attempts: { increment: 1 },
        status: "failed",
        lastError: (error as Error).message.slice(0, 500),
      },
    });
    throw error;
  }
  await db.emailMessage.update({
    where: { id: emailId },
    data: { attempts: { increment: 1 }, status: "sent", sentAt: new Date(), lastError: null },
  });
  return "sent";
}
