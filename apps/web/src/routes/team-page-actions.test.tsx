// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { aMember, aShop, aUser, renderApp, seedShop, shopId } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";

afterEach(cleanup);

const me = aUser();
const you = aMember({
  id: "2f3e4d5c-6b7a-4988-9a0b-1c2d3e4f5a6b",
  name: me.name,
  email: me.email,
  role: "owner",
  isYou: true,
});

function renderTeam() {
  return renderApp(`/shops/${shopId}/team`, (harness) =>
    seedShop(harness, { user: me, shop: aShop("owner"), members: [you], invitations: [] }),
  );
}

describe("TeamPage actions", () => {
  it("puts the server's field errors under the invite form's fields", async () => {
    const calls = stubTrpc(({ path }) =>
      path === "team.invite"
        ? {
            error: {
              code: "BAD_REQUEST",
              message: "Invalid input",
              fieldErrors: { email: ["must be an email address"] },
            },
          }
        : { data: [] },
    );
    renderTeam();
    const form = await screen.findByRole("form", { name: "Invite a teammate" });
    fireEvent.change(within(form).getByLabelText("Email"), { target: { value: "linus@example.com" } });
    fireEvent.change(within(form).getByLabelText("Role"), { target: { value: "viewer" } });
    fireEvent.click(within(form).getByRole("button", { name: "Send invitation" }));

    expect(await within(form).findByText("Email must be an email address.")).toBeTruthy();
    expect(calls.find((call) => call.path === "team.invite")?.input).toEqual({
      shopId,
      email: "linus@example.com",
      role: "viewer",
      persona: "marketer",
    });
  });

  it("shows why the last owner cannot leave, in the confirmation dialog", async () => {
    stubTrpc(({ path }) =>
      path === "team.leave"
        ? { error: { code: "CONFLICT", message: "A shop needs an owner: make someone else owner first." } }
        : { data: [] },
    );
    renderTeam();
    fireEvent.click(await screen.findByRole("button", { name: "Leave shop" }));
    const dialog = await screen.findByRole("dialog", { name: "Leave Juniper & Pine?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Leave shop" }));

    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "A shop needs an owner: make someone else owner first.",
    );
  });
});
