import { type Browser, expect, type Page } from "@playwright/test";
import { demoStaff } from "../../prisma/demo-accounts.ts";

export const webUrl = (path = "") => `${process.env.E2E_WEB_URL ?? ""}${path.replace(/^\//, "")}`;
export const adminUrl = (path = "") => `${process.env.E2E_ADMIN_URL ?? ""}${path.replace(/^\//, "")}`;

/** A unique address per run, so reruns against the same data folder never collide. */
export const uniqueEmail = (who: string) => `${who}-${Date.now().toString(36)}@example.com`;

/** A browser of its own, signed in to the staff console with the seeded staff account. */
export async function openStaffConsole(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(adminUrl("sign-in"));
  await page.getByLabel("Email").fill(demoStaff.email);
  await page.getByLabel("Password").fill(demoStaff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}

/** The link of the newest email of `template` to `to`, read from the staff console's outbox. */
export async function linkFromOutbox(staff: Page, to: string, template: string): Promise<string> {
  await staff.goto(adminUrl("outbox"));
  const link = staff
    .locator(`[data-testid="outbox-row"][data-to="${to}"]`)
    .first()
    .getByRole("link", { name: new RegExp(template) });
  await expect(link).toBeVisible();
  const href = await link.getAttribute("href");
  if (!href) throw new Error(`No ${template} link for ${to} in the outbox`);
  return href;
}

/** Fails when the page scrolls sideways, the usual way a layout breaks on a phone. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
