// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aShop, aUser, renderApp, shopId } from "../testing/render-app.tsx";
import { rememberLastShop } from "./last-shop.ts";

const secondShopId = "6c1f3b9f-7e2d-4a68-8b62-1dae4f3c8b21";
const myShops = [
  {
    id: shopId,
    name: "Juniper & Pine",
    currency: "EUR",
    timeZone: "Europe/Paris",
    role: "owner",
    persona: "founder",
  },
  {
    id: secondShopId,
    name: "Second Shop",
    currency: "USD",
    timeZone: "America/New_York",
    role: "viewer",
    persona: "marketer",
  },
] as const;

beforeEach(() => localStorage.clear());
afterEach(cleanup);

async function settle(router: { state: { status: string } }) {
  await expect.poll(() => router.state.status).toBe("idle");
}

describe("route guards", () => {
  it("sends a signed-out visitor to sign-in, remembering where they were going", async () => {
    const { router } = renderApp(`/shops/${shopId}/team`, ({ queryClient, trpc }) =>
      queryClient.setQueryData(trpc.account.me.queryKey(), { user: null }),
    );
    await settle(router);
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(router.state.location.search).toEqual({ redirect: `/shops/${shopId}/team` });
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeTruthy();
  });

  it("sends an unverified account from / to the verification page", async () => {
    const { router } = renderApp("/", ({ queryClient, trpc }) =>
      queryClient.setQueryData(trpc.account.me.queryKey(), { user: aUser({ emailVerified: false }) }),
    );
    await settle(router);
    expect(router.state.location.pathname).toBe("/verify-email");
    expect(await within(screen.getByRole("main")).findByText("ada@example.com")).toBeTruthy();
  });

  it("sends an account without shops from / to create one", async () => {
    const { router } = renderApp("/", ({ queryClient, trpc }) => {
      queryClient.setQueryData(trpc.account.me.queryKey(), { user: aUser() });
      queryClient.setQueryData(trpc.shops.listMine.queryKey(), []);
    });
    await settle(router);
    expect(router.state.location.pathname).toBe("/shops/new");
    expect(await screen.findByRole("heading", { name: "Create your first shop" })).toBeTruthy();
  });

  it("opens the last-used shop from /, and lists every shop in the switcher", async () => {
    rememberLastShop(secondShopId);
    const { router } = renderApp("/", ({ queryClient, trpc }) => {
      queryClient.setQueryData(trpc.account.me.queryKey(), { user: aUser() });
      queryClient.setQueryData(trpc.shops.listMine.queryKey(), [...myShops]);
      queryClient.setQueryData(
        trpc.shops.get.queryKey({ shopId: secondShopId }),
        aShop("viewer", { id: secondShopId, name: "Second Shop" }),
      );
      // Every shop page reads it for the reconnect banner.
      queryClient.setQueryData(trpc.integrations.list.queryKey({ shopId: secondShopId }), []);
    });
    await settle(router);
    expect(router.state.location.pathname).toBe(`/shops/${secondShopId}`);
    expect(await screen.findByRole("heading", { name: "Second Shop" })).toBeTruthy();
    const switcher = screen.getByRole("combobox", { name: "Shop" }) as HTMLSelectElement;
    expect(switcher.value).toBe(secondShopId);
    expect([...switcher.options].map((option) => option.text)).toEqual([
      "Juniper & Pine",
      "Second Shop",
      "+ New shop…",
    ]);
  });

  it("does not follow a redirect to another site after sign-in", async () => {
    const { router } = renderApp("/sign-in?redirect=%2F%2Fevil.example%2Fx", ({ queryClient, trpc }) => {
      queryClient.setQueryData(trpc.account.me.queryKey(), { user: aUser() });
      queryClient.setQueryData(trpc.shops.listMine.queryKey(), []);
    });
    await settle(router);
    expect(router.state.location.pathname).toBe("/shops/new");
  });
});
