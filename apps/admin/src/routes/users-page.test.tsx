// @vitest-environment happy-dom
import type { TestHarness } from "@omnify/client/testing";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { StaffUserRow } from "../components/types.ts";
import { onePage, renderApp, staffViewer } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";

const ada: StaffUserRow = {
  id: "01938f4e-0000-7000-8000-00000000a0da",
  name: "Ada Lovelace",
  email: "ada@example.com",
  emailVerified: true,
  isStaff: false,
  banned: false,
  banReason: null,
  createdAt: new Date("2026-11-20T09:00:00Z"),
  shopCount: 2,
  sessionCount: 3,
};

const self: StaffUserRow = {
  ...ada,
  id: staffViewer.id,
  name: staffViewer.name,
  email: staffViewer.email,
  isStaff: true,
};

function seedUsers(users: StaffUserRow[]) {
  return ({ queryClient, trpc }: TestHarness) =>
    queryClient.setQueryData(trpc.admin.listUsers.infiniteQueryKey({ limit: 25 }), onePage(users));
}

async function openUsers(users: StaffUserRow[]) {
  const app = renderApp("/users", { viewer: staffViewer, seed: seedUsers(users) });
  await screen.findByRole("heading", { level: 1, name: "Users" });
  return app;
}

function rowOf(email: string): HTMLElement {
  const row = screen.getAllByTestId("user-row").find((element) => element.dataset.email === email);
  if (!row) throw new Error(`No row for ${email}`);
  return row;
}

afterEach(cleanup);

describe("UsersPage", () => {
  it("offers no ban or revoke on the staff member's own row", async () => {
    stubTrpc();
    await openUsers([ada, self]);

    expect(within(rowOf(ada.email)).getByRole("button", { name: `Ban ${ada.email}` })).toBeTruthy();
    expect(within(rowOf(self.email)).queryByRole("button")).toBeNull();
    expect(within(rowOf(self.email)).getByText("(you)")).toBeTruthy();
  });

  it("bans after confirmation, with the reason, and announces it", async () => {
    const calls = stubTrpc({
      "admin.setUserBanned": () => ({ userId: ada.id, banned: true }),
      "admin.listUsers": () => ({ items: [{ ...ada, banned: true, banReason: "Spam" }], nextCursor: null }),
    });
    await openUsers([ada]);

    fireEvent.click(screen.getByRole("button", { name: `Ban ${ada.email}` }));
    const dialog = await screen.findByRole("dialog", { name: `Ban ${ada.email}?` });
    fireEvent.change(within(dialog).getByLabelText("Reason (optional)"), { target: { value: " Spam " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Ban user" }));

    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        `${ada.email} is banned and was signed out everywhere.`,
      ),
    );
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(calls).toContainEqual({
      path: "admin.setUserBanned",
      input: { userId: ada.id, banned: true, reason: "Spam" },
    });
    expect(await within(rowOf(ada.email)).findByRole("button", { name: `Unban ${ada.email}` })).toBeTruthy();
  });

  it("does nothing when the ban is cancelled", async () => {
    const calls = stubTrpc();
    await openUsers([ada]);

    fireEvent.click(screen.getByRole("button", { name: `Ban ${ada.email}` }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(calls.filter((call) => call.path === "admin.setUserBanned")).toEqual([]);
  });

  it("revokes sessions and says how many", async () => {
    stubTrpc({
      "admin.revokeUserSessions": () => ({ revoked: 3 }),
      "admin.listUsers": () => ({ items: [{ ...ada, sessionCount: 0 }], nextCursor: null }),
    });
    await openUsers([ada]);

    fireEvent.click(screen.getByRole("button", { name: `Revoke sessions ${ada.email}` }));

    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        `Revoked 3 sessions of ${ada.email}: they are signed out everywhere.`,
      ),
    );
  });

  it("searches on submit and keeps the search in the address", async () => {
    const calls = stubTrpc({ "admin.listUsers": () => ({ items: [], nextCursor: null }) });
    const { router } = await openUsers([ada]);

    fireEvent.change(screen.getByLabelText("Name or email"), { target: { value: "grace" } });
    fireEvent.click(screen.getByRole("button", { name: "Search" }));

    expect(await screen.findByText("No users match “grace”")).toBeTruthy();
    expect(router.state.location.search).toEqual({ q: "grace" });
    expect(calls).toContainEqual({
      path: "admin.listUsers",
      input: expect.objectContaining({ limit: 25, search: "grace" }),
    });
  });
});
