export const timeZones: readonly string[] = Intl.supportedValuesOf("timeZone");

function offsetAt(zone: string, at: Date): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value;
  } catch {
    return undefined;
  }
}

/**
 * The browser's zone when the list has it. Some runtimes list neither "UTC" nor the newer
 * names of renamed zones (Asia/Kolkata), so otherwise the first listed zone with the same
 * offset today stands in: close enough to correct, and one the server accepts.
 */
export function defaultTimeZone(
  zones: readonly string[] = timeZones,
  browserZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone,
  now: Date = new Date(),
): string {
  if (zones.includes(browserZone)) return browserZone;
  const offset = offsetAt(browserZone, now);
  return zones.find((zone) => offset !== undefined && offsetAt(zone, now) === offset) ?? zones[0] ?? "";
}

/** The zone list, with a saved zone this browser does not list added first. */
export function timeZonesIncluding(zone: string | undefined): readonly string[] {
  return zone && !timeZones.includes(zone) ? [zone, ...timeZones] : timeZones;
}
