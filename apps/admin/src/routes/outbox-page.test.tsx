// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { OutboxMessage } from "../components/types.ts";
import { onePage, renderApp, staffViewer } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";

const verifyLink = "http://localhost:3000/api/auth/verify-email?token=abc123";

function email(overrides: Partial<OutboxMessage>): OutboxMessage {
  return {
    id: "01938f4e-0000-7000-8000-0000000e3a11",
    template: "verify-email",
    toAddress: "ada@example.com",
    subject: "Verify your email for Omnify",
    textBody: `Hello Ada,\n\nConfirm your address: ${verifyLink}`,
    links: [verifyLink],
    status: "logged",
    attempts: 1,
    lastError: null,
    sentAt: null,
    createdAt: new Date(),
    ...overrides,
  };
}

async function openOutbox(messages: OutboxMessage[]) {
  stubTrpc();
  renderApp("/outbox", {
    viewer: staffViewer,
    seed: ({ queryClient, trpc }) =>
      queryClient.setQueryData(trpc.admin.listOutbox.infiniteQueryKey({ limit: 25 }), onePage(messages)),
  });
  await screen.findByRole("heading", { level: 1, name: "Outbox" });
}

function rowTo(address: string): HTMLElement {
  const row = screen.getAllByTestId("outbox-row").find((element) => element.dataset.to === address);
  if (!row) throw new Error(`No outbox row to ${address}`);
  return row;
}

afterEach(cleanup);

describe("OutboxPage", () => {
  it("shows an email's links and text body when the server includes them", async () => {
    await openOutbox([email({})]);

    const row = rowTo("ada@example.com");
    const link = within(row).getByRole("link", { name: "Open verify-email link for ada@example.com" });
    expect(link.getAttribute("href")).toBe(verifyLink);
    expect(link.textContent).toBe("Open link");
    expect(within(row).getByText("Text body").closest("details")?.textContent).toContain(
      "Confirm your address",
    );
    expect(within(row).getByText("Logged, not sent")).toBeTruthy();
  });

  it("shows no links or body when a mail server delivers them", async () => {
    await openOutbox([email({ links: [], textBody: null, status: "sent", sentAt: new Date() })]);

    const row = rowTo("ada@example.com");
    expect(within(row).queryByRole("link")).toBeNull();
    expect(within(row).queryByText("Text body")).toBeNull();
    expect(within(row).getByText("Sent")).toBeTruthy();
  });

  it("reports a failed delivery with its attempts and last error", async () => {
    await openOutbox([
      email({ toAddress: "grace@example.com", status: "failed", attempts: 5, lastError: "550 No such user" }),
    ]);

    const row = rowTo("grace@example.com");
    expect(within(row).getByText("Failed")).toBeTruthy();
    expect(within(row).getByText("5")).toBeTruthy();
    expect(row.textContent).toContain("Last error: 550 No such user");
  });

  it("never turns a non-web link into something clickable", async () => {
    await openOutbox([email({ links: ["javascript:alert(1)"] })]);

    expect(within(rowTo("ada@example.com")).queryByRole("link")).toBeNull();
  });

  it("says so when no email was sent yet", async () => {
    await openOutbox([]);

    expect(screen.getByText("No emails yet")).toBeTruthy();
  });
});
