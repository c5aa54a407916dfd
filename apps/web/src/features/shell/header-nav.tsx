import { useTRPC } from "@omnify/client";
import { navItemClassName } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import type { Me } from "../../api-types.ts";
import { readLastShopId } from "../../session/last-shop.ts";
import { AccountMenu } from "./account-menu.tsx";
import { ShopSwitcher } from "./shop-switcher.tsx";

/** The header's navigation: shop switcher and shop pages, then the account. */
export function HeaderNav({ user }: { user: Me | null }) {
  if (!user) return <SignedOutNav />;
  return <SignedInNav user={user} />;
}

function SignedOutNav() {
  return (
    <div className="ml-auto flex shrink-0 items-center gap-1">
      <Link to="/sign-in" className={navItemClassName}>
        Sign in
      </Link>
      <Link to="/sign-up" className={navItemClassName}>
        Create account
      </Link>
    </div>
  );
}

function SignedInNav({ user }: { user: Me }) {
  const trpc = useTRPC();
  // Unverified accounts cannot have shops yet: no need to ask.
  const shops = useQuery({ ...trpc.shops.listMine.queryOptions(), enabled: user.emailVerified }).data ?? [];
  const { shopId: pageShopId } = useParams({ strict: false });
  // Outside a shop's pages (e.g. the account page) the links keep pointing at the last shop.
  const lastShopId = readLastShopId();
  const linkedShopId =
    pageShopId ?? (shops.some((shop) => shop.id === lastShopId) ? (lastShopId ?? undefined) : shops[0]?.id);

  // Wraps rather than scrolls at narrow widths, so that every link stays in view.
  return (
    <div className="flex w-full flex-wrap items-center gap-1">
      {shops.length > 0 ? <ShopSwitcher shops={shops} currentShopId={pageShopId ?? linkedShopId} /> : null}
      {linkedShopId ? (
        <>
          <Link
            to="/shops/$shopId"
            params={{ shopId: linkedShopId }}
            activeOptions={{ exact: true }}
            className={navItemClassName}
          >
            Overview
          </Link>
          <Link to="/shops/$shopId/team" params={{ shopId: linkedShopId }} className={navItemClassName}>
            Team
          </Link>
          <Link
            to="/shops/$shopId/integrations"
            params={{ shopId: linkedShopId }}
            className={navItemClassName}
          >
            Integrations
          </Link>
          <Link to="/shops/$shopId/settings" params={{ shopId: linkedShopId }} className={navItemClassName}>
            Settings
          </Link>
        </>
      ) : null}
      <div className="ml-auto flex shrink-0 items-center gap-1">
        <AccountMenu user={user} />
      </div>
    </div>
  );
}
