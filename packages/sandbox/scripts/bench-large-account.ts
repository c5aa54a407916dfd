/**
 * Reads the bulk-test Meta account through the real Meta connector from a
 * sandbox process started as `npm start` would (with
 * SANDBOX_LARGE_ACCOUNT_ADS), and prints rows, pages and seconds.
 *
 *   node --import tsx scripts/bench-large-account.ts [ads=2800] [pageSizes=100,1000,5000] [days=365,90,30]
 *
 * The connector is imported from its sources (packages/connectors), so the
 * sandbox does not depend on it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { createMetaConnector, staticToken } from "../../connectors/src/index.ts";
import { createSandbox } from "../src/app.ts";
import { addDays, largeAccountId } from "../src/dataset/index.ts";

const ads = Number(process.argv[2] ?? 2800);
const pageSizes = (process.argv[3] ?? "100,1000,5000").split(",").map(Number);
const ranges = (process.argv[4] ?? "365,90,30").split(",").map(Number);
const now = new Date("2026-11-22T15:00:00Z");

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

/** CPU seconds and peak RSS of a process, from /proc (Linux; null elsewhere). */
function usageOf(pid: number | undefined): { cpu: number; peakMb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { cpu: (Number(stat[11]) + Number(stat[12])) / 100, peakMb: Math.round(peakKb / 1024) };
  } catch {
    return null;
  }
}

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: fileURLToPath(new URL("..", import.meta.url)),
  env: {
    // biome-ignore lint/style/noProcessEnv: the sandbox process inherits this one's environment (PATH and the like)
    ...process.env,
    SANDBOX_HOST: "127.0.0.1",
    SANDBOX_PORT: String(port),
    SANDBOX_NOW: now.toISOString(),
    SANDBOX_LARGE_ACCOUNT_ADS: String(ads),
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
try {
  for (let attempt = 0; ; attempt++) {
    const healthy = await fetch(`${origin}/__sandbox/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (attempt > 200) throw new Error("the sandbox did not start");
    await sleep(50);
  }

  // Tokens are signed with a key derived from the seed: a sandbox in this process issues ones the child accepts.
  const issuer = createSandbox({ publicUrl: origin, now: () => now });
  const app = issuer.context.apps.meta;
  const tokens = staticToken(
    issuer.context.tokens.issue(
      { platform: "meta", kind: "access", clientId: app.clientId, scopes: ["ads_read"], exp: null },
      now,
    ),
  );
  const until = addDays(now.toISOString().slice(0, 10), -1);
  console.log(`bulk-test account: ${ads} ads; today ${now.toISOString()}; node ${process.version}`);

  for (const pageSize of pageSizes) {
    const meta = createMetaConnector({
      appId: app.clientId,
      appSecret: app.clientSecret,
      graphUrl: `${origin}/meta/graph`,
      asyncPollIntervalMs: 1,
      pageSize,
    });
    const requests = async () =>
      ((await (await fetch(`${origin}/__sandbox/requests`)).json()) as unknown[]).length;
    await fetch(`${origin}/__sandbox/requests`, { method: "DELETE" });
    let started = performance.now();
    const accounts = await meta.listAccounts(tokens);
    const bulk = accounts.find((candidate) => candidate.externalId === largeAccountId);
    if (!bulk) throw new Error("the connector does not list the bulk-test account");
    const campaigns = await meta.listCampaigns(tokens, bulk);
    const adSets = await meta.listAdSets(tokens, bulk);
    const adList = await meta.listAds(tokens, bulk);
    const creatives = await meta.listCreatives(tokens, bulk);
    console.log(
      `limit=${pageSize}: ${campaigns.length} campaigns, ${adSets.length} ad sets, ${adList.length} ads, ${creatives.length} creatives in ${await requests()} requests, ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );

    for (const days of ranges) {
      await fetch(`${origin}/__sandbox/requests`, { method: "DELETE" });
      const before = usageOf(child.pid);
      const clientBefore = process.cpuUsage();
      started = performance.now();
      let rows = 0;
      let pages = 0;
      for await (const page of meta.dailyMetrics(tokens, bulk, {
        since: addDays(until, -(days - 1)),
        until,
      })) {
        rows += page.length;
        pages++;
      }
      const elapsed = (performance.now() - started) / 1000;
      const after = usageOf(child.pid);
      const client = process.cpuUsage(clientBefore);
      const sandboxCpu = before && after ? `, sandbox CPU ${(after.cpu - before.cpu).toFixed(1)} s` : "";
      console.log(
        `limit=${pageSize}: ${days} days → ${rows} rows in ${pages} pages (${await requests()} requests), ${elapsed.toFixed(2)} s (${Math.round(rows / elapsed)} rows/s; connector CPU ${((client.user + client.system) / 1e6).toFixed(1)} s${sandboxCpu})`,
      );
    }
  }
  const usage = usageOf(child.pid);
  if (usage) console.log(`sandbox peak RSS ${usage.peakMb} MB`);
} finally {
  child.kill("SIGTERM");
}
