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
  /**
   * Works on one sync run from its checkpoint until it finishes or must wait
   * (a rate limit or a backoff puts a new job on the queue for later). Queued
   * per integration, so one integration never syncs twice at once.
   */
  sync: {
    payload: z.object({ runId: z.uuid() }).strict(),
    // Expected failures (rate limits, platform errors) are handled by the task;
    // these attempts cover crashes and killed workers.
    maxAttempts: 10,
  },
  /** Rebuilds a shop's daily rollups for a range of its days. */
  aggregate: {
    payload: z
      .object({
        shopId: z.uuid(),
        since: z.iso.date(),
        until: z.iso.date(),
      })
      .strict()
      .refine((range) => range.since <= range.until, { error: "since must not be after until" }),
    maxAttempts: 5,
  },
  /** Hourly: queues the syncs that are due (incremental, or the nightly full lookback at 02:00 shop time). */
  "schedule-syncs": {
    payload: scheduledPayload,
    maxAttempts: 3,
  },
} satisfies Record<string, JobDefinition>;

export interface JobDefinition {
  payload: z.ZodType;
  maxAttempts: number;
}

export type JobName = keyof typeof jobs;
export type JobPayload<Name extends JobName> = z.input<(typeof jobs)[Name]["payload"]>;

export interface EnqueueOptions {
  /**
   * Collapses repeats: a pending job with the same key is replaced, not
   * duplicated. If the keyed job is running, a new job is queued after it.
   */
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
