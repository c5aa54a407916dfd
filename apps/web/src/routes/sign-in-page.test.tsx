// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderApp } from "../testing/render-app.tsx";

const signInEmail = vi.hoisted(() => vi.fn());

vi.mock("@omnify/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@omnify/client")>()),
  authClient: { signIn: { email: signInEmail } },
}));

afterEach(() => {
  cleanup();
  signInEmail.mockReset();
});

function renderSignIn(url = "/sign-in") {
  return renderApp(url, ({ queryClient, trpc }) =>
    queryClient.setQueryData(trpc.account.me.queryKey(), { user: null }),
  );
}

describe("SignInPage", () => {
  it("shows inline errors for an empty form, focuses the first field, and calls no server", async () => {
    renderSignIn();
    fireEvent.click(await screen.findByRole("button", { name: "Sign in" }));

    expect(await screen.findByText("Enter your email address.")).toBeTruthy();
    expect(screen.getByText("Enter your password.")).toBeTruthy();
    const email = screen.getByLabelText("Email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    // The message is read out with the field.
    expect(email.getAttribute("aria-describedby")).toBe(screen.getByText("Enter your email address.").id);
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(signInEmail).not.toHaveBeenCalled();
  });

  it("rejects a malformed email address without calling the server", async () => {
    renderSignIn();
    fireEvent.change(await screen.findByLabelText("Email"), { target: { value: "ada@" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "correct horse battery" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText("Enter a valid email address, like name@example.com.")).toBeTruthy();
    expect(signInEmail).not.toHaveBeenCalled();
  });

  it("shows the server's answer above the form when the credentials are wrong", async () => {
    signInEmail.mockResolvedValue({
      data: null,
      error: { status: 401, message: "Invalid email or password" },
    });
    renderSignIn("/sign-in?email=ada%40example.com");
    // `?email=` prefills the address (invitation links use it).
    expect(((await screen.findByLabelText("Email")) as HTMLInputElement).value).toBe("ada@example.com");
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "not the password" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect((await screen.findByRole("alert")).textContent).toBe("Invalid email or password");
    expect(signInEmail).toHaveBeenCalledWith({ email: "ada@example.com", password: "not the password" });
  });
});
