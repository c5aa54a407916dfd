import { describeError, useRealtimeStatus, useSystemStatus } from "@omnify/client";
import { ErrorState, PageHeader, RefreshButton, SkeletonLines } from "@omnify/ui";
import { DatabaseCard, MigrationsCard, RealtimeCard, WorkersCard } from "../features/health/health-cards.tsx";
import { WorkersListCard } from "../features/health/workers-list-card.tsx";

export function PlatformHealthPage() {
  const status = useSystemStatus();
  const realtime = useRealtimeStatus();
  const { data } = status;

  return (
    <>
      <title>Platform health · Omnify Control Room</title>
      <PageHeader
        title="Platform health"
        description="Database, migrations, workers and realtime, as the API sees them."
        actions={<RefreshButton refreshing={status.isFetching} onRefresh={() => void status.refetch()} />}
      />
      {status.isRefetchError ? (
        <div className="mb-6">
          <ErrorState
            title="Could not refresh"
            message={`${describeError(status.error)} The figures below are from the last successful check.`}
            onRetry={() => void status.refetch()}
          />
        </div>
      ) : null}
      {data ? (
        <div className="grid gap-6 md:grid-cols-2">
          <WorkersCard heartbeat={data.latestHeartbeat} />
          <MigrationsCard migrations={data.migrations} />
          <DatabaseCard status={data} />
          <RealtimeCard status={realtime} />
        </div>
      ) : status.isError ? (
        <ErrorState
          title="Platform health is unavailable"
          message={describeError(status.error)}
          onRetry={() => void status.refetch()}
        />
      ) : (
        <div aria-busy="true" className="grid gap-6 md:grid-cols-2">
          <span className="sr-only">Loading platform health</span>
          {["workers", "migrations", "database", "realtime"].map((key) => (
            <SkeletonLines
              key={key}
              className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
              sizes={["h-5 w-32", "h-7 w-48", "h-4 w-40"]}
            />
          ))}
        </div>
      )}
      {/* Its own query: the list still shows when the status check fails, and vice versa. */}
      <div className="mt-6">
        <WorkersListCard />
      </div>
    </>
  );
}
