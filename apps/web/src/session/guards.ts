import { redirect } from "@tanstack/react-router";
import type { Me } from "../api-types.ts";
import type { RouterContext } from "../router-context.ts";
import { readLastShopId } from "./last-shop.ts";
import { safeRedirect } from "./safe-redirect.ts";

// Route guards for `beforeLoad`. They read `account.me` through the query cache (fresh for
// 30 s; sign-in and sign-out reset it), so moving between pages costs no extra request.

export async function fetchMe({ queryClient, trpc }: RouterContext): Promise<Me | null> {
  const { user } = await queryClient.fetchQuery(trpc.account.me.queryOptions());
  return user;
}

/** Signed-out visitors go to sign-in, which brings them back here afterwards. */
export async function requireSession(context: RouterContext, location: { href: string }): Promise<Me> {
  const user = await fetchMe(context);
  if (!user) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
  return user;
}

/** Creating a shop needs a verified address (the server refuses otherwise). */
export async function requireVerified(context: RouterContext, location: { href: string }): Promise<Me> {
  const user = await requireSession(context, location);
  if (!user.emailVerified) throw redirect({ to: "/verify-email" });
  return user;
}

/** Sign-in and sign-up have nothing to offer someone already signed in. */
export async function leaveIfSignedIn(context: RouterContext, redirectTo: string | undefined): Promise<void> {
  const user = await fetchMe(context);
  if (user) throw redirect({ href: safeRedirect(redirectTo) ?? "/" });
}

/** `/`: the right starting page for whoever arrives. */
export async function redirectFromHome(context: RouterContext): Promise<never> {
  const user = await fetchMe(context);
  if (!user) throw redirect({ to: "/sign-in" });
  if (!user.emailVerified) throw redirect({ to: "/verify-email" });
  const shops = await context.queryClient.fetchQuery(context.trpc.shops.listMine.queryOptions());
  const lastShopId = readLastShopId();
  const shop = shops.find(({ id }) => id === lastShopId) ?? shops[0];
  if (!shop) throw redirect({ to: "/shops/new" });
  throw redirect({ to: "/shops/$shopId", params: { shopId: shop.id } });
}
