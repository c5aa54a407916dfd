// @vitest-environment happy-dom
import type { SystemStatus } from "@omnify/client";
import { createSystemStatus, createTestHarness } from "@omnify/client/testing";
import { systemChannel } from "@omnify/realtime";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SystemStatusCard } from "./system-status-card.tsx";

function renderCard(status: Partial<SystemStatus> = {}) {
  const harness = createTestHarness({ systemStatus: createSystemStatus(status) });
  render(<SystemStatusCard />, { wrapper: harness.Providers });
  return harness;
}

afterEach(cleanup);

describe("SystemStatusCard", () => {
  it("shows the database version and that migrations are up to date", () => {
    renderCard();
    expect(screen.getByTitle(/^PostgreSQL 18\.1 on/).textContent).toBe("PostgreSQL 18.1");
    expect(screen.getByText("1 applied · 0 pending")).toBeTruthy();
    expect(screen.getByText("Up to date").closest("[data-tone]")?.getAttribute("data-tone")).toBe("ok");
  });

  it("warns when migrations are pending", () => {
    renderCard({ migrations: { applied: ["a"], pending: ["b", "c"], failed: [], current: false } });
    expect(screen.getByText("1 applied · 2 pending")).toBeTruthy();
    expect(screen.getByText("2 pending").closest("[data-tone]")?.getAttribute("data-tone")).toBe("warn");
  });

  it("shows a heartbeat the moment its realtime event arrives", async () => {
    const harness = renderCard({ latestHeartbeat: null });
    const empty = screen.getByTestId("latest-heartbeat");
    expect(empty.textContent).toBe("No worker heartbeat yet");
    expect(empty.getAttribute("data-beat-at")).toBe("");

    const beatAt = new Date(Date.now() - 3_000).toISOString();
    act(() =>
      harness.deliver(systemChannel, "worker.heartbeat", { workerId: "worker-7", hostname: "box-1", beatAt }),
    );

    // The query cache notifies subscribers on the next tick.
    await waitFor(() =>
      expect(screen.getByTestId("latest-heartbeat").getAttribute("data-beat-at")).toBe(beatAt),
    );
    const live = screen.getByTestId("latest-heartbeat");
    expect(live.textContent).toContain("worker-7");
    expect(live.textContent).toContain("box-1");
    expect(live.textContent).toContain("seconds ago");
  });

  it("ignores a malformed event and keeps listening", async () => {
    const harness = renderCard({ latestHeartbeat: null });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    act(() =>
      harness.deliver(systemChannel, "worker.heartbeat", { workerId: "worker-7", beatAt: "yesterday" }),
    );
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();

    const beatAt = new Date().toISOString();
    act(() =>
      harness.deliver(systemChannel, "worker.heartbeat", { workerId: "worker-8", hostname: "box-2", beatAt }),
    );
    await waitFor(() =>
      expect(screen.getByTestId("latest-heartbeat").getAttribute("data-beat-at")).toBe(beatAt),
    );
  });
});
