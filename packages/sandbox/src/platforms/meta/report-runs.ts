import type { ReportingSnapshot, SandboxAccount } from "../../dataset/index.ts";
import type { SandboxContext } from "../../platform.ts";
import { epochSeconds } from "../../tokens.ts";
import type { GraphRow } from "./entities.ts";
import type { InsightQuery } from "./insights.ts";

/**
 * Async insights jobs (AdReportRun). A job moves Job Not Started → Job
 * Running (percent rising) → Job Completed over `tuning.asyncJobPolls` status
 * reads; its rows are those of the moment it completes, like Meta's snapshot
 * (the clock and the restatement count are kept, and pages are worked out
 * from them when read, so a large report is never held whole).
 * Jobs live in memory: a restarted sandbox has forgotten them, as a client
 * should be ready for (Meta drops old report runs too).
 */
export interface ReportRun {
  id: string;
  account: SandboxAccount;
  clientId: string;
  query: InsightQuery;
  timeRef: number;
  polls: number;
  timeCompleted: number | null;
  /** Set when the job completes: what its rows are as of. */
  snapshot: ReportingSnapshot | null;
}

export type AsyncStatus = "Job Not Started" | "Job Running" | "Job Completed";

export class ReportRuns {
  private readonly runs = new Map<string, ReportRun>();
  private counter = 0;

  constructor(private readonly context: SandboxContext) {}

  create(account: SandboxAccount, clientId: string, query: InsightQuery): ReportRun {
    this.counter += 1;
    const run: ReportRun = {
      // Numeric, like every Graph id.
      id: String(6_023_000_000_000 + this.counter),
      account,
      clientId,
      query,
      timeRef: epochSeconds(this.context.now()),
      polls: 0,
      timeCompleted: null,
      snapshot: null,
    };
    this.runs.set(run.id, run);
    return run;
  }

  find(id: string, clientId: string): ReportRun | undefined {
    const run = this.runs.get(id);
    return run && run.clientId === clientId ? run : undefined;
  }

  /** One status read: advances the job and returns the AdReportRun as Meta shows it. */
  poll(run: ReportRun): GraphRow {
    run.polls += 1;
    const needed = Math.max(1, this.context.tuning.asyncJobPolls);
    if (run.polls >= needed && run.snapshot === null) {
      const now = this.context.now();
      run.snapshot = { now, restatements: this.context.dataset.restatements };
      run.timeCompleted = epochSeconds(now);
    }
    const status: AsyncStatus =
      run.snapshot !== null ? "Job Completed" : run.polls === 1 ? "Job Not Started" : "Job Running";
    const percent =
      status === "Job Completed"
        ? 100
        : status === "Job Not Started"
          ? 0
          : Math.floor((100 * (run.polls - 1)) / (needed - 1));
    return {
      id: run.id,
      account_id: run.account.id,
      time_ref: run.timeRef,
      time_completed: run.timeCompleted ?? 0,
      async_status: status,
      async_percent_completion: percent,
      is_running: status !== "Job Completed",
      date_start: run.query.since,
      date_stop: run.query.until,
    };
  }
}
