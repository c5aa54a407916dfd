// @vitest-environment happy-dom
import type { SystemStatus } from "@omnify/client";
import { createSystemStatus, createTestHarness } from "@omnify/client/testing";
import { systemChannel } from "@omnify/realtime";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { WorkerRow } from "../components/types.ts";
import { onePage } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";
import { PlatformHealthPage } from "./platform-health-page.tsx";

function renderPage(status: Partial<SystemStatus>, workers: WorkerRow[] = []) {
  // A beat from a worker not on the list refetches it.
  stubTrpc({ "system.listWorkers": () => ({ items: workers, nextCursor: null }) });
  const harness = createTestHarness({ systemStatus: createSystemStatus(status) });
  harness.queryClient.setQueryData(
    harness.trpc.system.listWorkers.infiniteQueryKey({ limit: 20 }),
    onePage(workers),
  );
  render(<PlatformHealthPage />, { wrapper: harness.Providers });
  return harness;
}

afterEach(cleanup);

describe("PlatformHealthPage", () => {
  it("names the failed and pending migrations", () => {
    renderPage({
      migrations: {
        applied: ["20261121000000_init"],
        pending: ["20261123000000_add_shops"],
        failed: ["20261122000000_add_users"],
        current: false,
      },
    });
    const card = screen.getByRole("region", { name: "Migrations" });
    expect(within(card).getAllByText("Failed")[0]?.closest("[data-tone]")?.getAttribute("data-tone")).toBe(
      "error",
    );
    expect(within(card).getByText("20261122000000_add_users")).toBeTruthy();
    expect(within(card).getByText("20261123000000_add_shops")).toBeTruthy();
  });

  it("flags a stale heartbeat until a fresh one arrives live", async () => {
    const old = { workerId: "worker-1", hostname: "box-1", beatAt: new Date(Date.now() - 10 * 60_000) };
    const harness = renderPage({ latestHeartbeat: old });
    expect(screen.getByTestId("heartbeat-freshness").textContent).toBe("Stale");
    expect(screen.getByTestId("latest-heartbeat").getAttribute("data-beat-at")).toBe(
      old.beatAt.toISOString(),
    );

    const beatAt = new Date().toISOString();
    act(() =>
      harness.deliver(systemChannel, "worker.heartbeat", { workerId: "worker-2", hostname: "box-2", beatAt }),
    );

    await waitFor(() =>
      expect(screen.getByTestId("latest-heartbeat").getAttribute("data-beat-at")).toBe(beatAt),
    );
    expect(screen.getByTestId("latest-heartbeat").textContent).toContain("worker-2");
    expect(screen.getByTestId("heartbeat-freshness").textContent).toBe("Beating");
  });

  it("lists each worker process with its host, pid and last beat, kept live", async () => {
    const old = new Date(Date.now() - 10 * 60_000);
    const harness = renderPage({}, [
      { workerId: "worker-1", hostname: "box-1", pid: 4242, beatAt: new Date() },
      { workerId: "worker-2", hostname: "box-2", pid: 77, beatAt: old },
    ]);

    const table = screen.getByRole("table", { name: "Worker processes, most recently alive first" });
    const rows = within(table).getAllByTestId("worker-row");
    expect(rows.map((row) => row.dataset.workerId)).toEqual(["worker-1", "worker-2"]);
    expect(within(rows[0] as HTMLElement).getByText("box-1")).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText("4242")).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText("Beating")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText("Stale")).toBeTruthy();

    const beatAt = new Date().toISOString();
    act(() =>
      harness.deliver(systemChannel, "worker.heartbeat", { workerId: "worker-2", hostname: "box-2", beatAt }),
    );

    await waitFor(() => expect(within(rows[1] as HTMLElement).getByText("Beating")).toBeTruthy());
  });

  it("says when no worker has beaten yet", () => {
    renderPage({});
    expect(screen.getByText("No worker has started yet")).toBeTruthy();
  });
});
