import { expect, type Page, test } from "@playwright/test";
import { demoOwner } from "../../prisma/demo-accounts.ts";
import { expectNoHorizontalScroll, webUrl } from "../support/accounts.ts";

const card = (page: Page, platform: string) =>
  page.locator(`[data-testid="integration-card"][data-platform="${platform}"]`);

/** On the sandbox's consent page (a different origin), approve with every permission ticked. */
async function approveOnConsentPage(page: Page, sandboxPath: RegExp) {
  await expect(page).toHaveURL(sandboxPath);
  await expect(page.getByText("Omnify sandbox")).toBeVisible();
  await page.getByRole("button", { name: /^(Continue|Confirm|Install)/ }).click();
}

async function chooseFirstAccountAndSave(page: Page, platform: string) {
  const picker = card(page, platform);
  await picker.getByRole("checkbox").first().check();
  await picker.getByRole("button", { name: "Save accounts" }).click();
  await expect(picker.getByText(/choose at least one account/i)).toHaveCount(0);
}

test("the demo owner connects Meta, Google Ads, TikTok and Shopify through the sandbox's consent pages", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(webUrl("sign-in"));
  await page.getByLabel("Email").fill(demoOwner.email);
  await page.getByLabel("Password").fill(demoOwner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/shops\/[\w-]+/);
  await page.getByRole("link", { name: "Integrations" }).click();
  await expect(card(page, "meta")).toHaveAttribute("data-status", "not_connected");

  const adPlatforms = [
    { platform: "meta", name: "Meta", consent: /\/meta\/www\/v[\d.]+\/dialog\/oauth/ },
    { platform: "google", name: "Google Ads", consent: /\/google\/accounts\/o\/oauth2\/v2\/auth/ },
    { platform: "tiktok", name: "TikTok", consent: /\/tiktok\/portal\/auth/ },
  ];
  for (const { platform, name, consent } of adPlatforms) {
    await card(page, platform)
      .getByRole("button", { name: `Connect ${name}` })
      .click();
    await approveOnConsentPage(page, consent);
    await expect(page).toHaveURL(new RegExp(`/integrations\\?connected=${platform}`));
    await expect(page.getByText(`${name} is connected.`)).toBeVisible();
    await chooseFirstAccountAndSave(page, platform);
    await expect(card(page, platform)).toHaveAttribute("data-status", "connected");
  }

  await card(page, "shopify").getByLabel("Store address").fill("juniper-and-pine");
  await card(page, "shopify").getByRole("button", { name: "Connect Shopify" }).click();
  await approveOnConsentPage(page, /\/shopify\/juniper-and-pine\.myshopify\.com\/admin\/oauth\/authorize/);
  await expect(page).toHaveURL(/\/integrations\?connected=shopify/);
  await expect(card(page, "shopify")).toHaveAttribute("data-status", "connected");
  await expect(card(page, "shopify").getByText("juniper-and-pine.myshopify.com")).toBeVisible();

  // Every card says Connected, and still does after a reload.
  await page.reload();
  for (const platform of ["meta", "google", "tiktok", "shopify"]) {
    await expect(card(page, platform)).toHaveAttribute("data-status", "connected");
    await expect(card(page, platform).getByText("Connected", { exact: true })).toBeVisible();
  }
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page);
});
