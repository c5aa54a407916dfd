import { useTRPC } from "@omnify/client";
import { EmptyState, PageHeader, RefreshButton } from "@omnify/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { PagedResults } from "../components/paged-results.tsx";
import { allItems, nextCursor } from "../components/paging.ts";
import { OutboxList } from "../features/outbox/outbox-list.tsx";

export function OutboxPage() {
  const trpc = useTRPC();
  const outbox = useInfiniteQuery(
    trpc.admin.listOutbox.infiniteQueryOptions({ limit: 25 }, { getNextPageParam: nextCursor }),
  );
  return (
    <>
      <title>Outbox · Omnify Control Room</title>
      <PageHeader
        title="Outbox"
        description="Emails the platform sent or is sending, newest first. Without a mail server, each email's links and text are shown here instead."
        actions={
          <RefreshButton
            refreshing={outbox.isFetching && !outbox.isFetchingNextPage}
            onRefresh={() => void outbox.refetch()}
          />
        }
      />
      <PagedResults
        query={outbox}
        items={allItems(outbox.data)}
        noun="emails"
        empty={
          <EmptyState title="No emails yet" description="Sign-ups, resets and invitations send email." />
        }
      >
        {(items) => <OutboxList messages={items} />}
      </PagedResults>
    </>
  );
}
