import { createDatabase } from "@omnify/db";
import { enqueue } from "@omnify/jobs";
import { expect, test } from "@playwright/test";
import { adminUrl, openStaffConsole } from "../support/accounts.ts";

test("the staff console shows a worker heartbeat pushed live through Soketi, without a reload", async ({
  browser,
}) => {
  const db = createDatabase({ url: process.env.E2E_DATABASE_URL ?? "", maxConnections: 1 });
  const page = await openStaffConsole(browser);
  try {
    await page.goto(adminUrl());
    const heartbeat = page.getByTestId("latest-heartbeat");
    await expect(heartbeat).toBeVisible();
    await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-state", "connected");
    const before = (await heartbeat.getAttribute("data-beat-at")) ?? "";

    // Anything that reloads the page would lose this marker.
    await page.evaluate(() => Object.assign(window, { e2eMarker: "kept" }));
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });

    await enqueue(db, "heartbeat", {});

    await expect
      .poll(async () => (await heartbeat.getAttribute("data-beat-at")) ?? "", { timeout: 20_000 })
      .not.toBe(before);
    const after = (await heartbeat.getAttribute("data-beat-at")) ?? "";
    expect(Number.isNaN(Date.parse(after))).toBe(false);
    if (before) expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
    expect(await page.evaluate(() => (window as unknown as { e2eMarker?: string }).e2eMarker)).toBe("kept");
    expect(navigations).toBe(0);
  } finally {
    await db.$disconnect();
  }
});

test("the staff console shows the database and migration state from system.getStatus", async ({
  browser,
}) => {
  const page = await openStaffConsole(browser);
  await page.goto(adminUrl());
  await expect(page.getByText(/PostgreSQL \d+/).first()).toBeVisible();
  await expect(page.getByText(/pending/i).first()).toBeVisible();
});
