import { migrationHealth, type SystemStatus } from "@omnify/client";
import { formatNumber, StatusBadge } from "@omnify/ui";

export function MigrationsBadge({ migrations }: { migrations: SystemStatus["migrations"] }) {
  switch (migrationHealth(migrations)) {
    case "failed":
      return <StatusBadge tone="error">{formatNumber(migrations.failed.length)} failed</StatusBadge>;
    case "pending":
      return <StatusBadge tone="warn">{formatNumber(migrations.pending.length)} pending</StatusBadge>;
    case "current":
      return <StatusBadge tone="ok">Up to date</StatusBadge>;
  }
}

export function migrationCounts(migrations: SystemStatus["migrations"]): string {
  return `${formatNumber(migrations.applied.length)} applied · ${formatNumber(migrations.pending.length)} pending`;
}
