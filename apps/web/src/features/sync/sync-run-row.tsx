import { formatNumber, StatusBadge } from "@omnify/ui";
import type { SyncRun } from "../../api-types.ts";
import { formatDateTime, formatDuration } from "../../components/format-date.ts";
import { platformNames, rowsText, runStatusBadges, tableLabel, triggerLabels } from "./labels.ts";

const cell = "px-3 py-2 align-top text-slate-700";
const number = `${cell} text-right tabular-nums`;

/** The tables a run wrote to, largest first. */
function breakdown(run: SyncRun): [string, number][] {
  return Object.entries(run.rowsWritten).sort(([, a], [, b]) => b - a);
}

/** One run in the history table. */
export function SyncRunRow({ run }: { run: SyncRun }) {
  const when = run.startedAt ?? run.queuedAt;
  const badge = runStatusBadges[run.status];
  const tables = breakdown(run);
  return (
    <tr data-testid="sync-run" data-status={run.status} data-run-id={run.id}>
      <td className={`${cell} whitespace-nowrap`}>
        <time dateTime={when.toISOString()}>{formatDateTime(when)}</time>
      </td>
      <td className={cell}>{platformNames[run.platform]}</td>
      <td className={`${cell} whitespace-nowrap`}>{triggerLabels[run.trigger]}</td>
      <td className={cell}>
        <StatusBadge tone={badge.tone}>{badge.label}</StatusBadge>
      </td>
      <td
        className={number}
        title={tables.map(([table, count]) => `${tableLabel(table)}: ${formatNumber(count)}`).join("\n")}
      >
        {tables.length === 0 ? (
          formatNumber(run.rows)
        ) : (
          <details>
            <summary className="cursor-pointer whitespace-nowrap">{formatNumber(run.rows)}</summary>
            <ul className="mt-1 space-y-0.5 text-left text-xs whitespace-nowrap">
              {tables.map(([table, count]) => (
                <li key={table} data-table={table} data-count={count}>
                  {tableLabel(table)}: {rowsText(count)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td className={number}>{formatNumber(run.apiCalls)}</td>
      <td className={number}>{formatNumber(run.retries)}</td>
      <td className={`${number} whitespace-nowrap`}>
        {run.durationMs === null ? <Missing /> : formatDuration(run.durationMs)}
      </td>
      <td className={`${cell} min-w-48 wrap-anywhere`}>{run.error ?? <Missing />}</td>
    </tr>
  );
}

function Missing() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">None</span>
    </>
  );
}
