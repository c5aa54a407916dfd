import type { DbOrTx } from "@omnify/db";
import { z } from "zod";

/**
 * Every background job: its identifier, payload schema and retry policy. Workers
 * build their task list from this registry (each handler parses its payload
 * first: jobs queued by older deploys or from SQL bypass types); producers get
 * a typed `enqueue`. Version a job's name when its payload changes incompatibly.
 */
/** Graphile Worker adds `_cron` to the payload of jobs it queues from the crontab. */
const scheduledPayload = z
  .object({ _cron: z.object({ ts: z.string(), backfilled: z.boolean().optional() }).optional() })
  .strict();

export const jobs = {
  /** Records that a worker is alive and tells the browsers. Scheduled every minute. */
  heartbeat: {
    payload: scheduledPayload,
    // The next minute's run replaces a failed one: no retry.
    maxAttempts: 1,
  },
  /** Sends one outbox email over SMTP; a sent email is never sent again. */
  "send-email": {
    payload: z.object({ emailId: z.uuid() }).strict(),
    maxAttempts: 8,
  },
} satisfies Record<string, JobDefinition>;

export interface JobDefinition {
  payload: z.ZodType;
  maxAttempts: number;
}

export type JobName = keyof typeof jobs;
export type JobPayload<Name extends JobName> = z.input<(typeof jobs)[Name]["payload"]>;

export interface EnqueueOptions {
  /** Collapses repeats: a pending job with the same key is replaced, not duplicated. */
  jobKey?: string;
  runAt?: Date;
  queueName?: string;
}

/**
 * Queues a job inside the caller's transaction (or on the client directly), so a
 * job exists exactly when the write that needs it commits.
 */
export async function enqueue<Name extends JobName>(
  db: DbOrTx,
  name: Name,
  payload: JobPayload<Name>,
  options: EnqueueOptions = {},
): Promise<void> {
  const definition: JobDefinition = jobs[name];
  const data = definition.payload.parse(payload);
  await db.$executeRaw`
    SELECT graphile_worker.add_job(
      identifier => ${name}::text,
      payload => ${JSON.stringify(data)}::json,
      queue_name => ${options.queueName ?? null}::text,
      run_at => ${options.runAt ?? null}::timestamptz,
      max_attempts => ${definition.maxAttempts}::int,
      job_key => ${options.jobKey ?? null}::text
    )`;
}
