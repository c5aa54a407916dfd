import { StatusBadge, type StatusTone } from "./status-badge.tsx";

/** Whether live updates reach the page. */
export type RealtimeState = "connecting" | "connected" | "unavailable";

const presentation: Record<RealtimeState, { tone: StatusTone; label: string }> = {
  connected: { tone: "ok", label: "Live" },
  connecting: { tone: "neutral", label: "Connecting…" },
  unavailable: { tone: "warn", label: "Live updates unavailable" },
};

/** Whether what is on screen updates by itself; `data-state` is the raw state for tests. */
export function RealtimeBadge({ status }: { status: RealtimeState }) {
  const { tone, label } = presentation[status];
  return (
    <span role="status" data-testid="realtime-status" data-state={status}>
      <StatusBadge tone={tone}>{label}</StatusBadge>
    </span>
  );
}
