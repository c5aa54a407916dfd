import type { Connectors } from "@omnify/connectors";
import type { SyncSettings } from "@omnify/core";
import type { Db } from "@omnify/db";
import type { SmtpSender } from "@omnify/email";
import { type JobName, jobs } from "@omnify/jobs";
import type { Logger } from "@omnify/logger";
import type { RealtimePublisher } from "@omnify/realtime/server";
import type { SecretBox } from "@omnify/secrets";
import type { JobHelpers, Task } from "graphile-worker";
import type { z } from "zod";

/** What every task handler gets besides its payload. */
export interface TaskDeps {
  db: Db;
  log: Logger;
  realtime: RealtimePublisher;
  /** Null when SMTP_URL is not set: emails then stay in the outbox. */
  smtp: SmtpSender | null;
  connectors: Connectors;
  secrets: SecretBox;
  syncSettings: SyncSettings;
  /** The clock syncs plan with (tests pin it to the sandbox's). */
  now: () => Date;
}

export interface TaskContext extends TaskDeps {
  job: JobHelpers["job"];
}

type ParsedPayload<Name extends JobName> = z.output<(typeof jobs)[Name]["payload"]>;

export type TaskHandler<Name extends JobName> = (
  payload: ParsedPayload<Name>,
  context: TaskContext,
) => Promise<void>;

/** Wraps a handler so it validates its payload first and logs with the job's identity. */
export function toGraphileTask<Name extends JobName>(
  name: Name,
  handler: TaskHandler<Name>,
  deps: TaskDeps,
): Task {
  return async (rawPayload, helpers) => {
    const payload = jobs[name].payload.parse(rawPayload) as ParsedPayload<Name>;
    const log = deps.log.child({ task: name, jobId: helpers.job.id, attempt: helpers.job.attempts });
    await handler(payload, { ...deps, log, job: helpers.job });
  };
}
