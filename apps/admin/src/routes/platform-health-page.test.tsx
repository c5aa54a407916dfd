// @vitest-environment happy-dom
import type { SystemStatus } from "@omnify/client";
import { createTestHarness } from "@omnify/client/testing";
import { systemChannel } from "@omnify/realtime";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PlatformHealthPage } from "./platform-health-page.tsx";

function createStatus(overrides: Partial<SystemStatus> = {}): SystemStatus {
  return {
    database: { version: "PostgreSQL 18.1 on x86_64-pc-linux-gnu, compiled by gcc 12.2.0, 64-bit" },
    migrations: { applied: ["20261121000000_init"], pending: [], failed: [], current: true },
    latestHeartbeat: null,
    checkedAt: new Date(),
    ...overrides,
  };
}

let harness: ReturnType<typeof createTestHarness>;

function renderPage(status: SystemStatus) {
  harness = createTestHarness();
  harness.queryClient.setQueryData(harness.trpc.system.getStatus.queryKey(), status);
  return render(<PlatformHealthPage />, { wrapper: harness.Providers });
}

afterEach(() => {
  cleanup();
  harness.dispose();
});

describe("PlatformHealthPage", () => {
  it("names the failed and pending migrations", () => {
    renderPage(
      createStatus({
        migrations: {
          applied: ["20261121000000_init"],
          pending: ["20261123000000_add_shops"],
          failed: ["20261122000000_add_users"],
          current: false,
        },
      }),
    );
    const card = screen.getByRole("region", { name: "Migrations" });
    expect(within(card).getAllByText("Failed")[0]?.closest("[data-tone]")?.getAttribute("data-tone")).toBe(
      "error",
    );
    expect(within(card).getByText("20261122000000_add_users")).toBeTruthy();
    expect(within(card).getByText("20261123000000_add_shops")).toBeTruthy();
  });

  it("flags a stale heartbeat until a fresh one arrives live", async () => {
    const old = { workerId: "worker-1", hostname: "box-1", beatAt: new Date(Date.now() - 10 * 60_000) };
    renderPage(createStatus({ latestHeartbeat: old }));
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
