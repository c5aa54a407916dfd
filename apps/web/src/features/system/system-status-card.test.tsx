// @vitest-environment happy-dom
import type { SystemStatus } from "@omnify/client";
import { createTestHarness } from "@omnify/client/testing";
import { systemChannel } from "@omnify/realtime";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SystemStatusCard } from "./system-status-card.tsx";

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

function renderCard(status: SystemStatus) {
  harness = createTestHarness();
  harness.queryClient.setQueryData(harness.trpc.system.getStatus.queryKey(), status);
  return render(<SystemStatusCard />, { wrapper: harness.Providers });
}

afterEach(() => {
  cleanup();
  harness.dispose();
});

describe("SystemStatusCard", () => {
  it("shows the database version and that migrations are up to date", () => {
    renderCard(createStatus());
    expect(screen.getByTitle(/^PostgreSQL 18\.1 on/).textContent).toBe("PostgreSQL 18.1");
    expect(screen.getByText("1 applied · 0 pending")).toBeTruthy();
    expect(screen.getByText("Up to date").closest("[data-tone]")?.getAttribute("data-tone")).toBe("ok");
  });

  it("warns when migrations are pending", () => {
    renderCard(
      createStatus({
        migrations: { applied: ["a"], pending: ["b", "c"], failed: [], current: false },
      }),
    );
    expect(screen.getByText("1 applied · 2 pending")).toBeTruthy();
    expect(screen.getByText("2 pending").closest("[data-tone]")?.getAttribute("data-tone")).toBe("warn");
  });

  it("shows a heartbeat the moment its realtime event arrives", async () => {
    renderCard(createStatus({ latestHeartbeat: null }));
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
    renderCard(createStatus({ latestHeartbeat: null }));
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
