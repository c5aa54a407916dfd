import { useTRPC } from "@omnify/client";
import { Button, EmptyState, PageHeader, RefreshButton } from "@omnify/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { PagedResults } from "../components/paged-results.tsx";
import { allItems, nextCursor } from "../components/paging.ts";
import { AuditEventsTable } from "../features/audit/audit-events-table.tsx";
import { AuditFilters } from "../features/audit/audit-filters.tsx";
import { type AuditSearch, auditEventsInput } from "../features/audit/audit-search.ts";

const auditRoute = getRouteApi("/staff/audit");

/** "Audit events for shop …, by user …, newest first": the table's caption says what it holds. */
function describeFilters({ action, shopId, actorUserId }: AuditSearch): string {
  const parts = [
    action ? `${action} events` : "Audit events",
    shopId ? `in shop ${shopId}` : "",
    actorUserId ? `by user ${actorUserId}` : "",
  ];
  return `${parts.filter(Boolean).join(" ")}, newest first`;
}

export function AuditLogPage() {
  const trpc = useTRPC();
  const search = auditRoute.useSearch();
  const navigate = auditRoute.useNavigate();
  const events = useInfiniteQuery(
    trpc.admin.listAuditEvents.infiniteQueryOptions(auditEventsInput(search), {
      getNextPageParam: nextCursor,
    }),
  );
  const filtered = Boolean(search.action || search.shopId || search.actorUserId);
  const applyFilters = (next: AuditSearch) => void navigate({ search: next });

  return (
    <>
      <title>Audit log · Omnify Control Room</title>
      <PageHeader
        title="Audit log"
        description="Every sign-in, change and staff action, newest first."
        actions={
          <RefreshButton
            refreshing={events.isFetching && !events.isFetchingNextPage}
            onRefresh={() => void events.refetch()}
          />
        }
      />
      <AuditFilters search={search} onApply={applyFilters} />
      <PagedResults
        query={events}
        items={allItems(events.data)}
        noun="audit events"
        empty={
          <EmptyState
            title={filtered ? "No audit events match these filters" : "No audit events yet"}
            description={filtered ? "Try fewer filters." : "Events appear here as people use Omnify."}
            action={
              filtered ? (
                <Button variant="secondary" onClick={() => applyFilters({})}>
                  Clear filters
                </Button>
              ) : null
            }
          />
        }
      >
        {(items) => (
          <AuditEventsTable
            events={items}
            caption={describeFilters(search)}
            onFilter={(filter) => applyFilters({ ...search, ...filter })}
          />
        )}
      </PagedResults>
    </>
  );
}
