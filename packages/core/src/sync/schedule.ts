import { createHash } from "node:crypto";
import type { Db } from "@omnify/db";
import type { SyncMode } from "./plan.ts";
import { requestSync } from "./runs.ts";
import type { SyncSettings } from "./settings.ts";

/** The shop-local hour of the nightly full-lookback sync. */
export const nightlySyncHour = 2;

/** The hour (0–23) it is in `timeZone` at `at`. */
export function localHour(at: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(at);
  return Number(hour);
}

/**
 * Where in the spread window an integration starts: a stable hash of its id,
 * so its syncs come at the same minute every hour and 1,000 shops spread evenly.
 */
export function spreadOffsetMs(integrationId: string, spreadSeconds: number): number {
  if (spreadSeconds <= 0) return 0;
  const hash = createHash("sha256").update(integrationId).digest().readUInt32BE(0);
  return (hash % (spreadSeconds * 1000)) as number;
}

/**
 * The hourly tick (crontab, UTC): one run per connected integration with at
 * least one selected account — the nightly full lookback for shops where it is
 * now 02:00, an incremental sync for the rest — spread over the window.
 * Integrations with a run already queued or running join it.
 */
export async function scheduleDueSyncs(db: Db, settings: SyncSettings, at: Date) {
  const integrations = await db.integration.findMany({
    where: {
      status: { in: ["connected", "error"] },
      accounts: { some: { selected: true, status: "active" } },
    },
    select: { id: true, shop: { select: { timeZone: true } } },
  });
  let full = 0;
  for (const integration of integrations) {
    const mode: SyncMode =
      localHour(at, integration.shop.timeZone) === nightlySyncHour ? "full" : "incremental";
    if (mode === "full") full += 1;
    await requestSync(db, {
      integrationId: integration.id,
      trigger: "schedule",
      mode,
      runAt: new Date(at.getTime() + spreadOffsetMs(integration.id, settings.scheduleSpreadSeconds)),
    });
  }
  return { scheduled: integrations.length, full };
}
