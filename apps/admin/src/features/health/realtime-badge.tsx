import type { RealtimeStatus } from "@omnify/client";
import { StatusBadge, type StatusTone } from "@omnify/ui";

const presentation: Record<RealtimeStatus, { tone: StatusTone; label: string }> = {
  connected: { tone: "ok", label: "Live" },
  connecting: { tone: "neutral", label: "Connecting…" },
  unavailable: { tone: "warn", label: "Live updates unavailable" },
};

/** Whether what is on screen updates by itself; `data-state` is the raw state for tests. */
export function RealtimeBadge({ status }: { status: RealtimeStatus }) {
  const { tone, label } = presentation[status];
  return (
    <span role="status" data-testid="realtime-status" data-state={status}>
      <StatusBadge tone={tone}>{label}</StatusBadge>
    </span>
  );
}
