import { describeError, useTRPC } from "@omnify/client";
import { buttonClassName, EmptyState, ErrorState, PageHeader, SkeletonLines } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, Outlet } from "@tanstack/react-router";
import { useEffect } from "react";
import { isMissing, isSignedOut } from "../components/query-errors.ts";
import { ReauthBanner } from "../features/integrations/reauth-banner.tsx";
import { useShopSyncEvents } from "../features/sync/use-shop-sync-events.ts";
import { forgetLastShop, rememberLastShop } from "../session/last-shop.ts";

const route = getRouteApi("/shops/$shopId");

/** Loads the shop for its pages; a shop that does not exist or is not yours reads the same. */
export function ShopLayout() {
  const { shopId } = route.useParams();
  const trpc = useTRPC();
  const shop = useQuery(trpc.shops.get.queryOptions({ shopId }));
  const loaded = Boolean(shop.data);
  const missing = shop.isError && isMissing(shop.error);

  useEffect(() => {
    if (loaded) rememberLastShop(shopId);
    if (missing) forgetLastShop(shopId);
  }, [loaded, missing, shopId]);

  if (missing) return <ShopNotFound />;
  if (shop.data) {
    return (
      <>
        <ShopEvents shopId={shopId} />
        <ReauthBanner shopId={shopId} />
        <Outlet />
      </>
    );
  }
  if (shop.isError) {
    return (
      <>
        <title>Shop unavailable · Omnify</title>
        <PageHeader title="This shop could not be loaded" />
        {isSignedOut(shop.error) ? (
          <EmptyState
            title="Your session has ended."
            description="Sign in again to continue."
            action={
              <Link to="/sign-in" className={buttonClassName()}>
                Sign in
              </Link>
            }
          />
        ) : (
          <ErrorState message={describeError(shop.error)} onRetry={() => void shop.refetch()} />
        )}
      </>
    );
  }
  return (
    <div aria-busy="true">
      <p role="status" className="sr-only">
        Loading the shop…
      </p>
      <SkeletonLines className="space-y-3" sizes={["h-8 w-64", "h-4 w-80 max-w-full", "h-40 w-full"]} />
    </div>
  );
}

/** Live updates of the shop, subscribed once membership is known (the API refuses others). */
function ShopEvents({ shopId }: { shopId: string }) {
  useShopSyncEvents(shopId);
  return null;
}

function ShopNotFound() {
  return (
    <>
      <title>Shop not found · Omnify</title>
      <PageHeader title="Shop not found" />
      <EmptyState
        title="This shop does not exist, or you are not a member of it."
        description="If someone invited you, open the link in their invitation email. Otherwise ask an owner of the shop to invite you."
        action={
          <Link to="/" className={buttonClassName({ variant: "secondary" })}>
            Go to your shops
          </Link>
        }
      />
    </>
  );
}
