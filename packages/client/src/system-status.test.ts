import { describe, expect, it } from "vitest";
import {
  applyHeartbeat,
  keepNewestHeartbeat,
  migrationHealth,
  shortDatabaseVersion,
} from "./system-status.ts";
import type { SystemStatus } from "./trpc.ts";

function createStatus(overrides: Partial<SystemStatus> = {}): SystemStatus {
  return {
    database: { version: "PostgreSQL 18.1 on x86_64-pc-linux-gnu, compiled by gcc 12.2.0, 64-bit" },
    migrations: { applied: ["20261121000000_init"], pending: [], failed: [], current: true },
    latestHeartbeat: {
      workerId: "worker-a",
      hostname: "host-a",
      beatAt: new Date("2026-11-21T12:00:00.000Z"),
    },
    checkedAt: new Date("2026-11-21T12:00:05.000Z"),
    ...overrides,
  };
}

describe("applyHeartbeat", () => {
  it("replaces the latest heartbeat with a newer one, as a Date", () => {
    const status = createStatus();
    const next = applyHeartbeat(status, {
      workerId: "worker-b",
      hostname: "host-b",
      beatAt: "2026-11-21T12:01:00.000Z",
    });
    expect(next?.latestHeartbeat).toEqual({
      workerId: "worker-b",
      hostname: "host-b",
      beatAt: new Date("2026-11-21T12:01:00.000Z"),
    });
    expect(next?.database).toBe(status.database);
  });

  it("fills in the first heartbeat", () => {
    const next = applyHeartbeat(createStatus({ latestHeartbeat: null }), {
      workerId: "worker-a",
      hostname: "host-a",
      beatAt: "2026-11-21T12:01:00.000Z",
    });
    expect(next?.latestHeartbeat?.beatAt.toISOString()).toBe("2026-11-21T12:01:00.000Z");
  });

  it("ignores late and repeated events", () => {
    const status = createStatus();
    for (const beatAt of ["2026-11-21T11:59:00.000Z", "2026-11-21T12:00:00.000Z"]) {
      expect(applyHeartbeat(status, { workerId: "worker-b", hostname: "host-b", beatAt })).toBe(status);
    }
  });

  it("leaves a status that has not loaded yet alone", () => {
    expect(
      applyHeartbeat(undefined, { workerId: "w", hostname: "h", beatAt: "2026-11-21T12:01:00.000Z" }),
    ).toBe(undefined);
  });
});

describe("keepNewestHeartbeat", () => {
  it("keeps a heartbeat pushed live over an older one from a slow refetch", () => {
    const live = createStatus({
      latestHeartbeat: {
        workerId: "worker-b",
        hostname: "host-b",
        beatAt: new Date("2026-11-21T12:01:00.000Z"),
      },
    });
    const refetched = createStatus({ checkedAt: new Date("2026-11-21T12:01:01.000Z") });
    const kept = keepNewestHeartbeat(live, refetched);
    expect(kept.latestHeartbeat).toBe(live.latestHeartbeat);
    expect(kept.checkedAt).toBe(refetched.checkedAt);
  });

  it("takes the refetched status when it is as new or newer", () => {
    const refetched = createStatus({
      latestHeartbeat: {
        workerId: "worker-c",
        hostname: "host-c",
        beatAt: new Date("2026-11-21T12:02:00.000Z"),
      },
    });
    expect(keepNewestHeartbeat(createStatus(), refetched)).toBe(refetched);
    expect(keepNewestHeartbeat(undefined, refetched)).toBe(refetched);
  });
});

describe("migrationHealth", () => {
  it("reports failed before pending before current", () => {
    const base = { applied: ["a"], pending: [], failed: [], current: true };
    expect(migrationHealth(base)).toBe("current");
    expect(migrationHealth({ ...base, pending: ["b"], current: false })).toBe("pending");
    expect(migrationHealth({ ...base, pending: ["b"], failed: ["a"], current: false })).toBe("failed");
  });
});

describe("shortDatabaseVersion", () => {
  it("keeps the product and version number", () => {
    expect(shortDatabaseVersion(createStatus().database.version)).toBe("PostgreSQL 18.1");
    expect(shortDatabaseVersion("PostgreSQL 17beta2 on aarch64")).toBe("PostgreSQL 17beta2");
    expect(shortDatabaseVersion("something else")).toBe("something else");
  });
});
