// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderApp, staffViewer } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";

afterEach(cleanup);

describe("an address no route matches", () => {
  it("says the page was not found, even to a signed-out visitor, inside a single frame", async () => {
    stubTrpc();
    const { router } = renderApp("/no-such-page", { viewer: null });

    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/no-such-page");
    expect(screen.getAllByRole("banner")).toHaveLength(1);
    expect(screen.getAllByRole("main")).toHaveLength(1);
  });

  it("is not hidden behind the staff frame for staff either", async () => {
    stubTrpc();
    renderApp("/no-such-page", { viewer: staffViewer });

    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
    expect(screen.getAllByRole("banner")).toHaveLength(1);
  });
});
