// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { aUser, renderApp, shopId } from "../testing/render-app.tsx";
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
});
