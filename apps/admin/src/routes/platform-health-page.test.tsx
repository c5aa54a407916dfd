// @vitest-environment happy-dom
import type { SystemStatus } from "@omnify/client";
import { createSystemStatus, createTestHarness } from "@omnify/client/testing";
import { systemChannel } from "@omnify/realtime";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PlatformHealthPage } from "./platform-health-page.tsx";

function renderPage(status: Partial<SystemStatus>) {
  const harness = createTestHarness({ systemStatus: createSystemStatus(status) });
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
});
