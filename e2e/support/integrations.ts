import { expect, type Locator, type Page } from "@playwright/test";
import { demoOwner } from "../../prisma/demo-accounts.ts";
import { webUrl } from "./accounts.ts";

export const integrationCard = (page: Page, platform: string): Locator =>
  page.locator(`[data-testid="integration-card"][data-platform="${platform}"]`);

/** Signs the seeded demo owner in through the form; lands on their shop. */
export async function signInAsDemoOwner(page: Page): Promise<void> {
  await page.goto(webUrl("sign-in"));
  await page.getByLabel("Email").fill(demoOwner.email);
  await page.getByLabel("Password").fill(demoOwner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/shops\/[\w-]+/);
}

/** On the sandbox's consent page (a different origin), approve with every permission ticked. */
export async function approveOnConsentPage(page: Page, sandboxPath: RegExp): Promise<void> {
  await expect(page).toHaveURL(sandboxPath);
  await expect(page.getByText("Omnify sandbox")).toBeVisible();
  await page.getByRole("button", { name: /^(Continue|Confirm|Install)/ }).click();
}

export async function chooseFirstAccountAndSave(page: Page, platform: string): Promise<void> {
  const picker = integrationCard(page, platform);
  await picker.getByRole("checkbox").first().check();
  await picker.getByRole("button", { name: "Save accounts" }).click();
  await expect(picker.getByText(/choose at least one account/i)).toHaveCount(0);
}

export const metaConsentPage = /\/meta\/www\/v[\d.]+\/dialog\/oauth/;
