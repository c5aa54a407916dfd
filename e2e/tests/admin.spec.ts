import { expect, test } from "@playwright/test";
import { adminUrl, openStaffConsole } from "../support/accounts.ts";

test("the staff console asks for a sign-in, then shows platform health", async ({ browser, page }) => {
  await page.goto(adminUrl());
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await expect(page).toHaveTitle(/Control Room/i);
  const staff = await openStaffConsole(browser);
  await staff.goto(adminUrl());
  await expect(staff.getByText(/PostgreSQL \d+/).first()).toBeVisible();
  await expect(staff.getByTestId("latest-heartbeat")).toBeVisible();
});

test("deep links into either app load the app, not a server 404", async ({ page }) => {
  const admin = await page.goto(`${process.env.E2E_ADMIN_URL}no-such-page`);
  expect(admin?.status()).toBe(200);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  const web = await page.goto(`${process.env.E2E_WEB_URL}no-such-page`);
  expect(web?.status()).toBe(200);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
});
