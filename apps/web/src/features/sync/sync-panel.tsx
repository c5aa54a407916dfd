import type { Integration } from "../../api-types.ts";
import { SyncNowButton } from "./sync-now-button.tsx";
import { SyncProgress } from "./sync-progress.tsx";
import { activeRunOf, useActiveRuns } from "./use-active-runs.ts";

export interface SyncPanelProps {
  shopId: string;
  integration: Pick<Integration, "id" | "status">;
  name: string;
  /** May ask for a sync (`integrations.sync`). */
  canSync: boolean;
}

/** On a card: the integration's run in progress, and "Sync now" for those who may. */
export function SyncPanel({ shopId, integration, name, canSync }: SyncPanelProps) {
  const active = useActiveRuns(shopId);
  const run = activeRunOf(active.data, integration.id);
  const canAsk = canSync && integration.status === "connected";
  if (!run && !canAsk) return null;
  return (
    <div className="flex flex-col gap-3">
      {run ? <SyncProgress run={run} /> : null}
      {canAsk ? (
        <SyncNowButton
          shopId={shopId}
          integrationId={integration.id}
          name={name}
          active={run !== undefined}
        />
      ) : null}
    </div>
  );
}
