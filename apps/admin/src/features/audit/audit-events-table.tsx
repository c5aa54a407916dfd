import { formatDateTime, RelativeTime } from "@omnify/ui";
import { Absent } from "../../components/absent.tsx";
import { Cell, ColumnHeader, DataTable, TableBody } from "../../components/data-table.tsx";
import { FilterButton } from "../../components/filter-button.tsx";
import { ShortId } from "../../components/short-id.tsx";
import type { AuditEvent } from "../../components/types.ts";
import type { AuditSearch } from "./audit-search.ts";

export interface AuditEventsTableProps {
  events: AuditEvent[];
  caption: string;
  /** Narrows the log to one actor or one shop (merged into the current filters). */
  onFilter: (filter: Pick<AuditSearch, "shopId" | "actorUserId">) => void;
}

export function AuditEventsTable({ events, caption, onFilter }: AuditEventsTableProps) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <ColumnHeader>Time</ColumnHeader>
          <ColumnHeader>Action</ColumnHeader>
          <ColumnHeader>Actor</ColumnHeader>
          <ColumnHeader>Shop</ColumnHeader>
          <ColumnHeader>Target</ColumnHeader>
          <ColumnHeader>IP</ColumnHeader>
        </tr>
      </thead>
      <TableBody>
        {events.map((event) => (
          <tr key={event.id} data-testid="audit-row">
            <Cell className="whitespace-nowrap">
              <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt)}</time>
              <div className="text-xs text-slate-500">
                <RelativeTime date={event.occurredAt} pastOnly />
              </div>
            </Cell>
            <Cell>
              <span className="font-mono text-xs whitespace-nowrap text-slate-900">{event.action}</span>
              <EventDetails event={event} />
            </Cell>
            <Cell>
              <Actor event={event} onFilter={(actorUserId) => onFilter({ actorUserId })} />
            </Cell>
            <Cell>
              {event.shopId ? (
                <FilterButton
                  purpose="Filter by shop"
                  onClick={() => onFilter({ shopId: event.shopId ?? undefined })}
                >
                  <ShortId id={event.shopId} />
                </FilterButton>
              ) : (
                <Absent />
              )}
            </Cell>
            <Cell>
              {event.targetType ? (
                <>
                  <span className="text-xs text-slate-500">{event.targetType}</span>
                  {event.targetId ? (
                    <div>
                      <ShortId id={event.targetId} />
                    </div>
                  ) : null}
                </>
              ) : (
                <Absent />
              )}
            </Cell>
            <Cell className="font-mono text-xs whitespace-nowrap">{event.ip ?? <Absent />}</Cell>
          </tr>
        ))}
      </TableBody>
    </DataTable>
  );
}

function Actor({ event, onFilter }: { event: AuditEvent; onFilter: (actorUserId: string) => void }) {
  const { actorUserId, actorEmail } = event;
  if (!actorUserId) {
    // A failed sign-in names an email that may belong to no account; a job names no one.
    return actorEmail ? <span className="break-all">{actorEmail}</span> : <Absent label="System" />;
  }
  return (
    <div className="flex flex-col">
      <FilterButton purpose="Filter by actor" onClick={() => onFilter(actorUserId)}>
        <span className="break-all">{actorEmail ?? "Unknown email"}</span>
      </FilterButton>
      <ShortId id={actorUserId} />
    </div>
  );
}

function EventDetails({ event }: { event: AuditEvent }) {
  const { details, userAgent } = event;
  const hasDetails = details !== null && typeof details === "object" && Object.keys(details).length > 0;
  if (!hasDetails && !userAgent) return null;
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer text-slate-600">Details</summary>
      {hasDetails ? (
        <pre className="mt-1 max-w-xs overflow-x-auto rounded bg-slate-50 p-2 whitespace-pre-wrap break-all">
          {JSON.stringify(details, null, 2)}
        </pre>
      ) : null}
      {userAgent ? <p className="mt-1 max-w-xs break-all text-slate-500">{userAgent}</p> : null}
    </details>
  );
}
