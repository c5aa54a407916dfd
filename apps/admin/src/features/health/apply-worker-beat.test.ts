import { describe, expect, it } from "vitest";
import { applyWorkerBeat } from "./apply-worker-beat.ts";

const earlier = new Date("2026-11-21T10:00:00Z");
const worker = { workerId: "worker-1", hostname: "box-1", pid: 41, beatAt: earlier };
const data = { pages: [{ items: [worker], nextCursor: null }], pageParams: [undefined] };

describe("applyWorkerBeat", () => {
  it("moves a known worker's last beat forward", () => {
    const next = applyWorkerBeat(data, {
      workerId: "worker-1",
      hostname: "box-1",
      beatAt: "2026-11-21T10:01:00Z",
    });
    expect(next?.pages[0]?.items[0]?.beatAt.toISOString()).toBe("2026-11-21T10:01:00.000Z");
  });

  it("ignores a late event older than the beat shown", () => {
    const next = applyWorkerBeat(data, {
      workerId: "worker-1",
      hostname: "box-1",
      beatAt: "2026-11-21T09:59:00Z",
    });
    expect(next?.pages[0]?.items[0]?.beatAt).toBe(earlier);
  });

  it("asks for a refetch when the worker is not listed", () => {
    expect(
      applyWorkerBeat(data, { workerId: "worker-2", hostname: "box-2", beatAt: "2026-11-21T10:01:00Z" }),
    ).toBeNull();
  });
});
