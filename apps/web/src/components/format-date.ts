const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** A calendar date without the time, e.g. "21 Nov 2026": when someone joined, when a shop began. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}
