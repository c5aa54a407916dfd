import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll } from "../support/accounts.ts";
import {
  approveOnConsentPage,
  integrationCard as card,
  chooseFirstAccountAndSave,
  metaConsentPage,
  signInAsDemoOwner,
} from "../support/integrations.ts";

test("the demo owner connects Meta, Google Ads, TikTok and Shopify through the sandbox's consent pages", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsDemoOwner(page);
  await page.getByRole("link", { name: "Integrations" }).click();
  await expect(card(page, "meta")).toHaveAttribute("data-status", "not_connected");

  const adPlatforms = [
    { platform: "meta", name: "Meta", consent: metaConsentPage },
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
