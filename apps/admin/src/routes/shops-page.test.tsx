// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { onePage, renderApp, staffViewer } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";

afterEach(cleanup);

const shop = {
  id: "01938f4e-0000-7000-8000-000000005409",
  name: "Juniper & Pine",
  slug: "juniper-pine",
  currency: "EUR",
  timeZone: "Europe/Paris",
  createdAt: new Date("2026-11-20T09:00:00Z"),
  memberCount: 4,
};

describe("ShopsPage", () => {
  it("lists shops and links each to its audit log", async () => {
    stubTrpc();
    renderApp("/shops", {
      viewer: staffViewer,
      seed: ({ queryClient, trpc }) =>
        queryClient.setQueryData(trpc.admin.listShops.infiniteQueryKey({ limit: 25 }), onePage([shop])),
    });

    const table = await screen.findByRole("table", { name: "Shops, newest first" });
    const row = within(table).getByTestId("shop-row");
    for (const text of ["Juniper & Pine", "juniper-pine", "EUR", "Europe/Paris", "4"]) {
      expect(within(row).getByText(text)).toBeTruthy();
    }
    const auditLink = within(row).getByRole("link", { name: "Audit log of Juniper & Pine" });
    expect(auditLink.getAttribute("href")).toBe(`/admin/audit?shopId=${shop.id}`);
  });
});
