import { useTRPC } from "@omnify/client";
import { EmptyState, PageHeader } from "@omnify/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { PagedResults } from "../components/paged-results.tsx";
import { allItems, nextCursor } from "../components/paging.ts";
import { ShopsTable } from "../features/shops/shops-table.tsx";

export function ShopsPage() {
  const trpc = useTRPC();
  const shops = useInfiniteQuery(
    trpc.admin.listShops.infiniteQueryOptions({ limit: 25 }, { getNextPageParam: nextCursor }),
  );
  return (
    <>
      <title>Shops · Omnify Control Room</title>
      <PageHeader title="Shops" description="Every shop on the platform, newest first." />
      <PagedResults
        query={shops}
        items={allItems(shops.data)}
        noun="shops"
        empty={<EmptyState title="No shops yet" description="Shops appear here once someone creates one." />}
      >
        {(items) => <ShopsTable shops={items} />}
      </PagedResults>
    </>
  );
}
