// Prints the sync's write throughput against a fresh embedded PostgreSQL: daily ad
// metrics written exactly as a sync step writes them (`upsertAdMetrics`, one
// transaction per 14-day step), the same rows through raw COPY, their ratio,
// and an end-to-end backfill of the sandbox's bulk-test Meta account through an
// in-process worker, with the rollup rebuild that follows it.
// Usage: pnpm bench:sync [ads=2800] [days=90] [runs=3] [e2eAds=2800] [e2eDays=365] (e2eAds 0 skips it)
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
// Workspace code bench does not depend on (no links in bench/node_modules), imported
// from its sources; each file resolves its own dependencies from its own package.
import type { AdDailyMetrics } from "@omnify/connectors";
import { defaultSyncSettings, rebuildRollups, requestSync, upsertAdMetrics } from "@omnify/core";
import { createDatabase, type Db, ensureDatabase } from "@omnify/db";
import { EmbeddedPostgres, migrateDatabase } from "@omnify/stack";
import { freePort } from "@omnify/stack/testing/free-port";
import { drainSyncs } from "@omnify/workers/testing/drain";
import {
  connectPlatform,
  createShop,
  startSandboxServer,
  testTaskDeps,
} from "@omnify/workers/testing/sync-world";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const ads = Number(process.argv[2] ?? 2800);
const days = Number(process.argv[3] ?? 90);
const runs = Number(process.argv[4] ?? 3);
const e2eAds = Number(process.argv[5] ?? 2800);
const e2eDays = Number(process.argv[6] ?? 365);
const chunkDays = defaultSyncSettings.chunkDays;
const largeAccountId = "1010000009";

/** The part of `pg` used here: `pg` is a dependency of @omnify/db, not of bench, so it is loaded from there. */

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const addUtcDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * `ads` ads × `days` days of normalised Meta rows, as one sync step per `chunkDays`
 * days (rows of a step by day, then ad, as the insights pages come). Ids look like
 * the sandbox's; `version` shifts every metric, so version 1 restates every row of version 0.
 */
function metricSteps(version: number): AdDailyMetrics[][] {
  const first = addUtcDays(new Date().toISOString().slice(0, 10), -days);
  const steps: AdDailyMetrics[][] = [];
  for (let start = 0; start < days; start += chunkDays) {
    const step: AdDailyMetrics[] = [];
    for (let day = start; day < Math.min(days, start + chunkDays); day += 1) {
      const date = addUtcDays(first, day);
      for (let ad = 0; ad < ads; ad += 1) {
        const campaign = String(Math.floor(ad / 50)).padStart(3, "0");
        const adSet = String(Math.floor(ad / 5) % 10).padStart(3, "0");
        const spend = 600 + ((ad * 7919 + day * 104_729) % 601) + version;
        const impressions = spend * 9 + ((ad + day) % 97) + version;
        const clicks = Math.floor(impressions / 80) + version;
        step.push({
          platform: "meta",
          accountId: largeAccountId,
          campaignId: `2385019${campaign}0000000001`,
          adSetId: `2385029${campaign}${adSet}0000001`,
          adId: `2385039${campaign}${adSet}${String(ad).padStart(5, "0")}`,
          date,
          currency: "USD",
          spend,
          impressions,
          reach: Math.floor(impressions * 0.7) + version,
          clicks,
          conversions: Math.floor(clicks / 25) + version,
          conversionValue: spend * 3 + version,
        });
      }
    }
    steps.push(step);
  }
  return steps;
}

const countRows = (steps: AdDailyMetrics[][]) => steps.reduce((sum, step) => sum + step.length, 0);

/** The sync's write path: one interactive transaction per step, `upsertAdMetrics` inside. */
async function writeThroughSync(db: Db, shopId: string, steps: AdDailyMetrics[][]): Promise<number> {
  const at = new Date();
  const started = performance.now();
  for (const step of steps) {
    await db.$transaction((tx) => upsertAdMetrics(tx, shopId, step, at), { timeout: 120_000 });
  }
  return performance.now() - started;
}

const copyColumns =
  "shop_id, platform, ad_id, date, account_id, campaign_id, ad_set_id, currency, spend, impressions, reach, clicks, conversions, conversion_value, synced_at";
const copyText = (value: string) =>
  value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] as string);

function* copyLines(shopId: string, step: AdDailyMetrics[], at: string): Generator<string> {
  const linesPerWrite = 1000;
  for (let start = 0; start < step.length; start += linesPerWrite) {
    let text = "";
    for (const m of step.slice(start, start + linesPerWrite)) {
      text += `${shopId}\t${m.platform}\t${copyText(m.adId)}\t${m.date}\t${copyText(m.accountId)}\t${copyText(m.campaignId)}\t${copyText(m.adSetId)}\t${m.currency}\t${m.spend}\t${m.impressions}\t${m.reach ?? "\\N"}\t${m.clicks}\t${m.conversions}\t${m.conversionValue}\t${at}\n`;
    }
    yield text;
  }
}

/** The same rows through COPY (text format), one transaction per step. */
async function writeThroughCopy(
  client: pg.Client,
  shopId: string,
  steps: AdDailyMetrics[][],
): Promise<number> {
  const at = new Date().toISOString();
  const started = performance.now();
  for (const step of steps) {
    await client.query("BEGIN");
    await pipeline(
      Readable.from(copyLines(shopId, step, at)),
      client.query(copyFrom(`COPY ad_metrics_daily (${copyColumns}) FROM STDIN`)),
    );
    await client.query("COMMIT");
  }
  return performance.now() - started;
}

async function emptyTable(client: pg.Client) {
  await client.query("TRUNCATE ad_metrics_daily");
  await client.query("CHECKPOINT");
}

const dir = mkdtempSync(path.join(os.tmpdir(), "omnify-bench-"));
chmodSync(dir, 0o755);
const postgres = new EmbeddedPostgres({ dir: path.join(dir, "cluster"), port: await freePort() });
await postgres.start();
await ensureDatabase(postgres.url(), "omnify");
const url = postgres.url("omnify");
await migrateDatabase(url);
const db = createDatabase({ url });
const client = new pg.Client({ connectionString: url });
await client.connect();

try {
  const [server] = await db.$queryRaw<
    { version: string }[]
  >`SELECT current_setting('server_version') AS version`;
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, node ${process.version}, PostgreSQL ${server?.version}`,
  );

  const shop = await createShop(db, "bench-write-path");
  const original = metricSteps(0);
  const restated = metricSteps(1);
  const rows = countRows(original);
  console.log(
    `write path: ${integer.format(rows)} rows (${ads} ads × ${days} days), ${original.length} transactions of ≤ ${integer.format(ads * chunkDays)} rows (${chunkDays}-day steps), median of ${runs}`,
  );

  // Warm-up: one step through each path (JIT, plan caches, table files).
  const warm = original.slice(0, 1);
  await emptyTable(client);
  await writeThroughSync(db, shop.id, warm);
  await writeThroughSync(db, shop.id, restated.slice(0, 1));
  await emptyTable(client);
  await writeThroughCopy(client, shop.id, warm);

  const inserts: number[] = [];
  const updates: number[] = [];
  const copies: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await emptyTable(client);
    inserts.push(rows / ((await writeThroughSync(db, shop.id, original)) / 1000));
    await client.query("CHECKPOINT");
    updates.push(rows / ((await writeThroughSync(db, shop.id, restated)) / 1000));
    await emptyTable(client);
    copies.push(rows / ((await writeThroughCopy(client, shop.id, original)) / 1000));
  }
  const [stored] = await db.$queryRaw<{ rows: number }[]>`SELECT count(*)::int AS rows FROM ad_metrics_daily`;
  if (stored?.rows !== rows) throw new Error(`expected ${rows} rows after COPY, found ${stored?.rows}`);
  const all = (values: number[]) => values.map((value) => integer.format(value)).join(", ");
  console.log(
    `write path (unnest upsert, insert):       ${integer.format(median(inserts))} rows/s  (runs: ${all(inserts)})`,
  );
  console.log(
    `write path (unnest upsert, restatement):  ${integer.format(median(updates))} rows/s  (runs: ${all(updates)})`,
  );
  console.log(
    `raw COPY (text, same transactions):       ${integer.format(median(copies))} rows/s  (runs: ${all(copies)})`,
  );
  console.log(`ratio: ${(median(inserts) / median(copies)).toFixed(2)}`);

  if (e2eAds > 0) await endToEnd();
} finally {
  await client.end();
  await db.$disconnect();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** A backfill of the sandbox's bulk-test Meta account, from the queued run to its rollups. */
async function endToEnd() {
  await emptyTable(client);
  const world = await startSandboxServer({ largeAccountAds: e2eAds });
  try {
    const shop = await createShop(db, "bench-end-to-end");
    const integrationId = await connectPlatform(db, world.connectors, {
      shopId: shop.id,
      platform: "meta",
      externalIds: [largeAccountId],
    });
    const deps = testTaskDeps(db, world, { syncSettings: { ...defaultSyncSettings, backfillDays: e2eDays } });
    const queued = Date.now();
    await requestSync(db, { integrationId, trigger: "backfill", mode: "incremental" });
    await drainSyncs(deps, url, 30 * 60_000);
    const settled = Date.now();
    const run = await db.syncRun.findFirstOrThrow({ where: { integrationId } });
    if (run.status !== "succeeded") throw new Error(`the backfill ended ${run.status}: ${run.error}`);
    const [stored] = await db.$queryRaw<{ rows: number }[]>`
      SELECT count(*)::int AS rows FROM ad_metrics_daily WHERE shop_id = ${shop.id}::uuid`;
    const metricRows = stored?.rows ?? 0;
    const finished = (run.finishedAt as Date).getTime();
    const wall = finished - queued;
    console.log(
      `end-to-end backfill: ${integer.format(metricRows)} rows in ${(wall / 1000).toFixed(1)} s (${integer.format(metricRows / (wall / 1000))} rows/s), ${integer.format(run.apiCalls)} API calls`,
    );
    console.log(
      `  ${e2eAds} ads × ${e2eDays} days, ${chunkDays}-day steps, ${(run.plan as unknown[]).length} steps, ${run.retries} retries; run record started → finished ${seconds(finished - (run.startedAt as Date).getTime())}; queued → rollups done ${seconds(settled - queued)}`,
    );
    console.log(`  rows written by table: ${JSON.stringify(run.rowsWritten)}`);
    if (metricRows < 1_000_000)
      console.log(`  note: fewer than 1,000,000 metric rows (${e2eAds} ads × ${e2eDays} days)`);

    const range = {
      shopId: shop.id,
      since: (run.affectedFrom as Date).toISOString().slice(0, 10),
      until: (run.affectedTo as Date).toISOString().slice(0, 10),
    };
    const rebuilds: number[] = [];
    let rollupRows = 0;
    for (let attempt = 0; attempt < runs; attempt += 1) {
      const started = performance.now();
      rollupRows = (await rebuildRollups(db, range)).rows;
      rebuilds.push(performance.now() - started);
    }
    console.log(
      `rollup rebuild (aggregate job, ${range.since} → ${range.until}): ${seconds(median(rebuilds))} median of ${runs} (${integer.format(rollupRows)} rollup rows; the job ran once inside "queued → rollups done")`,
    );
  } finally {
    await world.close();
  }
}
