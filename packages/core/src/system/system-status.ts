import { type DbOrTx, getMigrationState, getServerVersion, type MigrationState } from "@omnify/db";

export interface WorkerHeartbeatView {
  workerId: string;
  hostname: string;
  beatAt: Date;
}

export interface SystemStatus {
  database: { version: string };
  migrations: MigrationState;
  /** The most recent heartbeat of any worker; null until a worker has run one. */
  latestHeartbeat: WorkerHeartbeatView | null;
  checkedAt: Date;
}

export async function getLatestHeartbeat(db: DbOrTx): Promise<WorkerHeartbeatView | null> {
  return db.workerHeartbeat.findFirst({
    orderBy: { beatAt: "desc" },
    select: { workerId: true, hostname: true, beatAt: true },
  });
}

export async function getSystemStatus(db: DbOrTx, now = new Date()): Promise<SystemStatus> {
  const [version, migrations, latestHeartbeat] = await Promise.all([
    getServerVersion(db),
    getMigrationState(db),
    getLatestHeartbeat(db),
  ]);
  return { database: { version }, migrations, latestHeartbeat, checkedAt: now };
}

export interface Readiness {
  ready: boolean;
  checks: { database: "ok" | "unreachable"; migrations: "current" | "pending" | "failed" | "unknown" };
}

/** Ready means: the database answers and every migration on disk is applied. */
export async function getReadiness(db: DbOrTx): Promise<Readiness> {
  try {
    const migrations = await getMigrationState(db);
    const state = migrations.failed.length ? "failed" : migrations.pending.length ? "pending" : "current";
    return { ready: state === "current", checks: { database: "ok", migrations: state } };
  } catch {
    return { ready: false, checks: { database: "unreachable", migrations: "unknown" } };
  }
}
