import { describe, expect, it } from "vitest";
import { formatDateTime, formatNumber, formatRelativeTime } from "./format.ts";

const now = new Date("2026-11-21T12:00:00.000Z");
const secondsFromNow = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("formatRelativeTime", () => {
  it.each([
    [0, "now"],
    [-0.4, "now"],
    [-12, "12 seconds ago"],
    [-59.4, "59 seconds ago"],
    [-59.6, "1 minute ago"],
    [-3 * 60, "3 minutes ago"],
    [-2 * 3600, "2 hours ago"],
    [-26 * 3600, "yesterday"],
    [-3 * 86_400, "3 days ago"],
    [-14 * 86_400, "2 weeks ago"],
    [-400 * 86_400, "last year"],
    [5, "in 5 seconds"],
    [90 * 60, "in 2 hours"],
  ])("%s s from now reads %j", (seconds, expected) => {
    expect(formatRelativeTime(secondsFromNow(seconds), now, { locale: "en-US" })).toBe(expected);
  });

  it("follows the locale", () => {
    expect(formatRelativeTime(secondsFromNow(-3 * 60), now, { locale: "fr-FR" })).toBe("il y a 3 minutes");
  });
});

describe("formatDateTime", () => {
  it("formats in the given locale and time zone", () => {
    expect(formatDateTime(now, { locale: "en-US", timeZone: "UTC" })).toBe("Nov 21, 2026, 12:00:00 PM");
    expect(formatDateTime(now, { locale: "en-GB", timeZone: "Asia/Tokyo" })).toBe("21 Nov 2026, 21:00:00");
  });
});

describe("formatNumber", () => {
  it("groups digits the locale's way and passes options through", () => {
    expect(formatNumber(1234567.891, { locale: "en-US" })).toBe("1,234,567.891");
    expect(formatNumber(1234567.891, { locale: "de-DE", maximumFractionDigits: 1 })).toBe("1.234.567,9");
  });
});
