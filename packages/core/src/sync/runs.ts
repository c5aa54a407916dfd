import type { Platform } from "@omnify/connectors";
import { type Db, type DbOrTx, Prisma, type SyncRun, type SyncTrigger } from "@omnify/db";
import { enqueue } from "@omnify/jobs";
import { AppError } from "../errors.ts";
import { assertCan } from "../shops/permissions.ts";
import type { ShopScope } from "../shops/scope.ts";
import type { SyncMode } from "./plan.ts";

/** A run as members see it: no plan internals. */
export const syncRunView = {
  id: true,
  integrationId: true,
  platform: true,
  trigger: true,
  mode: true,
  status: true,
  progress: true,
  rowsWritten: true,
  apiCalls: true,
  retries: true,
  waitingUntil: true,
  error: true,
  queuedAt: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.SyncRunSelect;

export type SyncRunView = Prisma.SyncRunGetPayload<{ select: typeof syncRunView }>;

/** Rows per table as stored in `rows_written`. */
export type RowCounts = Record<string, number>;

export const totalRows = (counts: unknown) =>
  Object.values((counts ?? {}) as RowCounts).reduce((sum, count) => sum + count, 0);

/** Whole-run duration, while running measured up to `now`. */
export const runDurationMs = (run: Pick<SyncRun, "startedAt" | "finishedAt">, now = new Date()) =>
  run.startedAt ? (run.finishedAt ?? now).getTime() - run.startedAt.getTime() : null;

export const syncQueue = (integrationId: string) => `sync:${integrationId}`;

export interface SyncRequest {
  integrationId: string;
  trigger: SyncTrigger;
  mode: SyncMode;
  requestedById?: string | null;
  /** Scheduled runs start a little later, spread over the hour; the default is now. */
  runAt?: Date;
}

/**
 * Queues a sync of one integration, or joins the one already queued or
 * running (a pending scheduled run is brought forward when someone asks now).
 * The run record and its job commit together.
 */
export async function requestSync(
  db: Db,
  request: SyncRequest,
): Promise<{ run: SyncRunView; joined: boolean }> {
  const integration = await db.integration.findUnique({
    where: { id: request.integrationId },
    select: { id: true, shopId: true, platform: true, status: true },
  });
  if (!integration) throw new AppError("NOT_FOUND", "Integration not found.");
  if (integration.status === "disconnected" || integration.status === "needs_reauth") {
    throw new AppError(
      "CONFLICT",
      integration.status === "disconnected"
        ? "This integration is disconnected; connect it again to sync."
        : "The platform no longer accepts this connection; reconnect it to sync.",
    );
  }
  const runAt = request.runAt ?? new Date();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        const active = await activeRun(tx, integration.id);
        if (active) {
          if (active.status === "queued" && runAt < (active.waitingUntil ?? active.queuedAt)) {
            await tx.syncRun.update({ where: { id: active.id }, data: { waitingUntil: null } });
            await enqueueSyncJob(tx, active.id, integration.id, runAt);
          }
          return { run: active, joined: true };
        }
        const run = await tx.syncRun.create({
          data: {
            shopId: integration.shopId,
            integrationId: integration.id,
            platform: integration.platform,
            trigger: request.trigger,
            mode: request.mode,
            status: "queued",
            activeFor: integration.id,
            requestedById: request.requestedById ?? null,
            waitingUntil: runAt > new Date() ? runAt : null,
          },
          select: syncRunView,
        });
        await enqueueSyncJob(tx, run.id, integration.id, runAt);
        return { run, joined: false };
      });
    } catch (error) {
      // Two requests raced past the check; the unique `activeFor` let one through: join it.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new AppError("CONFLICT", "Could not queue the sync; try again.");
}

const activeRun = (db: DbOrTx, integrationId: string) =>
  db.syncRun.findFirst({
    where: { integrationId, status: { in: ["queued", "running"] } },
    select: { ...syncRunView, queuedAt: true },
  });

/** The one job of a run, keyed and queued per integration: never two at once. */
export function enqueueSyncJob(db: DbOrTx, runId: string, integrationId: string, runAt: Date) {
  return enqueue(
    db,
    "sync",
    { runId },
    { jobKey: syncQueue(integrationId), queueName: syncQueue(integrationId), runAt },
  );
}

/** "Sync now" from a member. */
export async function syncNow(db: Db, scope: ShopScope, input: { integrationId: string }) {
  assertCan(scope.role, "integrations.sync");
  const integration = await db.integration.findFirst({
    where: { id: input.integrationId, shopId: scope.shopId },
    select: { id: true },
  });
  if (!integration) throw new AppError("NOT_FOUND", "Integration not found in this shop.");
  return requestSync(db, {
    integrationId: integration.id,
    trigger: "user",
    mode: "incremental",
    requestedById: scope.userId,
  });
}

export interface ListSyncRunsInput {
  integrationId?: string;
  limit: number;
  /** The last run id of the previous page. */
  cursor?: string;
}

/** The shop's runs, newest first, paginated by keyset. */
export async function listSyncRuns(db: DbOrTx, scope: ShopScope, input: ListSyncRunsInput) {
  if (input.integrationId) {
    const integration = await db.integration.findFirst({
      where: { id: input.integrationId, shopId: scope.shopId },
      select: { id: true },
    });
    if (!integration) throw new AppError("NOT_FOUND", "Integration not found in this shop.");
  }
  const rows = await db.syncRun.findMany({
    where: { shopId: scope.shopId, ...(input.integrationId ? { integrationId: input.integrationId } : {}) },
    select: syncRunView,
    orderBy: [{ queuedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map(presentRun);
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** The shop's queued and running runs (what the progress bars start from before live events arrive). */
export async function listActiveSyncRuns(db: DbOrTx, scope: ShopScope) {
  const rows = await db.syncRun.findMany({
    where: { shopId: scope.shopId, status: { in: ["queued", "running"] } },
    select: syncRunView,
    orderBy: { queuedAt: "desc" },
  });
  return rows.map(presentRun);
}

export function presentRun(run: SyncRunView & { startedAt: Date | null; finishedAt: Date | null }) {
  return {
    ...run,
    platform: run.platform as Platform,
    rowsWritten: (run.rowsWritten ?? {}) as RowCounts,
    rows: totalRows(run.rowsWritten),
    durationMs: runDurationMs(run),
  };
}
export type PresentedSyncRun = ReturnType<typeof presentRun>;

/**
 * After accounts are chosen (or a connection is made or renewed): a selected
 * account that has never synced gets its history now, as a backfill run.
 */
export async function backfillNewAccounts(db: Db, integrationId: string) {
  const accounts = await db.integrationAccount.findMany({
    where: { integrationId, selected: true, status: "active" },
    select: { syncState: true },
  });
  const unsynced = accounts.some((account) => Object.keys((account.syncState ?? {}) as object).length === 0);
  if (!unsynced) return null;
  return requestSync(db, { integrationId, trigger: "backfill", mode: "incremental" });
}
