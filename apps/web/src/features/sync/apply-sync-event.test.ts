import type { SyncRunEvent } from "@omnify/realtime";
import { describe, expect, it } from "vitest";
import type { SyncRun } from "../../api-types.ts";
import { applySyncEvent } from "./apply-sync-event.ts";

const run: SyncRun = {
  id: "0190d2a4-0000-7000-8000-000000000001",
  integrationId: "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
  platform: "meta",
  trigger: "user",
  mode: "incremental",
  status: "running",
  progress: 40,
  rowsWritten: { ad_metrics_daily: 400 },
  rows: 400,
  apiCalls: 12,
  retries: 0,
  waitingUntil: null,
  error: null,
  queuedAt: new Date("2026-11-21T10:00:00Z"),
  startedAt: new Date("2026-11-21T10:00:01Z"),
  finishedAt: null,
  durationMs: 1000,
};

const event = (overrides: Partial<SyncRunEvent> = {}): SyncRunEvent => ({
  runId: run.id,
  integrationId: run.integrationId,
  platform: "meta",
  status: "running",
  progress: 55,
  rows: 600,
  apiCalls: 15,
  waitingUntil: null,
  error: null,
  ...overrides,
});

describe("applySyncEvent", () => {
  it("moves a listed run forward", () => {
    const [next] = applySyncEvent([run], event({ waitingUntil: "2026-11-21T10:05:00Z" })) ?? [];
    expect(next).toMatchObject({ progress: 55, rows: 600, apiCalls: 15 });
    expect(next?.waitingUntil?.toISOString()).toBe("2026-11-21T10:05:00.000Z");
    expect(next?.rowsWritten).toEqual(run.rowsWritten);
  });

  it("never moves a run's counters back for a late event", () => {
    const [next] = applySyncEvent([run], event({ progress: 30, rows: 100, apiCalls: 3 })) ?? [];
    expect(next).toMatchObject({ progress: 40, rows: 400, apiCalls: 12 });
  });

  it("drops a run that finished", () => {
    expect(applySyncEvent([run], event({ status: "succeeded", progress: 100 }))).toEqual([]);
  });

  it("asks for a refetch for an active run it does not hold, and ignores a finished one", () => {
    const other = event({ runId: "0190d2a4-0000-7000-8000-000000000002" });
    expect(applySyncEvent([run], other)).toBeNull();
    expect(applySyncEvent([run], { ...other, status: "failed" })).toEqual([run]);
  });
});
