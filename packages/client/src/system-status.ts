import type { HeartbeatEvent } from "@omnify/realtime";
import type { SystemStatus } from "./trpc.ts";

type Heartbeat = NonNullable<SystemStatus["latestHeartbeat"]>;

function isNewer(candidate: Heartbeat | null, than: Heartbeat | null): boolean {
  if (!candidate) return false;
  return !than || candidate.beatAt.getTime() > than.beatAt.getTime();
}

/**
 * The cached status after a `worker.heartbeat` event. Events may arrive late or twice, so an
 * event older than (or as old as) the heartbeat already shown changes nothing; before the
 * status has loaded there is nothing to update.
 */
export function applyHeartbeat(
  status: SystemStatus | undefined,
  event: HeartbeatEvent,
): SystemStatus | undefined {
  if (!status) return status;
  const heartbeat = { workerId: event.workerId, hostname: event.hostname, beatAt: new Date(event.beatAt) };
  if (!isNewer(heartbeat, status.latestHeartbeat)) return status;
  return { ...status, latestHeartbeat: heartbeat };
}

/**
 * A refetch that started before a heartbeat event can answer after it, with the older beat:
 * keep whichever heartbeat is newest so the page never goes back in time.
 */
export function keepNewestHeartbeat(previous: SystemStatus | undefined, next: SystemStatus): SystemStatus {
  if (previous && isNewer(previous.latestHeartbeat, next.latestHeartbeat)) {
    return { ...next, latestHeartbeat: previous.latestHeartbeat };
  }
  return next;
}

export type MigrationHealth = "failed" | "pending" | "current";

export function migrationHealth(migrations: SystemStatus["migrations"]): MigrationHealth {
  if (migrations.failed.length > 0) return "failed";
  if (migrations.pending.length > 0 || !migrations.current) return "pending";
  return "current";
}

/** "PostgreSQL 18.1 on x86_64-pc-linux-gnu, compiled by …" → "PostgreSQL 18.1". */
export function shortDatabaseVersion(version: string): string {
  const match = /^\s*(\S+\s+[\d.]+\S*)/.exec(version);
  return match?.[1] ?? version.trim();
}
