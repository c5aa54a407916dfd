import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-date.ts";

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [8_400, "8 s"],
    [60_000, "1 min"],
    [192_000, "3 min 12 s"],
    [3_840_000, "1 h 4 min"],
    [7_200_000, "2 h"],
  ])("%i ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
