import { expect, type Page, test } from "@playwright/test";
import {
  expectNoHorizontalScroll,
  linkFromOutbox,
  openStaffConsole,
  uniqueEmail,
  webUrl,
} from "../support/accounts.ts";

const password = "a-long-enough-password";

async function signUp(page: Page, { name, email }: { name: string; email?: string }) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (email) await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test("sign up, verify from the outbox, create a shop, invite a viewer who joins and can change nothing", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const staff = await openStaffConsole(browser);
  const ownerEmail = uniqueEmail("owner");
  const teammateEmail = uniqueEmail("teammate");

  // The owner signs up and is asked to verify the address.
  const owner = await (await browser.newContext()).newPage();
  await owner.goto(webUrl("sign-up"));
  await signUp(owner, { name: "Olive Owner", email: ownerEmail });
  await expect(owner).toHaveURL(/\/verify-email/);
  await expect(owner.getByRole("main").getByText(ownerEmail)).toBeVisible();

  // No mail server: the verification link is read from the outbox in the staff console.
  await owner.goto(await linkFromOutbox(staff, ownerEmail, "verify-email"));
  await expect(owner).toHaveURL(/\/email-verified/);

  await owner.goto(webUrl());
  await expect(owner).toHaveURL(/\/shops\/new/);
  await owner.getByLabel("Shop name").fill("Olive & Oak");
  await owner.getByLabel("Currency").selectOption("EUR");
  await owner.getByLabel("Time zone").selectOption("Europe/Paris");
  await owner.getByRole("button", { name: "Create shop" }).click();
  await expect(owner).toHaveURL(/\/shops\/[0-9a-f-]{36}$/);
  const shopId = owner.url().split("/shops/")[1] ?? "";
  await expect(owner.getByRole("heading", { level: 1 })).toContainText("Olive & Oak");

  // Invite a teammate as a viewer.
  await owner.getByRole("link", { name: "Team" }).click();
  const invite = owner.getByRole("form", { name: "Invite a teammate" });
  await invite.getByLabel("Email").fill(teammateEmail);
  await invite.getByLabel("Role", { exact: true }).selectOption("viewer");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.locator(`[data-testid="invitation-row"][data-email="${teammateEmail}"]`)).toBeVisible();

  // The teammate opens the emailed link, signs up through it and accepts.
  const teammate = await (await browser.newContext({ viewport: { width: 375, height: 812 } })).newPage();
  await teammate.goto(await linkFromOutbox(staff, teammateEmail, "shop-invitation"));
  await expect(teammate.getByText("Olive & Oak").first()).toBeVisible();
  await teammate.getByRole("link", { name: "Create an account" }).click();
  await expect(teammate.getByLabel("Email", { exact: true })).toHaveValue(teammateEmail);
  await signUp(teammate, { name: "Vera Viewer" });
  await teammate.getByRole("button", { name: "Accept invitation" }).click();
  await expect(teammate).toHaveURL(new RegExp(`/shops/${shopId}$`));
  await expect(teammate.getByRole("heading", { level: 1 })).toContainText("Olive & Oak");
  await expectNoHorizontalScroll(teammate);

  // The team shows the teammate with the invited role.
  await teammate.goto(webUrl(`shops/${shopId}/team`));
  await expect(teammate.locator(`[data-testid="member-row"][data-email="${teammateEmail}"]`)).toHaveAttribute(
    "data-role",
    "viewer",
  );
  await expect(teammate.getByRole("form", { name: "Invite a teammate" })).toHaveCount(0);
  await expectNoHorizontalScroll(teammate);

  // A viewer's settings page has no controls to change anything…
  await teammate.goto(webUrl(`shops/${shopId}/settings`));
  await expect(teammate.getByText("Europe/Paris")).toBeVisible();
  await expect(teammate.getByRole("textbox")).toHaveCount(0);
  await expect(teammate.getByRole("combobox", { name: /currency|time zone/i })).toHaveCount(0);
  await expect(teammate.getByRole("button", { name: "Save changes" })).toHaveCount(0);

  // …and the API refuses the change when the viewer calls it directly with their session.
  const origin = new URL(webUrl()).origin;
  const direct = await teammate.request.post(webUrl("trpc/shops.update"), {
    headers: { origin, "content-type": "application/json" },
    data: { json: { shopId, name: "Changed by a viewer" } },
  });
  expect(direct.status()).toBe(403);
  expect((await direct.json()).error.json.data.code).toBe("FORBIDDEN");
  await owner.goto(webUrl(`shops/${shopId}`));
  await expect(owner.getByRole("heading", { level: 1 })).toContainText("Olive & Oak");
});

test("the seeded demo owner signs in and lands in the demo shop", async ({ page }) => {
  await page.goto(webUrl());
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill("owner@demo.omnify.local");
  await page.getByLabel("Password").fill("juniper-and-pine");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Juniper & Pine");
});
