// @vitest-environment happy-dom
import type { TestHarness } from "@omnify/client/testing";
import { type SyncRunEvent, shopChannel } from "@omnify/realtime";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import type { IntegrationCard, Shop, SyncRun } from "../api-types.ts";
import { formatTime } from "../components/format-date.ts";
import { historyPageSize } from "../features/sync/sync-history.tsx";
import { aShop, renderApp, seedShop, shopId } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";

afterEach(cleanup);

const metaId = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

const metaCard: IntegrationCard = {
  platform: "meta",
  name: "Meta",
  available: true,
  integration: {
    id: metaId,
    status: "connected",
    externalShop: null,
    scopes: ["ads_read"],
    accessTokenExpiresAt: null,
    lastError: null,
    connectedAt: null,
    disconnectedAt: null,
    connectedBy: null,
    accounts: [],
  },
};

function aRun(overrides: Partial<SyncRun> = {}): SyncRun {
  return {
    id: "0190d2a4-0000-7000-8000-000000000001",
    integrationId: metaId,
    platform: "meta",
    trigger: "user",
    mode: "incremental",
    status: "running",
    progress: 10,
    rowsWritten: {},
    rows: 0,
    apiCalls: 1,
    retries: 0,
    waitingUntil: null,
    error: null,
    queuedAt: new Date("2026-11-21T10:00:00Z"),
    startedAt: new Date("2026-11-21T10:00:01Z"),
    finishedAt: null,
    durationMs: 1_000,
    ...overrides,
  };
}

const progress = (run: SyncRun, overrides: Partial<SyncRunEvent>): SyncRunEvent => ({
  runId: run.id,
  integrationId: run.integrationId,
  platform: run.platform,
  status: "running",
  progress: run.progress,
  rows: run.rows,
  apiCalls: run.apiCalls,
  waitingUntil: null,
  error: null,
  ...overrides,
});

function renderPage({ role = "owner", active = [] as SyncRun[], seedHistory = true } = {}) {
  return renderApp(`/shops/${shopId}/integrations`, (harness: TestHarness) => {
    seedShop(harness, { shop: aShop(role as Shop["role"]), integrations: [metaCard] });
    harness.queryClient.setQueryData(harness.trpc.sync.active.queryKey({ shopId }), active);
    if (seedHistory) {
      harness.queryClient.setQueryData(
        harness.trpc.sync.runs.infiniteQueryKey({ shopId, limit: historyPageSize }),
        { pages: [{ items: [], nextCursor: null }], pageParams: [null] },
      );
    }
  });
}

const metaCardElement = async () =>
  (await screen.findAllByTestId("integration-card")).find((card) => card.dataset.platform === "meta") ??
  screen.getByText("no Meta card");

describe("live sync progress on the integrations page", () => {
  it("moves the bar with each event, says what it waits for, and clears it when the run finishes", async () => {
    const run = aRun();
    const calls = stubTrpc(({ path }) => ({
      data:
        path === "sync.runs"
          ? {
              items: [aRun({ status: "succeeded", progress: 100, finishedAt: new Date() })],
              nextCursor: null,
            }
          : path === "integrations.list"
            ? [metaCard]
            : [],
    }));
    const { harness } = renderPage({ active: [run] });
    const card = await metaCardElement();
    const bar = within(card).getByRole("progressbar", { name: "Sync progress" });
    expect(bar.getAttribute("aria-valuenow")).toBe("10");
    const syncNow = within(card).getByRole("button", { name: /Sync now/ }) as HTMLButtonElement;
    expect(syncNow.disabled).toBe(true);

    harness.deliver(shopChannel(shopId), "sync.progress", progress(run, { progress: 42, rows: 1234 }));
    await waitFor(() => expect(bar.getAttribute("aria-valuenow")).toBe("42"));
    expect(within(card).getByText("Syncing… 42% · 1,234 rows")).toBeTruthy();

    const until = "2026-11-21T14:03:00.000Z";
    harness.deliver(
      shopChannel(shopId),
      "sync.progress",
      progress(run, { progress: 50, waitingUntil: until }),
    );
    expect(
      await within(card).findByText(`Waiting for Meta's rate limit until ${formatTime(new Date(until))}`),
    ).toBeTruthy();

    // Malformed payloads never reach the page.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    harness.deliver(shopChannel(shopId), "sync.progress", { ...progress(run, {}), progress: 250 });
    harness.deliver(
      shopChannel(shopId),
      "sync.finished",
      progress(run, { status: "succeeded", progress: 100 }),
    );
    await waitFor(() => expect(within(card).queryByRole("progressbar")).toBeNull());
    expect(warn).toHaveBeenCalledOnce();
    expect(syncNow.disabled).toBe(false);
    // The finished run is fetched into the history.
    expect(await screen.findByTestId("sync-run")).toBeTruthy();
    expect(calls.some((call) => call.path === "sync.runs")).toBe(true);
  });

  it("hides Sync now from a viewer, who still sees the progress", async () => {
    renderPage({ role: "viewer", active: [aRun({ progress: 64 })] });
    const card = await metaCardElement();

    expect(within(card).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("64");
    expect(within(card).queryByRole("button", { name: /Sync now/ })).toBeNull();
  });

  it("asks for a sync and shows its bar at once", async () => {
    const queued = aRun({ status: "queued", progress: 0, startedAt: null, durationMs: null });
    let asked = false;
    const calls = stubTrpc(({ path }) => {
      if (path === "sync.now") {
        asked = true;
        return { data: { run: queued, joined: false } };
      }
      if (path === "sync.active") return { data: asked ? [queued] : [] };
      return { data: path === "sync.runs" ? { items: [queued], nextCursor: null } : [] };
    });
    renderPage();
    const card = await metaCardElement();

    fireEvent.click(within(card).getByRole("button", { name: "Sync now from Meta" }));

    expect(await within(card).findByText("Queued…")).toBeTruthy();
    expect(within(card).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0");
    expect(calls.find((call) => call.path === "sync.now")?.input).toEqual({ shopId, integrationId: metaId });
  });
});

describe("sync history", () => {
  it("lists runs a page at a time, with each table's rows and the reason of a failure", async () => {
    const newer = aRun({
      id: "0190d2a4-0000-7000-8000-00000000000a",
      status: "succeeded",
      progress: 100,
      rowsWritten: { ad_metrics_daily: 1240, ad_campaigns: 3 },
      rows: 1243,
      apiCalls: 14,
      finishedAt: new Date("2026-11-21T10:01:13Z"),
      durationMs: 72_000,
    });
    const older = aRun({
      id: "0190d2a4-0000-7000-8000-000000000009",
      trigger: "schedule",
      status: "failed",
      retries: 3,
      error: "Meta did not answer after 3 tries; the next scheduled sync tries again.",
    });
    const oldest = aRun({
      id: "0190d2a4-0000-7000-8000-000000000008",
      trigger: "backfill",
      status: "partial",
    });
    const calls = stubTrpc(({ path, input }) => {
      if (path !== "sync.runs") return { data: [] };
      const { cursor } = input as { cursor?: string };
      return {
        data: cursor
          ? { items: [oldest], nextCursor: null }
          : { items: [newer, older], nextCursor: older.id },
      };
    });
    renderPage({ seedHistory: false });

    const history = await screen.findByRole("region", { name: "Sync history" });
    const rows = await within(history).findAllByTestId("sync-run");
    expect(rows.map((row) => row.dataset.status)).toEqual(["succeeded", "failed"]);
    const [first, second] = rows;
    expect(within(first as HTMLElement).getByText("1,243")).toBeTruthy();
    expect(within(first as HTMLElement).getByText("Daily ad metrics: 1,240 rows")).toBeTruthy();
    expect(within(first as HTMLElement).getByText("1 min 12 s")).toBeTruthy();
    expect(
      within(second as HTMLElement).getByText(
        "Meta did not answer after 3 tries; the next scheduled sync tries again.",
      ),
    ).toBeTruthy();

    fireEvent.click(within(history).getByRole("button", { name: "Load more" }));

    await waitFor(() => expect(within(history).getAllByTestId("sync-run")).toHaveLength(3));
    expect(within(history).getAllByTestId("sync-run").at(-1)?.dataset.status).toBe("partial");
    expect(within(history).queryByRole("button", { name: "Load more" })).toBeNull();
    const inputs = calls.filter((call) => call.path === "sync.runs").map((call) => call.input);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toMatchObject({ shopId, limit: historyPageSize });
    expect(inputs[0]).not.toHaveProperty("cursor");
    expect(inputs[1]).toMatchObject({ shopId, limit: historyPageSize, cursor: older.id });
  });
});
