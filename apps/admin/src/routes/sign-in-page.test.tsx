// @vitest-environment happy-dom
import { authClient } from "@omnify/client";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderApp, staffViewer } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";

vi.mock("@omnify/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@omnify/client")>()),
  authClient: { signIn: { email: vi.fn() }, signOut: vi.fn() },
}));

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

/** The router renders asynchronously: wait for the form before using it. */
async function openSignIn(path = "/sign-in") {
  const app = renderApp(path, { viewer: null });
  await screen.findByRole("heading", { name: "Sign in to the Control Room" });
  return app;
}

function fillIn(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("SignInPage", () => {
  it("says inline what is missing, without calling the server", async () => {
    stubTrpc();
    await openSignIn();

    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText("Enter your email address.")).toBeTruthy();
    expect(screen.getByText("Enter your password.")).toBeTruthy();
    expect(screen.getByLabelText("Email").getAttribute("aria-invalid")).toBe("true");
    expect(authClient.signIn.email).not.toHaveBeenCalled();
  });

  it("rejects a malformed email inline", async () => {
    stubTrpc();
    await openSignIn();

    fillIn("Email", "sam-at-omnify");
    fillIn("Password", "hunter2hunter2");
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText("Enter an email address like name@example.com.")).toBeTruthy();
  });

  it("shows the rate limit's message in an alert", async () => {
    stubTrpc();
    vi.mocked(authClient.signIn.email).mockResolvedValue({
      data: null,
      error: { status: 429, message: "Too many attempts. Try again in 42 seconds." },
    } as never);
    await openSignIn();

    fillIn("Email", "sam@omnify.example");
    fillIn("Password", "wrong-password");
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Too many attempts. Try again in 42 seconds.",
    );
  });

  it("goes back to the page that asked for sign-in", async () => {
    // After signing in every query is refetched: `account.me` now answers with the staff user.
    stubTrpc({
      "account.me": () => ({ user: staffViewer }),
      "admin.listShops": () => ({ items: [], nextCursor: null }),
    });
    vi.mocked(authClient.signIn.email).mockResolvedValue({ data: {}, error: null } as never);
    const { router } = await openSignIn("/sign-in?redirect=%22%2Fshops%22");

    fillIn("Email", staffViewer.email);
    fillIn("Password", "correct horse battery staple");
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Shops" })).toBeTruthy();
    await waitFor(() => expect(router.state.location.pathname).toBe("/shops"));
    expect(authClient.signIn.email).toHaveBeenCalledWith({
      email: staffViewer.email,
      password: "correct horse battery staple",
    });
  });
});
