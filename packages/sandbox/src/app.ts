import { createHash } from "node:crypto";
import { Hono } from "hono";
import { sandboxApps } from "./apps.ts";
import { SandboxDataset } from "./dataset/index.ts";
import { FaultPlan, type Faults, faultsSchema, noFaults } from "./faults.ts";
import { defaultTuning, type SandboxContext, type SandboxEnv, type SandboxTuning } from "./platform.ts";
import { googleRoutes } from "./platforms/google/index.ts";
import { metaRoutes } from "./platforms/meta/index.ts";
import { shopifyRoutes } from "./platforms/shopify/index.ts";
import { tiktokRoutes } from "./platforms/tiktok/index.ts";
import { RequestLog } from "./request-log.ts";
import { TokenIssuer } from "./tokens.ts";

export interface SandboxOptions {
  seed?: number;
  /** The sandbox's clock; fixed in tests so that "today" and restatement are known. */
  now?: () => Date;
  faults?: Partial<Faults>;
  tuning?: Partial<SandboxTuning>;
  /** Origin the sandbox is reached at. */
  publicUrl: string;
  /**
   * Adds Meta ad account `1010000009` ("Bulk test — N ads", UTC, USD) on
   * which about `ads` ads deliver every day, for load tests and benchmarks.
   * Off by default; it leaves the demo accounts and the shop's orders as
   * they are.
   */
  largeAccount?: { ads: number };
}

export interface Sandbox {
  fetch(request: Request): Promise<Response>;
  readonly context: SandboxContext;
  readonly dataset: SandboxDataset;
  readonly publicUrl: string;
  setFaults(faults: Partial<Faults>): Faults;
}

export const defaultSeed = 42;

/**
 * The whole sandbox as one fetch handler: the four platforms' APIs, consent
 * pages and token endpoints, and a control API under `/__sandbox` for tests
 * and demos (faults, restatement, the request log).
 */
export function createSandbox({
  seed = defaultSeed,
  now = () => new Date(),
  faults = {},
  tuning = {},
  publicUrl,
  largeAccount,
}: SandboxOptions): Sandbox {
  const dataset = new SandboxDataset(seed, { largeAccount });
  const context: SandboxContext = {
    dataset,
    now,
    // Derived from the seed so that tokens issued before a restart still verify after it.
    tokens: new TokenIssuer(createHash("sha256").update(`omnify-sandbox-tokens:${seed}`).digest("hex")),
    apps: sandboxApps,
    faults: new FaultPlan(faultsSchema.parse({ ...noFaults, ...faults }), seed),
    log: new RequestLog(),
    publicUrl: publicUrl.replace(/\/+$/, ""),
    tuning: { ...defaultTuning, ...tuning },
  };
  const setFaults = (next: Partial<Faults>) => {
    context.faults.faults = faultsSchema.parse({ ...noFaults, ...next });
    return context.faults.faults;
  };

  const app = new Hono<SandboxEnv>();
  app.get("/__sandbox/health", (c) => c.json({ ok: true, seed }));
  app.get("/__sandbox/faults", (c) => c.json(context.faults.faults));
  app.put("/__sandbox/faults", async (c) => {
    const parsed = faultsSchema.safeParse({ ...noFaults, ...(await c.req.json().catch(() => null)) });
    if (!parsed.success)
      return c.json({ error: parsed.error.issues.map((issue) => issue.message).join("; ") }, 400);
    return c.json(setFaults(parsed.data));
  });
  app.post("/__sandbox/restate", (c) => {
    dataset.restatements += 1;
    return c.json({ restatements: dataset.restatements });
  });
  app.get("/__sandbox/requests", (c) => c.json(context.log.list()));
  app.delete("/__sandbox/requests", (c) => {
    context.log.clear();
    return c.body(null, 204);
  });
  app.route("/meta", metaRoutes(context));
  app.route("/google", googleRoutes(context));
  app.route("/tiktok", tiktokRoutes(context));
  app.route("/shopify", shopifyRoutes(context));

  return {
    fetch: async (request) => app.fetch(request),
    context,
    dataset,
    publicUrl: context.publicUrl,
    setFaults,
  };
}
