// @vitest-environment happy-dom
import { authClient } from "@omnify/client";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderApp, shopOwnerViewer, staffViewer } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";

vi.mock("@omnify/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@omnify/client")>()),
  authClient: { signIn: { email: vi.fn() }, signOut: vi.fn() },
}));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("the staff gate", () => {
  it("shows a signed-in non-staff user the staff-only notice and requests no staff data", async () => {
    const calls = stubTrpc();
    const { harness } = renderApp("/users", { viewer: shopOwnerViewer });

    expect(
      await screen.findByRole("heading", { level: 1, name: "This console is for Omnify staff" }),
    ).toBeTruthy();
    expect(screen.getByText(shopOwnerViewer.email)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sign out" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Users" })).toBeNull();
    expect(screen.queryByRole("navigation", { name: "Console" })).toBeNull();

    const cached = harness.queryClient
      .getQueryCache()
      .getAll()
      .map((query) => query.queryKey[0]);
    expect(cached).toEqual([["account", "me"]]);
    expect(calls).toEqual([]);
  });

  it("sends a signed-out visitor to sign-in, remembering the page and its filters", async () => {
    stubTrpc();
    const shopId = "01938f4e-0000-7000-8000-0000000000aa";
    const { router } = renderApp(`/audit?shopId=${shopId}`, { viewer: null });

    expect(await screen.findByRole("heading", { name: "Sign in to the Control Room" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(router.state.location.search).toEqual({ redirect: `/audit?shopId=${shopId}` });
  });

  it("gives staff the console: sections, their email and a way to sign out", async () => {
    stubTrpc();
    renderApp("/outbox", {
      viewer: staffViewer,
      seed: ({ queryClient, trpc }) =>
        queryClient.setQueryData(trpc.admin.listOutbox.infiniteQueryKey({ limit: 25 }), {
          pages: [{ items: [], nextCursor: null }],
          pageParams: [null],
        }),
    });

    const nav = await screen.findByRole("navigation", { name: "Console" });
    const sections = within(nav)
      .getAllByRole("link")
      .map((link) => link.textContent);
    expect(sections).toEqual(["Platform health", "Audit log", "Users", "Shops", "Outbox"]);
    expect(within(nav).getByRole("link", { name: "Outbox" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByTestId("signed-in-email").textContent).toBe(staffViewer.email);
    expect(screen.getByRole("button", { name: "Sign out" })).toBeTruthy();
  });

  it("signs a non-staff user out from the notice", async () => {
    stubTrpc();
    vi.mocked(authClient.signOut).mockResolvedValue({ data: { success: true }, error: null } as never);
    const { router } = renderApp("/", { viewer: shopOwnerViewer });

    fireEvent.click(await screen.findByRole("button", { name: "Sign out" }));

    expect(await screen.findByRole("heading", { name: "Sign in to the Control Room" })).toBeTruthy();
    expect(authClient.signOut).toHaveBeenCalledOnce();
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
  });
});
