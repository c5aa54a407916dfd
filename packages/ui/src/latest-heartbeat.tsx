import { formatDateTime } from "./format.ts";
import { RelativeTime } from "./relative-time.tsx";

/** A worker's most recent sign of life. */
export interface Heartbeat {
  workerId: string;
  hostname: string;
  beatAt: Date;
}

export interface LatestHeartbeatProps {
  heartbeat: Heartbeat | null;
}

/**
 * The most recent sign of life from any worker. `data-beat-at` (ISO time, "" when none) is the
 * contract the end-to-end tests read.
 */
export function LatestHeartbeat({ heartbeat }: LatestHeartbeatProps) {
  if (!heartbeat) {
    return (
      <span data-testid="latest-heartbeat" data-beat-at="" className="text-base font-normal text-slate-600">
        No worker heartbeat yet
      </span>
    );
  }
  return (
    <span
      data-testid="latest-heartbeat"
      data-beat-at={heartbeat.beatAt.toISOString()}
      className="flex flex-col"
    >
      {/* Hidden from screen readers: it ticks, and the exact time below says the same. */}
      <span aria-hidden="true">
        <RelativeTime date={heartbeat.beatAt} pastOnly />
      </span>
      <span className="text-sm font-normal text-slate-600">{formatDateTime(heartbeat.beatAt)}</span>
      <span className="text-sm font-normal break-all text-slate-600">
        Worker <span className="font-mono">{heartbeat.workerId}</span> on {heartbeat.hostname}
      </span>
    </span>
  );
}
