import {
  migrationHealth,
  type RealtimeStatus,
  type SystemStatus,
  shortDatabaseVersion,
} from "@omnify/client";
import {
  Card,
  formatNumber,
  LatestHeartbeat,
  RealtimeBadge,
  RelativeTime,
  Stat,
  StatList,
  StatusBadge,
  type StatusTone,
  useNow,
} from "@omnify/ui";
import { type HeartbeatFreshness, heartbeatFreshness } from "./heartbeat-freshness.ts";

export function DatabaseCard({ status }: { status: SystemStatus }) {
  const { version } = status.database;
  return (
    <Card
      title="Database"
      actions={<StatusBadge tone="ok">Reachable</StatusBadge>}
      footer={
        <>
          Checked <RelativeTime date={status.checkedAt} pastOnly />
        </>
      }
    >
      <StatList columns={1}>
        <Stat
          label="Server"
          value={shortDatabaseVersion(version)}
          hint={<span className="font-mono">{version}</span>}
        />
      </StatList>
    </Card>
  );
}

const migrationBadges: Record<ReturnType<typeof migrationHealth>, { tone: StatusTone; label: string }> = {
  failed: { tone: "error", label: "Failed" },
  pending: { tone: "warn", label: "Pending" },
  current: { tone: "ok", label: "Up to date" },
};

export function MigrationsCard({ migrations }: { migrations: SystemStatus["migrations"] }) {
  const badge = migrationBadges[migrationHealth(migrations)];
  return (
    <Card title="Migrations" actions={<StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>}>
      <StatList columns={3}>
        <Stat label="Applied" value={formatNumber(migrations.applied.length)} />
        <Stat label="Pending" value={formatNumber(migrations.pending.length)} />
        <Stat label="Failed" value={formatNumber(migrations.failed.length)} />
      </StatList>
      <MigrationList title="Failed" names={migrations.failed} tone="error" />
      <MigrationList title="Pending" names={migrations.pending} tone="warn" />
      {migrations.applied.length > 0 ? (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">
            Applied migrations ({formatNumber(migrations.applied.length)})
          </summary>
          <ol className="mt-2 space-y-1 font-mono text-xs break-all text-slate-600">
            {migrations.applied.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ol>
        </details>
      ) : null}
    </Card>
  );
}

function MigrationList({ title, names, tone }: { title: string; names: string[]; tone: StatusTone }) {
  if (names.length === 0) return null;
  return (
    <div className="mt-4">
      <h3 className="text-sm font-medium text-slate-700">{title}</h3>
      <ul className="mt-2 space-y-1">
        {names.map((name) => (
          <li key={name} className="flex items-center gap-2 text-xs break-all">
            <StatusBadge tone={tone}>{title}</StatusBadge>
            <span className="font-mono text-slate-700">{name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const freshnessBadges: Record<HeartbeatFreshness, { tone: StatusTone; label: string }> = {
  none: { tone: "neutral", label: "No heartbeat" },
  fresh: { tone: "ok", label: "Beating" },
  stale: { tone: "error", label: "Stale" },
};

export function WorkersCard({ heartbeat }: { heartbeat: SystemStatus["latestHeartbeat"] }) {
  const now = useNow(15_000);
  const badge = freshnessBadges[heartbeatFreshness(heartbeat?.beatAt, now)];
  return (
    <Card
      title="Workers"
      description="The latest heartbeat of any worker, pushed live."
      actions={
        <span data-testid="heartbeat-freshness">
          <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
        </span>
      }
    >
      <StatList columns={1}>
        <Stat label="Latest heartbeat" live value={<LatestHeartbeat heartbeat={heartbeat} />} />
      </StatList>
    </Card>
  );
}

const realtimeExplanations: Record<RealtimeStatus, string> = {
  connected: "This page receives events as they are published.",
  connecting: "Opening the connection to the realtime server…",
  unavailable: "The realtime server cannot be reached; this page polls every minute instead.",
};

export function RealtimeCard({ status }: { status: RealtimeStatus }) {
  return (
    <Card title="Realtime" actions={<RealtimeBadge status={status} />}>
      <p className="text-sm text-slate-600">{realtimeExplanations[status]}</p>
    </Card>
  );
}
