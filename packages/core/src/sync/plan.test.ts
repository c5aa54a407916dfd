import { describe, expect, it } from "vitest";
import { planSync, progressAfter, type SyncStep } from "./plan.ts";
import { defaultSyncSettings } from "./settings.ts";

const now = new Date("2026-11-22T15:00:00Z");
const account = "0193a000-0000-7000-8000-000000000001";
const settings = { ...defaultSyncSettings, chunkDays: 14 };
const metricRanges = (steps: SyncStep[]) =>
  steps.flatMap((step) => (step.kind === "ad_metrics" ? [[step.since, step.until]] : []));

describe("ad accounts", () => {
  it("a first sync backfills 90 days up to today in the account's time zone, after its entities", () => {
    const steps = planSync({
      platform: "meta",
      mode: "incremental",
      accounts: [{ id: account, timeZone: "Pacific/Auckland", syncState: {} }],
      now,
      settings,
    });
    expect(steps.slice(0, 4).map((step) => step.kind === "dimensions" && step.entity)).toEqual([
      "campaigns",
      "ad_sets",
      "ads",
      "creatives",
    ]);
    const ranges = metricRanges(steps);
    // 15:00 UTC is already the 23rd in Auckland.
    expect(ranges[0]?.[0]).toBe("2026-08-26");
    expect(ranges.at(-1)?.[1]).toBe("2026-11-23");
    expect(ranges).toHaveLength(7);
  });

  it("later syncs start at the lookback window, or earlier where the last sync stopped", () => {
    const plan = (metricsThrough: string, mode: "incremental" | "full" = "incremental") =>
      metricRanges(
        planSync({
          platform: "google",
          mode,
          accounts: [{ id: account, timeZone: "UTC", syncState: { metricsThrough } }],
          now,
          settings,
        }),
      );
    expect(plan("2026-11-22")).toEqual([["2026-11-09", "2026-11-22"]]);
    expect(plan("2026-10-01")[0]?.[0]).toBe("2026-10-01");
    expect(plan("2026-11-22", "full")[0]?.[0]).toBe("2026-10-24");
  });
});

describe("stores", () => {
  it("backfills by update time in bulk windows, then reads on from the cursor with a small overlap", () => {
    const first = planSync({
      platform: "shopify",
      mode: "incremental",
      accounts: [{ id: account, timeZone: "UTC", syncState: {} }],
      now,
      settings,
    });
    expect(first.every((step) => step.kind === "orders" && step.bulk)).toBe(true);
    expect(first[0]).toMatchObject({ updatedSince: "2026-08-24T15:00:00.000Z" });
    expect(first.at(-1)).toMatchObject({ updatedBefore: now.toISOString() });

    const next = planSync({
      platform: "shopify",
      mode: "incremental",
      accounts: [
        { id: account, timeZone: "UTC", syncState: { ordersUpdatedBefore: "2026-11-22T14:00:00.000Z" } },
      ],
      now,
      settings,
    });
    expect(next).toEqual([
      {
        kind: "orders",
        accountId: account,
        updatedSince: "2026-11-22T13:55:00.000Z",
        updatedBefore: now.toISOString(),
        bulk: false,
      },
    ]);
  });
});

it("progress follows the days of data done, not the number of steps", () => {
  const steps = planSync({
    platform: "tiktok",
    mode: "incremental",
    accounts: [{ id: account, timeZone: "UTC", syncState: {} }],
    now,
    settings,
  });
  expect(progressAfter(steps, 0)).toBe(0);
  expect(progressAfter(steps, 4)).toBe(1);
  expect(progressAfter(steps, 5)).toBe(16);
  expect(progressAfter(steps, steps.length)).toBe(100);
});
