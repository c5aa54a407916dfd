import { identifyUser, useTRPC } from "@omnify/client";
import { AppShell, brandLinkClassName } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, Outlet } from "@tanstack/react-router";
import { useEffect } from "react";
import { HeaderNav } from "../features/shell/header-nav.tsx";

export function RootLayout() {
  const trpc = useTRPC();
  const me = useQuery(trpc.account.me.queryOptions());
  const user = me.data?.user;
  const userId = user?.id;

  useEffect(() => {
    if (userId) identifyUser(userId);
  }, [userId]);

  return (
    <AppShell
      brand={
        <Link to="/" className={brandLinkClassName}>
          Omnify
        </Link>
      }
      // Nothing until the session is known, rather than flashing "Sign in" at a signed-in user.
      nav={me.data ? <HeaderNav user={user ?? null} /> : undefined}
    >
      <Outlet />
    </AppShell>
  );
}
