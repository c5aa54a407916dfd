import { describeError } from "@omnify/client";
import { Button, ErrorState, formatNumber, Skeleton, Spinner } from "@omnify/ui";
import type { ReactNode } from "react";

/** The parts of a `useInfiniteQuery` result the list states need. */
export interface PagedQuery {
  isPending: boolean;
  isError: boolean;
  isRefetchError: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  refetch: () => Promise<unknown>;
}

export interface PagedResultsProps<Item> {
  query: PagedQuery;
  /** Every item of the pages loaded so far. */
  items: Item[];
  /** Plural noun for the counts and messages: "audit events". */
  noun: string;
  /** Shown when the first page is empty. */
  empty: ReactNode;
  children: (items: Item[]) => ReactNode;
}

/** Loading, failure, empty and "Load more" around a keyset-paginated list. */
export function PagedResults<Item>({ query, items, noun, empty, children }: PagedResultsProps<Item>) {
  if (query.isPending) return <ListSkeleton label={`Loading ${noun}`} />;
  if (query.isError && items.length === 0) {
    return (
      <ErrorState
        title={`Could not load ${noun}`}
        message={describeError(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (items.length === 0) return <>{empty}</>;
  return (
    <div className="space-y-3">
      {query.isRefetchError ? (
        <ErrorState
          title="Could not refresh"
          message={`${describeError(query.error)} The list below may be out of date.`}
          onRetry={() => void query.refetch()}
        />
      ) : null}
      {children(items)}
      <LoadMore query={query} shown={items.length} noun={noun} />
    </div>
  );
}

function LoadMore({ query, shown, noun }: { query: PagedQuery; shown: number; noun: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
      <p>
        {query.hasNextPage
          ? `Showing the first ${formatNumber(shown)} ${noun}.`
          : `Showing all ${formatNumber(shown)} ${noun}.`}
      </p>
      {query.hasNextPage ? (
        <Button
          variant="secondary"
          size="sm"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? <Spinner label={`Loading more ${noun}`} /> : null}
          Load more
        </Button>
      ) : null}
      {query.isFetchNextPageError ? (
        <p role="alert" className="w-full text-red-700">
          Could not load more {noun}: {describeError(query.error)}
        </p>
      ) : null}
    </div>
  );
}

/** Grey rows shaped like a table still to come; the label is what screen readers hear. */
export function ListSkeleton({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <span className="sr-only">{label}</span>
      <Skeleton className="h-4 w-1/3" />
      {Array.from({ length: rows }, (_, row) => (
        <Skeleton key={row} className="h-6 w-full" />
      ))}
    </div>
  );
}
