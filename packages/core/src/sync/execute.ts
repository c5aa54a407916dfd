import {
  type AdAccount,
  type ConnectorError,
  type Connectors,
  isConnectorError,
  observeRequests,
  platformNames,
} from "@omnify/connectors";
import type { Db, Integration, IntegrationAccount, SyncRun, SyncStatus, Tx } from "@omnify/db";
import { enqueue } from "@omnify/jobs";
import type { SecretBox } from "@omnify/secrets";
import { integrationTokenSource, markNeedsReauth } from "../integrations/token-store.ts";
import { notifyMembers } from "../notifications/notifications.ts";
import { accountSyncState, planSync, progressAfter, type SyncStep, syncPlan } from "./plan.ts";
import { enqueueSyncJob, type RowCounts, totalRows } from "./runs.ts";
import { backoffMs, type SyncSettings } from "./settings.ts";
import { fetchStep, toAdAccount, writeStep } from "./steps.ts";

/** A run's state as browsers are told it (the `sync.progress` / `sync.finished` payload). */
export interface SyncRunUpdate {
  runId: string;
  integrationId: string;
  platform: Integration["platform"];
  status: SyncStatus;
  progress: number;
  rows: number;
  apiCalls: number;
  waitingUntil: string | null;
  error: string | null;
}

export interface SyncLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface SyncDeps {
  db: Db;
  connectors: Connectors;
  secrets: SecretBox;
  settings: SyncSettings;
  now: () => Date;
  /** Tells the shop's browsers; a failure to publish must not fail the run (the caller logs it). */
  publish(shopId: string, event: "sync.progress" | "sync.finished", update: SyncRunUpdate): Promise<void>;
  log: SyncLog;
}

/** Who is working on the run now. */
export interface SyncAttemptIdentity {
  workerId: string;
  jobId: string;
  /** Graphile will not retry this job again if it throws. */
  lastAttempt: boolean;
}

/** `finished`: the run ended; `waiting`: it continues in a later job; `gone`: nothing to do. */
export type SliceOutcome = "finished" | "waiting" | "gone";

/** Another worker advanced the run past this one's step: this one stops without writing. */
class LostRunError extends Error {
  override name = "LostRunError";
}

const retryableKinds = new Set(["rate_limited", "transient", "malformed_response"]);
/** Failures of one account (the rest of the run goes on); others stop the run. */
const accountKinds = new Set(["account_invalid", "permission_denied", "bad_request"]);
const publishEveryMs = 250;

/**
 * Works on one sync run from its checkpoint: plans it the first time, then
 * fetches and writes step after step (each step's rows and the checkpoint
 * commit together), until the run ends or has to wait for a rate limit or a
 * backoff, in which case a new job is queued for when the wait is over.
 */
export async function workOnSyncRun(
  deps: SyncDeps,
  runId: string,
  attempt: SyncAttemptIdentity,
): Promise<SliceOutcome> {
  const found = await deps.db.syncRun.findUnique({ where: { id: runId } });
  if (!found || (found.status !== "queued" && found.status !== "running")) return "gone";
  const integration = await deps.db.integration.findUniqueOrThrow({ where: { id: found.integrationId } });
  if (integration.status === "disconnected" || integration.status === "needs_reauth") {
    await finishRun(deps, found, "failed", cannotSyncBecause(integration));
    return "finished";
  }
  const run = found.status === "queued" ? await startRun(deps, found, integration) : found;
  const { id: attemptId } = await deps.db.syncAttempt.create({
    data: { runId, integrationId: run.integrationId, workerId: attempt.workerId, jobId: attempt.jobId },
    select: { id: true },
  });
  const endAttempt = (outcome: string, stepsDone: number) =>
    deps.db.syncAttempt.update({
      where: { id: attemptId },
      data: { endedAt: new Date(), outcome, stepsDone },
    });
  const worker = new RunWorker(deps, run, integration);
  try {
    const outcome = await worker.work();
    await endAttempt(outcome === "waiting" ? "waiting" : outcome, worker.stepsDone);
    return outcome;
  } catch (error) {
    await endAttempt(error instanceof LostRunError ? "lost" : "failed", worker.stepsDone);
    if (error instanceof LostRunError) return "gone";
    if (attempt.lastAttempt) {
      await finishRun(
        deps,
        await deps.db.syncRun.findUniqueOrThrow({ where: { id: runId } }),
        "failed",
        "The sync stopped on an internal error several times; the team has the details.",
      );
    }
    throw error;
  }
}

async function startRun(deps: SyncDeps, run: SyncRun, integration: Integration): Promise<SyncRun> {
  const accounts = await deps.db.integrationAccount.findMany({
    where: { integrationId: integration.id, shopId: integration.shopId, selected: true, status: "active" },
    orderBy: { name: "asc" },
  });
  const plan = planSync({
    platform: integration.platform,
    mode: run.mode === "full" ? "full" : "incremental",
    accounts: accounts.map((account) => ({
      id: account.id,
      timeZone: account.timeZone,
      syncState: accountSyncState.catch({}).parse(account.syncState),
    })),
    now: deps.now(),
    settings: deps.settings,
  });
  return deps.db.syncRun.update({
    where: { id: run.id },
    data: { status: "running", startedAt: deps.now(), plan, nextStep: 0, progress: 0, waitingUntil: null },
  });
}

/** One slice of work on a run, holding what it has counted since the last commit. */
class RunWorker {
  stepsDone = 0;
  private lastPublished = 0;
  private readonly plan: SyncStep[];

  constructor(
    private readonly deps: SyncDeps,
    private run: SyncRun,
    private readonly integration: Integration,
  ) {
    this.plan = syncPlan.parse(run.plan);
  }

  async work(): Promise<SliceOutcome> {
    const { deps, integration } = this;
    const shop = await deps.db.shop.findUniqueOrThrow({
      where: { id: integration.shopId },
      select: { timeZone: true },
    });
    const accounts = new Map(
      (
        await deps.db.integrationAccount.findMany({
          where: { integrationId: integration.id, shopId: integration.shopId },
        })
      ).map((account) => [account.id, account]),
    );
    const tokens = integrationTokenSource(deps, integration);
    await this.publish("sync.progress", true);

    while (this.run.nextStep < this.plan.length) {
      const step = this.plan[this.run.nextStep] as SyncStep;
      const stored = accounts.get(step.accountId);
      const accountErrors = this.run.accountErrors as Record<string, string>;
      if (!stored?.selected || accountErrors[step.accountId]) {
        await this.commit(step, null, 0);
        continue;
      }
      const account = toAdAccount(stored, integration.platform);
      let calls = 0;
      try {
        const data = await observeRequests(
          () => {
            calls += 1;
          },
          () => fetchStep(deps.connectors, tokens, step, account),
        );
        await this.commit(step, { data, account, stored, shopTimeZone: shop.timeZone }, calls);
      } catch (error) {
        if (!isConnectorError(error)) throw error;
        const outcome = await this.handleFailure(error, step, account, calls);
        if (outcome) return outcome;
      }
    }
    const status = Object.keys(this.run.accountErrors as object).length ? "partial" : "succeeded";
    const error =
      status === "partial" ? Object.values(this.run.accountErrors as Record<string, string>).join(" ") : null;
    await finishRun(deps, this.run, status, error);
    return "finished";
  }

  /** Writes a step's rows and moves the checkpoint past it, in one transaction. */
  private async commit(
    step: SyncStep,
    fetched: {
      data: Awaited<ReturnType<typeof fetchStep>>;
      account: AdAccount;
      stored: IntegrationAccount;
      shopTimeZone: string;
    } | null,
    calls: number,
  ) {
    const { deps, run } = this;
    const at = deps.now();
    const stepIndex = run.nextStep;
    this.run = await deps.db.$transaction(
      async (tx) => {
        const written = fetched
          ? await writeStep(
              tx,
              { shopId: run.shopId, shopTimeZone: fetched.shopTimeZone, account: fetched.account },
              step,
              fetched.data,
              at,
            )
          : { rows: {}, affected: null };
        const rowsWritten = { ...(run.rowsWritten as RowCounts) };
        for (const [table, count] of Object.entries(written.rows)) {
          rowsWritten[table] = (rowsWritten[table] ?? 0) + count;
        }
        const affected = widen(run, written.affected);
        // Fencing: only the worker that holds the checkpoint may advance it.
        const advanced = await tx.syncRun.updateMany({
          where: { id: run.id, status: "running", nextStep: stepIndex },
          data: {
            nextStep: stepIndex + 1,
            progress: progressAfter(this.plan, stepIndex + 1),
            rowsWritten,
            apiCalls: { increment: calls },
            failureStreak: 0,
            waitingUntil: null,
            affectedFrom: affected.from,
            affectedTo: affected.to,
          },
        });
        if (advanced.count !== 1) throw new LostRunError(`run ${run.id} moved on without this worker`);
        if (fetched) await saveAccountProgress(tx, fetched.stored, step);
        return tx.syncRun.findUniqueOrThrow({ where: { id: run.id } });
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    this.stepsDone += 1;
    await this.publish("sync.progress");
  }

  /** Decides what a platform's refusal means for the run; returns the outcome when this slice must stop. */
  private async handleFailure(
    error: ConnectorError,
    step: SyncStep,
    account: AdAccount,
    calls: number,
  ): Promise<SliceOutcome | null> {
    const { deps, run, integration } = this;
    const name = platformNames[integration.platform];
    if (retryableKinds.has(error.kind)) {
      const failureStreak = run.failureStreak + 1;
      if (failureStreak > deps.settings.maxFailureStreak) {
        await this.addCalls(calls);
        await finishRun(
          deps,
          this.run,
          "failed",
          `${name} kept failing (${error.message}); the next sync will try again.`,
        );
        return "finished";
      }
      // Never before the platform's Retry-After; the margin covers clock reads on both sides.
      const waitMs =
        error.kind === "rate_limited"
          ? (error.retryAfterMs ?? backoffMs(deps.settings, failureStreak)) + 50
          : backoffMs(deps.settings, failureStreak);
      const waitingUntil = new Date(Date.now() + waitMs);
      this.run = await deps.db.$transaction(async (tx) => {
        const updated = await tx.syncRun.update({
          where: { id: run.id },
          data: { failureStreak, retries: { increment: 1 }, apiCalls: { increment: calls }, waitingUntil },
        });
        await enqueueSyncJob(tx, run.id, run.integrationId, waitingUntil);
        return updated;
      });
      deps.log.info(
        { runId: run.id, kind: error.kind, waitMs, failureStreak, step: step.kind },
        "sync waits before retrying",
      );
      await this.publish("sync.progress", true);
      return "waiting";
    }
    if (error.kind === "auth_expired") {
      await this.addCalls(calls);
      await markNeedsReauth(deps.db, integration.id, error.message);
      await finishRun(
        deps,
        this.run,
        "failed",
        `${name} no longer accepts the connection (${error.message}). Reconnect ${name} on the integrations page.`,
      );
      return "finished";
    }
    if (accountKinds.has(error.kind)) {
      const accountErrors = {
        ...(run.accountErrors as Record<string, string>),
        [step.accountId]: `${account.name}: ${error.message}.`,
      };
      this.run = await deps.db.syncRun.update({
        where: { id: run.id },
        data: { accountErrors, apiCalls: { increment: calls } },
      });
      deps.log.warn({ runId: run.id, kind: error.kind, account: account.externalId }, "account skipped");
      return null;
    }
    throw error;
  }

  private async addCalls(calls: number) {
    if (!calls) return;
    this.run = await this.deps.db.syncRun.update({
      where: { id: this.run.id },
      data: { apiCalls: { increment: calls } },
    });
  }

  private async publish(event: "sync.progress" | "sync.finished", force = false) {
    const now = Date.now();
    if (!force && now - this.lastPublished < publishEveryMs) return;
    this.lastPublished = now;
    await publishRun(this.deps, this.run, event);
  }
}

/** After a step: the account's cursor moves, so the next run starts from there. */
async function saveAccountProgress(tx: Tx, account: IntegrationAccount, step: SyncStep) {
  const state = accountSyncState.catch({}).parse(account.syncState);
  if (step.kind === "ad_metrics" && (!state.metricsThrough || step.until > state.metricsThrough)) {
    state.metricsThrough = step.until;
  } else if (
    step.kind === "orders" &&
    (!state.ordersUpdatedBefore || step.updatedBefore > state.ordersUpdatedBefore)
  ) {
    state.ordersUpdatedBefore = step.updatedBefore;
  } else {
    return;
  }
  account.syncState = state;
  await tx.integrationAccount.update({ where: { id: account.id }, data: { syncState: state } });
}

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

function widen(run: SyncRun, affected: { since: string; until: string } | null) {
  const from = day(run.affectedFrom);
  const to = day(run.affectedTo);
  if (!affected) return { from: run.affectedFrom, to: run.affectedTo };
  const since = from && from < affected.since ? from : affected.since;
  const until = to && to > affected.until ? to : affected.until;
  return { from: new Date(`${since}T00:00:00Z`), to: new Date(`${until}T00:00:00Z`) };
}

function cannotSyncBecause(integration: Integration): string {
  const name = platformNames[integration.platform];
  return integration.status === "disconnected"
    ? `${name} was disconnected before the sync ran.`
    : `${name} no longer accepts the connection${integration.lastError ? ` (${integration.lastError})` : ""}. Reconnect ${name} on the integrations page.`;
}

/**
 * Ends a run: its status and error, the integration's health, the rollups of the
 * days it changed (queued in the same transaction), and a notification when
 * syncing starts failing.
 */
export async function finishRun(
  deps: SyncDeps,
  run: SyncRun,
  status: "succeeded" | "partial" | "failed",
  error: string | null,
) {
  const finished = await deps.db.$transaction(async (tx) => {
    const ended = await tx.syncRun.updateManyAndReturn({
      where: { id: run.id, status: { in: ["queued", "running"] } },
      data: {
        status,
        error,
        activeFor: null,
        finishedAt: deps.now(),
        waitingUntil: null,
        ...(status === "failed" ? {} : { progress: 100 }),
      },
    });
    const row = ended[0];
    if (!row) return null;
    if (row.affectedFrom && row.affectedTo) {
      await enqueue(
        tx,
        "aggregate",
        { shopId: row.shopId, since: day(row.affectedFrom) as string, until: day(row.affectedTo) as string },
        { queueName: `aggregate:${row.shopId}` },
      );
    }
    const integration = await tx.integration.findUniqueOrThrow({ where: { id: row.integrationId } });
    if (status === "failed" && integration.status === "connected") {
      await tx.integration.update({
        where: { id: integration.id },
        data: { status: "error", lastError: error },
      });
      await notifyMembers(tx, row.shopId, {
        kind: "sync.failed",
        title: `${platformNames[integration.platform]} sync failed`,
        body: error ?? "The sync failed.",
        link: `/shops/${row.shopId}/integrations`,
      });
    } else if (status !== "failed" && integration.status === "error") {
      await tx.integration.update({
        where: { id: integration.id },
        data: { status: "connected", lastError: null },
      });
    }
    return row;
  });
  if (finished) await publishRun(deps, finished, "sync.finished");
}

async function publishRun(deps: SyncDeps, run: SyncRun, event: "sync.progress" | "sync.finished") {
  const update: SyncRunUpdate = {
    runId: run.id,
    integrationId: run.integrationId,
    platform: run.platform,
    status: run.status,
    progress: run.progress,
    rows: totalRows(run.rowsWritten),
    apiCalls: run.apiCalls,
    waitingUntil: run.waitingUntil?.toISOString() ?? null,
    error: run.error,
  };
  try {
    await deps.publish(run.shopId, event, update);
  } catch (error) {
    deps.log.warn({ runId: run.id, err: error }, "could not publish sync progress");
  }
}
