/** Day arithmetic on `YYYY-MM-DD` strings, and days in a time zone. */

/**
 * Day numbers (days since 1970-01-01) of the dates seen, and the dates of day
 * numbers: the generator asks about the same few thousand days millions of
 * times, and parsing a date each time dominated a bulk-test report.
 */
const dayNumbers = new Map<string, number>();
const datesByNumber = new Map<number, string>();

function dayNumber(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
    // Only well-formed days are remembered (an invalid one is NaN and stays uncached).
    if (Number.isFinite(day) && dayNumbers.size < 100_000) dayNumbers.set(date, day);
  }
  return day;
}

function dateOf(day: number): string {
  let date = datesByNumber.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (datesByNumber.size < 100_000) datesByNumber.set(day, date);
  }
  return date;
}

export function addDays(date: string, days: number): string {
  const day = dayNumber(date);
  if (!Number.isFinite(day)) {
    const value = new Date(`${date}T00:00:00Z`);
    value.setUTCDate(value.getUTCDate() + days);
    return value.toISOString().slice(0, 10);
  }
  return dateOf(day + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: string): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The day an instant falls on in a time zone, and how much of that day has passed (0–1). */
export function localDay(instant: Date, timeZone: string): { date: string; elapsed: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    elapsed: (Number(parts.hour) * 60 + Number(parts.minute)) / 1440,
  };
}

/** Every day from `since` to `until`, inclusive. */
export function* eachDay(since: string, until: string): Generator<string> {
  for (let date = since; date <= until; date = addDays(date, 1)) yield date;
}
