import { expect, test } from "@playwright/test";

test("the admin console shows platform health", async ({ page }) => {
  await page.goto(process.env.E2E_ADMIN_URL ?? "");
  await expect(page).toHaveTitle(/Control Room/i);
  await expect(page.getByText(/PostgreSQL \d+/).first()).toBeVisible();
  await expect(page.getByTestId("latest-heartbeat")).toBeVisible();
});

test("deep links into either app load the app, not a server 404", async ({ page }) => {
  const admin = await page.goto(`${process.env.E2E_ADMIN_URL}no-such-page`);
  expect(admin?.status()).toBe(200);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  const web = await page.goto(`${process.env.E2E_WEB_URL}no-such-page`);
  expect(web?.status()).toBe(200);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
});
