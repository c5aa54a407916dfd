import { formatDateTime, formatRelativeTime } from "./format.ts";
import { useNow } from "./use-now.ts";

export interface RelativeTimeProps {
  date: Date;
  /**
   * Never read as a future time: a moment just recorded by a server whose clock runs a
   * little ahead of the browser's reads "now", not "in 2 seconds".
   */
  pastOnly?: boolean;
  locale?: string;
  className?: string;
}

/** "12 seconds ago", ticking; the exact date and time are in `title` and `dateTime`. */
export function RelativeTime({ date, pastOnly, locale, className }: RelativeTimeProps) {
  // Re-render often while the seconds count, then rarely; read the clock on every render so
  // that a new `date` is compared with the real time, not the last tick.
  useNow(Date.now() - date.getTime() < 60_000 ? 5_000 : 30_000);
  const now = new Date();
  const shown = pastOnly && date > now ? now : date;
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date, { locale })} className={className}>
      {formatRelativeTime(shown, now, { locale })}
    </time>
  );
}
