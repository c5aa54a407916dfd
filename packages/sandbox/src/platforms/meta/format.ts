import { TZDate } from "@date-fns/tz";

/**
 * Meta's number and time formats: metrics are strings, money is a decimal in
 * major units without trailing zeros ("31.07", "31.1", "31"), and entity
 * times carry the account's offset without a colon ("2024-03-12T15:02:47-0700").
 */

/** Cents to Meta's major-unit decimal string, exactly. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const magnitude = Math.abs(Math.round(cents));
  const whole = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** A ratio as Meta prints it: up to six decimals, trailing zeros dropped. */
export function ratio(value: number): string {
  if (!Number.isFinite(value)) return "0";
  return value.toFixed(6).replace(/\.?0+$/, "");
}

/** A local wall-clock time in `timeZone`, as Meta writes entity times. */
export function metaTime(date: string, secondsOfDay: number, timeZone: string): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const hours = Math.floor(secondsOfDay / 3600);
  const minutes = Math.floor((secondsOfDay % 3600) / 60);
  const seconds = secondsOfDay % 60;
  const local = new TZDate(year, month - 1, day, hours, minutes, seconds, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date}T${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}${offsetOf(local)}`;
}

/** "-0700" for an instant in a zone. */
function offsetOf(local: TZDate): string {
  const minutes = -local.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const magnitude = Math.abs(minutes);
  return `${sign}${String(Math.floor(magnitude / 60)).padStart(2, "0")}${String(magnitude % 60).padStart(2, "0")}`;
}

/** Hours from UTC in a zone at an instant (`timezone_offset_hours_utc`), e.g. -5 or 5.5. */
export function offsetHours(timeZone: string, at: Date): number {
  return -new TZDate(at.getTime(), timeZone).getTimezoneOffset() / 60;
}

/** A stable pseudo-random second of the day for an id, so entity times look lived-in but never change. */
export function secondOfDay(id: string, from = 8 * 3600, span = 10 * 3600): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return from + (Math.abs(hash) % span);
}

/**
 * "Sunday, 22-Nov-26 07:00:00 PST", the way Meta quotes times in its
 * expired-session message (always Pacific time).
 */
export function pacificStamp(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: "America/Los_Angeles",
      weekday: "long",
      day: "2-digit",
      month: "short",
      year: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday}, ${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}
