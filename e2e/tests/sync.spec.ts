import { createDatabase, type Db } from "@omnify/db";
import { SandboxDataset } from "@omnify/sandbox";
import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  approveOnConsentPage,
  integrationCard,
  metaConsentPage,
  signInAsDemoOwner,
} from "../support/integrations.ts";

const sandboxUrl = () => {
  const url = process.env.E2E_SANDBOX_URL;
  if (!url) throw new Error("E2E_SANDBOX_URL is not set: the stack serves no platform from its sandbox");
  return url;
};

async function setSandboxFaults(faults: Record<string, number>): Promise<void> {
  const response = await fetch(`${sandboxUrl()}/__sandbox/faults`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  if (!response.ok)
    throw new Error(`The sandbox refused the faults: ${response.status} ${await response.text()}`);
}

/**
 * Meta connected with every account it lists syncing. Two accounts make an incremental run four
 * steps (dimensions and the lookback's metrics for each), so progress has several stops between
 * 0 and 100; one account would make it jump 12 % → 100 %.
 */
async function ensureMetaSyncsEveryAccount(page: Page, meta: Locator): Promise<void> {
  if ((await meta.getAttribute("data-status")) !== "connected") {
    await meta.getByRole("button", { name: /^(Connect|Reconnect) Meta$/ }).click();
    await approveOnConsentPage(page, metaConsentPage);
    await expect(page).toHaveURL(/\/integrations\?connected=meta/);
    await expect(meta).toHaveAttribute("data-status", "connected");
  }
  let changed = false;
  for (const checkbox of await meta.getByRole("checkbox").all()) {
    if ((await checkbox.isDisabled()) || (await checkbox.isChecked())) continue;
    await checkbox.check();
    changed = true;
  }
  if (changed) {
    // Saving starts the first sync of the newly chosen accounts.
    await meta.getByRole("button", { name: "Save accounts for Meta" }).click();
    await expect(meta.getByText(/^Saved\. Omnify syncs \d+ accounts from Meta\.$/)).toBeVisible();
  }
}

/** Waits out any run of the integration (the first sync after saving accounts, or a scheduled one). */
async function waitForNoActiveRun(db: Db, meta: Locator, integrationId: string): Promise<void> {
  await expect
    .poll(() => db.syncRun.count({ where: { integrationId, status: { in: ["queued", "running"] } } }), {
      timeout: 240_000,
      intervals: [1_000],
    })
    .toBe(0);
  await expect(meta.getByRole("progressbar")).toHaveCount(0);
}

/** Starts recording, in the page, every value the card's progress bar shows. */
async function recordProgress(meta: Locator): Promise<void> {
  await meta.evaluate((card) => {
    const seen: number[] = [];
    Object.assign(window, { e2eProgressSeen: seen });
    const read = () => {
      const value = card.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow");
      if (value !== null && value !== undefined && seen.at(-1) !== Number(value)) seen.push(Number(value));
    };
    new MutationObserver(read).observe(card, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["aria-valuenow"],
    });
  });
}

/** ad_metrics_daily rows the sandbox serves for the run's metric steps, read at the run's start. */
async function sandboxMetricRows(db: Db, runId: string): Promise<number> {
  const run = await db.syncRun.findUniqueOrThrow({
    where: { id: runId },
    select: { plan: true, startedAt: true },
  });
  const { seed } = (await (await fetch(`${sandboxUrl()}/__sandbox/health`)).json()) as { seed: number };
  const dataset = new SandboxDataset(seed);
  const steps = run.plan as Array<{ kind: string; accountId: string; since?: string; until?: string }>;
  let rows = 0;
  for (const step of steps) {
    if (step.kind !== "ad_metrics" || !step.since || !step.until) continue;
    const { externalId } = await db.integrationAccount.findUniqueOrThrow({ where: { id: step.accountId } });
    const account = dataset.account("meta", externalId);
    if (!account) throw new Error(`The sandbox has no Meta account ${externalId}`);
    rows += dataset.metrics(account, step.since, step.until, run.startedAt ?? new Date()).length;
  }
  return rows;
}

test("the demo owner presses Sync now, watches it advance live, and the run succeeds with the sandbox's counts", async ({
  page,
}) => {
  test.setTimeout(360_000);
  const db = createDatabase({ url: process.env.E2E_DATABASE_URL ?? "", maxConnections: 1 });
  try {
    await signInAsDemoOwner(page);
    await page.getByRole("link", { name: "Integrations" }).click();
    const meta = integrationCard(page, "meta");
    await expect(meta).toHaveAttribute("data-status", /.+/);
    await ensureMetaSyncsEveryAccount(page, meta);
    const shopId = /\/shops\/([\w-]+)/.exec(page.url())?.[1] ?? "";
    const { id: integrationId } = await db.integration.findUniqueOrThrow({
      where: { shopId_platform: { shopId, platform: "meta" } },
      select: { id: true },
    });
    await waitForNoActiveRun(db, meta, integrationId);

    // Any reload would lose this marker: the progress must arrive live.
    await page.evaluate(() => Object.assign(window, { e2eMarker: "kept" }));
    await recordProgress(meta);
    let runId = "";
    // Each platform call now takes 400 ms, so every step of the run is seen on its own.
    await setSandboxFaults({ slowRate: 1, slowMs: 400 });
    try {
      await meta.getByRole("button", { name: "Sync now" }).click();
      const progress = meta.getByTestId("sync-progress");
      await expect(progress).toBeVisible();
      runId = (await progress.getAttribute("data-run-id")) ?? "";
      await expect(meta.getByRole("progressbar")).toHaveCount(0, { timeout: 180_000 });
    } finally {
      await setSandboxFaults({});
    }

    const seen = await page.evaluate(
      () => (window as unknown as { e2eProgressSeen: number[] }).e2eProgressSeen,
    );
    const between = new Set(seen.filter((value) => value > 0 && value < 100));
    expect(between.size, `progress values seen: ${seen.join(", ")}`).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { e2eMarker?: string }).e2eMarker)).toBe("kept");

    // Found by id: a scheduled run of another platform may have been queued since.
    const history = page.getByRole("region", { name: "Sync history" });
    const row = history.locator(`[data-testid="sync-run"][data-run-id="${runId}"]`);
    await expect(row).toHaveAttribute("data-status", "succeeded");
    const newestMetaRun = await db.syncRun.findFirstOrThrow({
      where: { integrationId },
      orderBy: { queuedAt: "desc" },
      select: { id: true },
    });
    expect(newestMetaRun.id).toBe(runId);
    const metricRows = row.locator('[data-table="ad_metrics_daily"]');
    const expected = await sandboxMetricRows(db, runId);
    expect(expected).toBeGreaterThan(0);
    await expect(metricRows).toHaveAttribute("data-count", String(expected));
  } finally {
    await db.$disconnect();
  }
});
