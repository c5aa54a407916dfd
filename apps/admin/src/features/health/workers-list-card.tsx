import { useRealtimeEvent, useTRPC } from "@omnify/client";
import { systemChannel } from "@omnify/realtime";
import { Card, EmptyState, formatDateTime, RelativeTime, StatusBadge, useNow } from "@omnify/ui";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Cell, ColumnHeader, DataTable, TableBody } from "../../components/data-table.tsx";
import { PagedResults } from "../../components/paged-results.tsx";
import { allItems, nextCursor } from "../../components/paging.ts";
import type { WorkerRow } from "../../components/types.ts";
import { applyWorkerBeat } from "./apply-worker-beat.ts";
import { freshnessBadges } from "./health-cards.tsx";
import { heartbeatFreshness } from "./heartbeat-freshness.ts";

const pageSize = 20;

/** Every worker process that has beaten, most recently alive first, kept live by heartbeats. */
export function WorkersListCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.system.listWorkers.infiniteQueryOptions(
    { limit: pageSize },
    { getNextPageParam: nextCursor },
  );
  const workers = useInfiniteQuery(options);

  useRealtimeEvent(systemChannel, "worker.heartbeat", (event) => {
    const data = queryClient.getQueryData(options.queryKey);
    const next = data ? applyWorkerBeat(data, event) : null;
    if (next) queryClient.setQueryData(options.queryKey, next);
    else void queryClient.invalidateQueries({ queryKey: options.queryKey });
  });

  return (
    <Card
      title="Worker processes"
      description="Each worker's latest heartbeat, most recently alive first."
      busy={workers.isPending}
    >
      <PagedResults
        query={workers}
        items={allItems(workers.data)}
        noun="workers"
        empty={
          <EmptyState
            title="No worker has started yet"
            description="Workers appear here after their first heartbeat."
          />
        }
      >
        {(items) => <WorkersTable workers={items} />}
      </PagedResults>
    </Card>
  );
}

function WorkersTable({ workers }: { workers: WorkerRow[] }) {
  const now = useNow(15_000);
  return (
    <DataTable caption="Worker processes, most recently alive first">
      <thead>
        <tr>
          <ColumnHeader>Worker</ColumnHeader>
          <ColumnHeader>Host</ColumnHeader>
          <ColumnHeader className="text-right">PID</ColumnHeader>
          <ColumnHeader>Last beat</ColumnHeader>
          <ColumnHeader>State</ColumnHeader>
        </tr>
      </thead>
      <TableBody>
        {workers.map((worker) => {
          const badge = freshnessBadges[heartbeatFreshness(worker.beatAt, now)];
          return (
            <tr key={worker.workerId} data-testid="worker-row" data-worker-id={worker.workerId}>
              <Cell className="font-mono text-xs break-all">{worker.workerId}</Cell>
              <Cell className="break-all">{worker.hostname}</Cell>
              <Cell className="text-right font-mono text-xs">{worker.pid}</Cell>
              <Cell className="whitespace-nowrap">
                <RelativeTime date={worker.beatAt} pastOnly />
                <div className="text-xs text-slate-500">{formatDateTime(worker.beatAt)}</div>
              </Cell>
              <Cell>
                <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
              </Cell>
            </tr>
          );
        })}
      </TableBody>
    </DataTable>
  );
}
