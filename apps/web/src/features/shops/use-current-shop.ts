import { useTRPC } from "@omnify/client";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { Shop, ShopPermission } from "../../api-types.ts";

const shopRoute = getRouteApi("/shops/$shopId");

/** The shop of the page's address. Only for pages inside ShopLayout, which waits for it. */
export function useCurrentShop(): Shop {
  const { shopId } = shopRoute.useParams();
  const trpc = useTRPC();
  const { data } = useQuery(trpc.shops.get.queryOptions({ shopId }));
  if (!data)
    throw new Error("useCurrentShop is for pages under ShopLayout, which renders them once the shop loaded");
  return data;
}

/** The server decides what a role may do and sends the list; the UI only reads it. */
export function can(shop: Pick<Shop, "permissions">, permission: ShopPermission): boolean {
  return shop.permissions.includes(permission);
}
