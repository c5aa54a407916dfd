/**
 * Meta's usage headers. Business Use Case limits are per ad account and per
 * use case over a rolling hour; the headers report percent used and, when
 * throttled, minutes until access returns.
 */

/** Calls per hour at the Limited tier for an account with about 20 active ads (600 + 400·ads; 300 + 40·ads). */
const hourlyQuota = { ads_insights: 8600, ads_management: 1100 } as const;

type UseCase = keyof typeof hourlyQuota;

export const useCaseOf = (path: string): UseCase =>
  /\/insights\b/.test(path) ? "ads_insights" : "ads_management";

export function bucHeader(
  key: string,
  path: string,
  usage: { percent: number; regainMinutes: number },
): string {
  return JSON.stringify({
    [key]: [
      {
        type: useCaseOf(path),
        call_count: usage.percent,
        total_cputime: Math.max(1, Math.floor(usage.percent / 2)),
        total_time: Math.max(1, Math.floor(usage.percent / 2)),
        estimated_time_to_regain_access: usage.regainMinutes,
        ads_api_access_tier: "standard_access",
      },
    ],
  });
}

/** Counts calls per account and use case in the current clock hour. */
export class UsageMeter {
  private readonly counts = new Map<string, { hour: number; calls: number }>();

  /** Records a call and returns the percent of the hourly quota used so far. */
  record(key: string, path: string, now: Date): number {
    const useCase = useCaseOf(path);
    const hour = Math.floor(now.getTime() / 3_600_000);
    const id = `${key}|${useCase}`;
    const entry = this.counts.get(id);
    const calls = entry && entry.hour === hour ? entry.calls + 1 : 1;
    this.counts.set(id, { hour, calls });
    return Math.min(99, Math.floor((calls * 100) / hourlyQuota[useCase]));
  }

  /** Percent of the app's own platform limit (x-app-usage), from all calls this hour. */
  appPercent(now: Date): number {
    const hour = Math.floor(now.getTime() / 3_600_000);
    let calls = 0;
    for (const entry of this.counts.values()) if (entry.hour === hour) calls += entry.calls;
    return Math.min(99, Math.floor(calls / 200));
  }
}
