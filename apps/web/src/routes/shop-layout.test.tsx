// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { aShop, aUser, renderApp, seedShop, shopId } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";

afterEach(cleanup);

describe("ShopLayout", () => {
  it("explains a shop that does not exist or that the user is not a member of", async () => {
    stubTrpc(({ path }) =>
      path === "shops.get"
        ? { error: { code: "NOT_FOUND", message: "Shop not found, or you are not a member of it." } }
        : { data: [] },
    );
    renderApp(`/shops/${shopId}/team`, ({ queryClient, trpc }) =>
      queryClient.setQueryData(trpc.account.me.queryKey(), { user: aUser() }),
    );

    expect(await screen.findByRole("heading", { name: "Shop not found" })).toBeTruthy();
    expect(screen.getByText("This shop does not exist, or you are not a member of it.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to your shops" })).toBeTruthy();
  });

  it("says on every shop page which connection needs reconnecting, and links to the integrations", async () => {
    renderApp(`/shops/${shopId}/team`, (harness) =>
      seedShop(harness, {
        shop: aShop("viewer"),
        integrations: [
          { platform: "meta", name: "Meta", available: true, integration: null },
          {
            platform: "google",
            name: "Google Ads",
            available: true,
            integration: {
              id: "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b",
              status: "needs_reauth",
              externalShop: null,
              scopes: [],
              accessTokenExpiresAt: null,
              lastError: "Google Ads says the access was revoked.",
              connectedAt: null,
              disconnectedAt: null,
              connectedBy: null,
              accounts: [],
            },
          },
        ],
      }),
    );

    const banner = await screen.findByRole("complementary", { name: "Integrations to reconnect" });
    expect(
      within(banner).getByText("Google Ads needs reconnecting: Google Ads says the access was revoked."),
    ).toBeTruthy();
    expect(within(banner).queryByText(/Meta/)).toBeNull();
    expect(within(banner).getByRole("link", { name: "Go to Integrations" }).getAttribute("href")).toBe(
      `/shops/${shopId}/integrations`,
    );
  });
});
