const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** A calendar date without the time, e.g. "21 Nov 2026": when someone joined, when a shop began. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

/** A time of day, e.g. "14:03": when a wait ends, today. */
export function formatTime(date: Date): string {
  return timeFormat.format(date);
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** A date with its time to the minute, e.g. "21 Nov 2026, 14:03": when a sync ran. */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** An elapsed time in its two largest units: "8 s", "3 min 12 s", "1 h 4 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}
