// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { aMember, anInvitation, aShop, aUser, renderApp, seedShop, shopId } from "../testing/render-app.tsx";

afterEach(cleanup);

const me = aUser();
const you = (role: "owner" | "admin" | "member" | "viewer") =>
  aMember({ id: "2f3e4d5c-6b7a-4988-9a0b-1c2d3e4f5a6b", name: me.name, email: me.email, role, isYou: true });
const owner = aMember({
  id: "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
  name: "Olive Owner",
  email: "olive@example.com",
  role: "owner",
});
const member = aMember();

async function memberRow(email: string) {
  const rows = await screen.findAllByTestId("member-row");
  const row = rows.find((element) => element.dataset.email === email);
  if (!row) throw new Error(`no member row for ${email}`);
  return row;
}

describe("TeamPage", () => {
  it("shows a viewer the team without any way to change it, except their own persona", async () => {
    renderApp(`/shops/${shopId}/team`, (harness) =>
      seedShop(harness, { user: me, shop: aShop("viewer"), members: [owner, member, you("viewer")] }),
    );

    const rows = await screen.findAllByTestId("member-row");
    expect(rows.map((row) => [row.dataset.email, row.dataset.role])).toEqual([
      ["olive@example.com", "owner"],
      ["grace@example.com", "member"],
      ["ada@example.com", "viewer"],
    ]);
    expect(screen.queryByRole("form", { name: "Invite a teammate" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Send invitation" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Pending invitations" })).toBeNull();
    expect(screen.queryAllByRole("combobox", { name: /^Role/ })).toEqual([]);
    expect(screen.queryAllByRole("button", { name: /^(Remove|Transfer ownership)/ })).toEqual([]);

    const mine = await memberRow("ada@example.com");
    expect(within(mine).getByRole("combobox", { name: "Persona of yourself" })).toBeTruthy();
    const others = await memberRow("grace@example.com");
    expect(within(others).queryByRole("combobox")).toBeNull();
    expect(within(others).getByText("Marketer")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Leave shop" })).toBeTruthy();
  });

  it("gives an owner role, transfer and remove controls, the invite form and pending invitations", async () => {
    renderApp(`/shops/${shopId}/team`, (harness) =>
      seedShop(harness, {
        user: me,
        shop: aShop("owner"),
        members: [you("owner"), member],
        invitations: [anInvitation()],
      }),
    );

    const row = await memberRow("grace@example.com");
    const role = within(row).getByRole("combobox", { name: "Role of Grace Hopper" }) as HTMLSelectElement;
    expect([...role.options].map((option) => option.value)).toEqual(["owner", "admin", "member", "viewer"]);
    expect(within(row).getByRole("button", { name: "Transfer ownership to Grace Hopper" })).toBeTruthy();

    const form = screen.getByRole("form", { name: "Invite a teammate" });
    expect(within(form).getByLabelText("Email")).toBeTruthy();
    expect(within(form).getByLabelText("Role")).toBeTruthy();
    expect(within(form).getByLabelText("Persona")).toBeTruthy();
    const invitation = screen.getByTestId("invitation-row");
    expect(invitation.dataset.email).toBe("linus@example.com");

    // Destructive actions ask first.
    fireEvent.click(within(row).getByRole("button", { name: "Remove Grace Hopper" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove Grace Hopper?" });
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("does not let an admin change or remove an owner, nor make anyone owner", async () => {
    renderApp(`/shops/${shopId}/team`, (harness) =>
      seedShop(harness, {
        user: me,
        shop: aShop("admin"),
        members: [owner, you("admin"), member],
        invitations: [],
      }),
    );

    const ownerRow = await memberRow("olive@example.com");
    expect(within(ownerRow).queryByRole("combobox", { name: /^Role/ })).toBeNull();
    expect(within(ownerRow).queryByRole("button", { name: /^Remove/ })).toBeNull();

    const memberRole = within(await memberRow("grace@example.com")).getByRole("combobox", {
      name: "Role of Grace Hopper",
    }) as HTMLSelectElement;
    expect([...memberRole.options].map((option) => option.value)).toEqual(["admin", "member", "viewer"]);
    expect(screen.queryAllByRole("button", { name: /^Transfer ownership/ })).toEqual([]);
  });

  it("shows inline errors in the invite form without sending it", async () => {
    renderApp(`/shops/${shopId}/team`, (harness) =>
      seedShop(harness, { user: me, shop: aShop("owner"), members: [you("owner")], invitations: [] }),
    );
    const form = await screen.findByRole("form", { name: "Invite a teammate" });
    fireEvent.change(within(form).getByLabelText("Email"), { target: { value: "not an address" } });
    fireEvent.click(within(form).getByRole("button", { name: "Send invitation" }));

    expect(await within(form).findByText("Enter a valid email address, like name@example.com.")).toBeTruthy();
    expect(within(form).getByLabelText("Email").getAttribute("aria-invalid")).toBe("true");
  });
});
