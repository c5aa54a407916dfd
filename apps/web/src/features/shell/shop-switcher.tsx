import { Select } from "@omnify/ui";
import { useNavigate, useRouterState } from "@tanstack/react-router";
import { useId } from "react";
import type { MyShop } from "../../api-types.ts";

const newShopValue = "__new__";

export interface ShopSwitcherProps {
  shops: readonly MyShop[];
  /** The shop the page shows, if any. */
  currentShopId: string | undefined;
}

/** Moves to the same page (overview, team, integrations, settings) of the chosen shop. */
export function ShopSwitcher({ shops, currentShopId }: ShopSwitcherProps) {
  const id = useId();
  const navigate = useNavigate();
  const pageId = useRouterState({ select: (state) => state.matches.at(-1)?.routeId });
  const known = shops.some((shop) => shop.id === currentShopId);

  function open(shopId: string) {
    if (shopId === newShopValue) return navigate({ to: "/shops/new" });
    switch (pageId) {
      case "/shops/$shopId/team":
        return navigate({ to: "/shops/$shopId/team", params: { shopId } });
      case "/shops/$shopId/integrations":
        return navigate({ to: "/shops/$shopId/integrations", params: { shopId } });
      case "/shops/$shopId/settings":
        return navigate({ to: "/shops/$shopId/settings", params: { shopId } });
      default:
        return navigate({ to: "/shops/$shopId", params: { shopId } });
    }
  }

  return (
    <div className="flex shrink-0 items-center">
      <label htmlFor={id} className="sr-only">
        Shop
      </label>
      <Select
        id={id}
        value={known ? currentShopId : ""}
        onChange={(event) => void open(event.target.value)}
        className="w-36 py-1.5 sm:w-52"
      >
        {known ? null : (
          <option value="" disabled>
            Choose a shop
          </option>
        )}
        {shops.map((shop) => (
          <option key={shop.id} value={shop.id}>
            {shop.name}
          </option>
        ))}
        <option value={newShopValue}>+ New shop…</option>
      </Select>
    </div>
  );
}
