// Prints request latency of the API's system endpoints over real HTTP, against a
// fresh embedded PostgreSQL; tRPC calls carry a signed-in staff session, so
// each includes the session lookup. Usage: pnpm bench:api [requests=1000] [concurrency=8]
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildServer } from "@omnify/api/server";
import { createOrPromoteStaff } from "@omnify/auth";
import { applyMigrations, createDatabase, ensureDatabase } from "@omnify/db";
import { createLogger } from "@omnify/logger";
import { createSecretBox, generateKeyEntry, parseKeyring } from "@omnify/secrets";
import { EmbeddedPostgres } from "@omnify/stack";
import { freePort } from "@omnify/stack/testing/free-port";

const requests = Number(process.argv[2] ?? 1000);
const concurrency = Number(process.argv[3] ?? 8);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ p50: number; p95: number; p99: number; perSecond: number }> {
  const durations: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next += 1;
        const t0 = performance.now();
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        durations.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  durations.sort((a, b) => a - b);
  return {
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    p99: percentile(durations, 99),
    perSecond: requests / seconds,
  };
}

const dir = mkdtempSync(path.join(tmpdir(), "omnify-bench-"));
chmodSync(dir, 0o755);
const postgres = new EmbeddedPostgres({ dir: path.join(dir, "cluster"), port: await freePort() });
await postgres.start();
await ensureDatabase(postgres.url(), "omnify");
await applyMigrations(postgres.url("omnify"));
const db = createDatabase({ url: postgres.url("omnify") });
const app = await buildServer({
  db,
  logger: createLogger({ service: "bench", level: "silent" }),
  serveSpas: false,
  appUrl: "http://127.0.0.1",
  authSecret: "bench-secret-that-is-at-least-32-characters",
  // These figures do not touch the platforms.
  connectors: { meta: null, google: null, tiktok: null, shopify: null },
  secrets: createSecretBox(parseKeyring(generateKeyEntry())),
  realtime: { appId: "bench", key: "k", secret: "bench-realtime-secret", cluster: "mt1", useTLS: false },
  clientConfig: {
    environment: "production",
    realtime: { key: "k", cluster: "mt1", useTLS: false },
    analytics: null,
  },
});
const port = await freePort();
await app.listen({ host: "127.0.0.1", port });
const staff = { email: "bench@omnify.local", name: "Bench", password: "bench-password-1" };
await createOrPromoteStaff(db, staff);
const signIn = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in/email`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: "http://127.0.0.1" },
  body: JSON.stringify({ email: staff.email, password: staff.password }),
});
const cookie = signIn.headers
  .getSetCookie()
  .map((value) => value.split(";")[0])
  .join("; ");
const session = { cookie, origin: "http://127.0.0.1" };

try {
  console.log(`requests per endpoint: ${requests}, concurrency: ${concurrency}, node ${process.version}`);
  for (const endpoint of ["/healthz", "/readyz", "/trpc/system.getStatus", "/trpc/account.me"]) {
    const headers = endpoint.startsWith("/trpc") ? session : {};
    await measure(`http://127.0.0.1:${port}${endpoint}`, headers); // warm-up
    const result = await measure(`http://127.0.0.1:${port}${endpoint}`, headers);
    console.log(
      `${endpoint.padEnd(24)} p50 ${result.p50.toFixed(2)} ms  p95 ${result.p95.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  ${result.perSecond.toFixed(0)} req/s`,
    );
  }
} finally {
  await app.close();
  await db.$disconnect();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
