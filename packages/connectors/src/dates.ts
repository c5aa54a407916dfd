import type { DateRange } from "./domain.ts";

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) an instant falls on in an IANA time zone. */
export function localDate(instant: string | Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format.format(typeof instant === "string" ? new Date(instant) : instant);
}

/** `date` plus `days` (negative to go back), as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Splits a range into consecutive ranges of at most `days` days. */
export function chunkRange(range: DateRange, days: number): DateRange[] {
  const chunks: DateRange[] = [];
  for (let since = range.since; since <= range.until; since = addDays(since, days)) {
    const end = addDays(since, days - 1);
    // biome-ignore lint/complexity/useMathMinMax: these are YYYY-MM-DD strings, whose string order is date order.
    chunks.push({ since, until: end > range.until ? range.until : end });
  }
  return chunks;
}

export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
