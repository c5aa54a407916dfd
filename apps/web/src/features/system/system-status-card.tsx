import {
  describeError,
  type SystemStatus,
  shortDatabaseVersion,
  useRealtimeStatus,
  useSystemStatus,
} from "@omnify/client";
import {
  Card,
  ErrorState,
  LatestHeartbeat,
  RealtimeBadge,
  RefreshButton,
  RelativeTime,
  SkeletonLines,
  Stat,
  StatList,
} from "@omnify/ui";
import { MigrationsBadge, migrationCounts } from "./migrations-summary.tsx";

/** Database, migrations and the latest worker heartbeat (updated live). */
export function SystemStatusCard() {
  const status = useSystemStatus();
  const realtime = useRealtimeStatus();
  const { data } = status;

  return (
    <Card
      title="System status"
      description="The database, its migrations and the background workers."
      actions={<RealtimeBadge status={realtime} />}
      busy={status.isPending}
      footer={
        data ? (
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p>
              {status.isRefetchError ? (
                <span className="text-red-700">Could not refresh: {describeError(status.error)}</span>
              ) : (
                <>
                  Checked <RelativeTime date={data.checkedAt} pastOnly />
                </>
              )}
            </p>
            <RefreshButton refreshing={status.isFetching} onRefresh={() => void status.refetch()} />
          </div>
        ) : undefined
      }
    >
      {data ? (
        <StatusDetails status={data} />
      ) : status.isError ? (
        <ErrorState
          title="System status is unavailable"
          message={describeError(status.error)}
          onRetry={() => void status.refetch()}
        />
      ) : (
        <StatusSkeleton />
      )}
    </Card>
  );
}

function StatusDetails({ status }: { status: SystemStatus }) {
  const { database, migrations, latestHeartbeat } = status;
  return (
    <StatList>
      <Stat
        label="Database"
        value={<span title={database.version}>{shortDatabaseVersion(database.version)}</span>}
        hint="Server version"
      />
      <Stat
        label="Migrations"
        value={migrationCounts(migrations)}
        hint={<MigrationsBadge migrations={migrations} />}
      />
      <Stat label="Latest worker heartbeat" live value={<LatestHeartbeat heartbeat={latestHeartbeat} />} />
    </StatList>
  );
}

function StatusSkeleton() {
  return (
    <div className="@container">
      <div className="grid grid-cols-1 gap-4 @lg:grid-cols-2 @3xl:grid-cols-3">
        {["database", "migrations", "heartbeat"].map((key) => (
          <SkeletonLines key={key} className="space-y-2" sizes={["h-4 w-24", "h-6 w-36", "h-4 w-28"]} />
        ))}
      </div>
    </div>
  );
}
