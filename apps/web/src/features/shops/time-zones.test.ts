import { describe, expect, it } from "vitest";
import { defaultTimeZone } from "./time-zones.ts";

const zones = ["Africa/Abidjan", "America/New_York", "Asia/Calcutta", "Europe/Paris"];
const january = new Date("2026-01-15T12:00:00Z");

describe("defaultTimeZone", () => {
  it("is the browser's zone when the list has it", () => {
    expect(defaultTimeZone(zones, "Europe/Paris", january)).toBe("Europe/Paris");
  });

  it("falls back to a listed zone with the same offset (UTC, renamed zones)", () => {
    expect(defaultTimeZone(zones, "UTC", january)).toBe("Africa/Abidjan");
    expect(defaultTimeZone(zones, "Asia/Kolkata", january)).toBe("Asia/Calcutta");
  });

  it("falls back to the first zone when nothing matches", () => {
    expect(defaultTimeZone(zones, "Pacific/Kiritimati", january)).toBe("Africa/Abidjan");
  });
});
