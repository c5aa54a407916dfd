/**
 * The one place where numbers and dates become text. Every helper takes an optional locale
 * (default: the browser's) so that tests and future per-user settings can pin it.
 */

export interface FormatOptions {
  /** BCP 47 tag such as "en-GB"; undefined means the runtime's default locale. */
  locale?: string;
}

export interface DateTimeFormatOptions extends FormatOptions {
  /** IANA zone such as "Europe/Paris"; undefined means the runtime's zone. */
  timeZone?: string;
}

/** A date and time with seconds, e.g. "21 Nov 2026, 14:03:09". */
export function formatDateTime(date: Date, { locale, timeZone }: DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone }).format(date);
}

const relativeUnits: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.348_2],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/**
 * `date` relative to `now` in the largest unit that keeps the number small: "now",
 * "12 seconds ago", "in 3 minutes", "yesterday". `now` is a parameter so callers decide
 * when the text ticks and tests need no fake clock.
 */
export function formatRelativeTime(date: Date, now: Date, { locale }: FormatOptions = {}): string {
  const formatter = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  let value = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, perNextUnit] of relativeUnits) {
    const rounded = Math.round(value);
    if (Math.abs(rounded) < perNextUnit) return formatter.format(rounded === 0 ? 0 : rounded, unit);
    value /= perNextUnit;
  }
  // Unreachable: the last unit has an infinite range.
  return formatter.format(Math.round(value), "year");
}

/** A number with the locale's grouping, e.g. "12,345" or "12 345". */
export function formatNumber(
  value: number,
  { locale, ...options }: FormatOptions & Intl.NumberFormatOptions = {},
): string {
  return new Intl.NumberFormat(locale, options).format(value);
}
