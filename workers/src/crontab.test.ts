import { readFileSync } from "node:fs";
import { jobs } from "@omnify/jobs";
import { parseCrontab } from "graphile-worker";
import { expect, it } from "vitest";
import { crontabFile } from "./runner.ts";
import { taskHandlers } from "./tasks/index.ts";

const items = parseCrontab(readFileSync(crontabFile, "utf8"));

it("schedules the heartbeat every minute, without retries or backfill", () => {
  const heartbeat = items.find((item) => item.task === "heartbeat");
  expect(heartbeat).toBeDefined();
  expect(heartbeat?.match).toBeTypeOf("function");
  const everyMinute = [0, 1, 59].every((minute) =>
    heartbeat?.match({ min: minute, hour: 3, date: 7, month: 5, dow: 2 }),
  );
  expect(everyMinute).toBe(true);
  expect(heartbeat?.options.maxAttempts).toBe(1);
  expect(heartbeat?.options.backfillPeriod).toBe(0);
});

it("only schedules tasks that exist, with payloads their schema accepts", () => {
  for (const item of items) {
    expect(Object.keys(taskHandlers)).toContain(item.task);
    const definition = jobs[item.task as keyof typeof jobs];
    expect(
      definition.payload.safeParse({ ...item.payload, _cron: { ts: "2026-01-01T00:00:00Z" } }).success,
    ).toBe(true);
  }
});

it("ticks the sync schedule once an hour, on the hour, without catching up missed hours", () => {
  const schedule = items.find((item) => item.task === "schedule-syncs");
  const at = (min: number, hour: number) => schedule?.match({ min, hour, date: 7, month: 5, dow: 2 });
  expect([at(0, 0), at(0, 2), at(0, 23)]).toEqual([true, true, true]);
  expect([at(1, 2), at(30, 2), at(59, 2)]).toEqual([false, false, false]);
  expect(schedule?.options.backfillPeriod).toBe(0);
});
