import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { createMailer, createSmtpSender, verifyEmailMessage } from "@omnify/email";
import { createLogger } from "@omnify/logger";
import { createRealtimePublisher } from "@omnify/realtime/server";
import { Logger, runOnce } from "graphile-worker";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { buildTaskList } from "./runner.ts";
import { withoutPlatforms } from "./testing/sync-world.ts";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let database: TestDatabase;
let smtpServer: SMTPServer;
let smtpPort: number;
let received: Received[] = [];
/** When set, the server refuses every message with this reply. */
let refuseWith: string | null = null;
const log = createLogger({ service: "worker-test", level: "silent" });

beforeAll(async () => {
  database = await createTestDatabase();
  smtpServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refuseWith) return callback(Object.assign(new Error(refuseWith), { responseCode: 550 }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtpServer.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtpServer.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtpServer.close(() => resolve()));
  await database?.drop();
});

beforeEach(() => {
  received = [];
  refuseWith = null;
});

async function runQueuedJobs() {
  const smtp = createSmtpSender({
    url: `smtp://127.0.0.1:${smtpPort}`,
    from: "Omnify <no-reply@omnify.test>",
  });
  try {
    await runOnce({
      connectionString: database.url,
      taskList: buildTaskList({
        db: database.db,
        log,
        smtp,
        realtime: createRealtimePublisher({
          appId: "a",
          key: "k",
          secret: "s",
          cluster: "mt1",
          useTLS: false,
        }),
        ...withoutPlatforms(),
      }),
      logger: new Logger(() => () => {}),
    });
  } finally {
    smtp.close();
  }
}

const unfold = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/\r?\n[ \t]/g, " ");

it("an email queued with SMTP configured is delivered once, with its link, and marked sent", async () => {
  const mailer = createMailer({ db: database.db, smtp: true, log });
  const link = "http://omnify.test/api/auth/verify-email?token=abc123";
  const { id } = await mailer.send(verifyEmailMessage({ to: "ada@example.com", name: "Ada", url: link }));

  await runQueuedJobs();
  expect(received).toHaveLength(1);
  expect(received[0]?.to).toEqual(["ada@example.com"]);
  expect(received[0]?.from).toBe("no-reply@omnify.test");
  const raw = unfold(received[0]?.raw ?? "");
  expect(raw).toContain("Subject: Verify your email for Omnify");
  expect(raw).toContain(link);
  expect(raw.toLowerCase()).toContain(`x-omnify-email-id: ${id}`);
  expect(await database.db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "sent",
    attempts: 1,
    lastError: null,
  });

  // A repeated job (Graphile runs jobs at least once) does not send it again.
  await database.db
    .$executeRaw`SELECT graphile_worker.add_job('send-email', ${JSON.stringify({ emailId: id })}::json)`;
  await runQueuedJobs();
  expect(received).toHaveLength(1);
});

it("a refused email is recorded as failed with the server's reason, and its job stays for a retry", async () => {
  refuseWith = "Mailbox unavailable";
  const mailer = createMailer({ db: database.db, smtp: true, log });
  const { id } = await mailer.send(
    verifyEmailMessage({ to: "bounce@example.com", name: "B", url: "http://omnify.test/x" }),
  );
  await runQueuedJobs();
  expect(received).toHaveLength(0);
  const email = await database.db.emailMessage.findUniqueOrThrow({ where: { id } });
  expect(email).toMatchObject({ status: "failed", attempts: 1 });
  expect(email.lastError).toMatch(/Mailbox unavailable/);
  const [job] = await database.db.$queryRaw<{ attempts: number; max_attempts: number }[]>`
    SELECT attempts, max_attempts FROM graphile_worker.jobs WHERE task_identifier = 'send-email'`;
  expect(job).toMatchObject({ attempts: 1, max_attempts: 8 });
});

it("without SMTP the email stays in the outbox, is logged, and no job is queued", async () => {
  const lines: unknown[] = [];
  const captureLog = createLogger({ service: "t", level: "info" });
  captureLog.info = ((object: unknown) => lines.push(object)) as typeof captureLog.info;
  const mailer = createMailer({ db: database.db, smtp: false, log: captureLog });
  const queuedJobs = async () =>
    (
      await database.db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE task_identifier = 'send-email'`
    )[0]?.count;
  const jobsBefore = await queuedJobs();
  const { id } = await mailer.send(
    verifyEmailMessage({ to: "local@example.com", name: "L", url: "http://omnify.test/verify?token=t" }),
  );
  expect(await database.db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "logged",
  });
  expect(lines).toEqual([expect.objectContaining({ links: ["http://omnify.test/verify?token=t"] })]);
  expect(await queuedJobs()).toBe(jobsBefore);
});
