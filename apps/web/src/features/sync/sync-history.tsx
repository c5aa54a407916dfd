import { describeError, useTRPC } from "@omnify/client";
import { Button, EmptyState, ErrorState, focusRing, SkeletonLines, Spinner } from "@omnify/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useId } from "react";
import { SyncRunRow } from "./sync-run-row.tsx";

export const historyPageSize = 10;

const columns = [
  "When",
  "Platform",
  "Trigger",
  "Status",
  "Rows",
  "API calls",
  "Retries",
  "Duration",
  "Error",
];
const numeric = new Set(["Rows", "API calls", "Retries", "Duration"]);

/** Every sync of the shop, newest first, a page at a time. */
export function SyncHistory({ shopId }: { shopId: string }) {
  const trpc = useTRPC();
  const titleId = useId();
  const runs = useInfiniteQuery(
    trpc.sync.runs.infiniteQueryOptions(
      { shopId, limit: historyPageSize },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = runs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby={titleId} className="flex flex-col gap-3">
      <div>
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          Sync history
        </h2>
        <p className="text-sm text-slate-600">Every sync of this shop's integrations, newest first.</p>
      </div>
      {runs.isPending ? (
        <div aria-busy="true">
          <span className="sr-only">Loading the sync history…</span>
          <SkeletonLines className="space-y-2" sizes={["h-6 w-full", "h-6 w-full", "h-6 w-full"]} />
        </div>
      ) : runs.isError && items.length === 0 ? (
        <ErrorState
          title="The sync history could not be loaded"
          message={describeError(runs.error)}
          onRetry={() => void runs.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title="No syncs yet"
          description="Once an integration has accounts to sync, its syncs are listed here."
        />
      ) : (
        <>
          <section
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard.
            tabIndex={0}
            aria-label="Sync runs"
            className={`relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${focusRing}`}
          >
            <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th
                      key={column}
                      scope="col"
                      className={`bg-slate-50 px-3 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase ${numeric.has(column) ? "text-right" : ""}`}
                    >
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((run) => (
                  <SyncRunRow key={run.id} run={run} />
                ))}
              </tbody>
            </table>
          </section>
          {runs.hasNextPage ? (
            <div className="flex items-center gap-3">
              <Button
                variant="secondary"
                size="sm"
                disabled={runs.isFetchingNextPage}
                onClick={() => void runs.fetchNextPage()}
              >
                {runs.isFetchingNextPage ? <Spinner label="Loading more syncs" /> : null}
                Load more
              </Button>
            </div>
          ) : null}
          {runs.isFetchNextPageError ? (
            <p role="alert" className="text-sm text-red-700">
              Could not load more syncs: {describeError(runs.error)}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
