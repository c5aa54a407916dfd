// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { aShop, renderApp, seedShop, shopId } from "../testing/render-app.tsx";

afterEach(cleanup);

describe("ShopSettingsPage", () => {
  it("shows a viewer the shop's details with no editing controls", async () => {
    renderApp(`/shops/${shopId}/settings`, (harness) => seedShop(harness, { shop: aShop("viewer") }));

    expect(await screen.findByText("Only owners and admins can change these.")).toBeTruthy();
    expect(screen.getByText("Europe/Paris")).toBeTruthy();
    const main = screen.getByRole("main");
    expect(main.querySelectorAll("input, select, textarea, form")).toHaveLength(0);
    expect(screen.queryByRole("button", { name: "Save changes" })).toBeNull();
  });

  it("gives an admin the form, filled with the shop's values", async () => {
    renderApp(`/shops/${shopId}/settings`, (harness) => seedShop(harness, { shop: aShop("admin") }));

    expect(((await screen.findByLabelText("Shop name")) as HTMLInputElement).value).toBe("Juniper & Pine");
    expect((screen.getByLabelText("Currency") as HTMLSelectElement).value).toBe("EUR");
    expect((screen.getByLabelText("Time zone") as HTMLSelectElement).value).toBe("Europe/Paris");
    expect(screen.getByRole("button", { name: "Save changes" })).toBeTruthy();
  });
});
