import { createHmac, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import type { SandboxAccount } from "../../dataset/index.ts";
import { apiGuard, hasScope, type SandboxContext, type SandboxEnv } from "../../platform.ts";
import {
  adAccountType,
  adCreativeType,
  adSetType,
  adType,
  applyFiltering,
  campaignType,
  type GraphRow,
  type NodeType,
  selectAll,
} from "./entities.ts";
import {
  adsPermissionMissing,
  invalidProof,
  metaErrors,
  missingPermissions,
  reportNotReady,
  unknownObject,
  usageKey,
} from "./errors.ts";
import { InsightPages } from "./insight-pages.ts";
import { parseInsightQuery } from "./insights.ts";
import { dialogRoutes, GrantLineage, tokenRoute } from "./oauth.ts";
import { paginate } from "./paging.ts";
import { paramsOf, parseFields, readForm, tokenOf } from "./params.ts";
import { ReportRuns } from "./report-runs.ts";
import { bucHeader, UsageMeter, useCaseOf } from "./usage.ts";

const version = ":version{v\\d+\\.\\d+}";
const edgeTypes: Record<string, NodeType> = {
  campaigns: campaignType,
  adsets: adSetType,
  ads: adType,
  adcreatives: adCreativeType,
};
const me = { id: "10000000000000042", name: "Jordan Rivera" };

/**
 * The Meta Marketing API stand-in: Facebook Login's dialog under `/www`, and
 * the Graph API under `/graph` (token endpoint, the user's permissions and
 * ad accounts, entity edges, sync and async insights).
 */
export function metaRoutes(context: SandboxContext): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const lineage = new GrantLineage();
  const runs = new ReportRuns(context);
  const insights = new InsightPages(context);
  const entities = new EntityRows(context);
  const usage = new UsageMeter();

  app.route("/www", dialogRoutes(context));

  const graph = new Hono<SandboxEnv>();
  graph.on(["GET", "POST"], `/${version}/oauth/access_token`, tokenRoute(context, lineage));

  const api = chain(
    // POST parameters (a token among them) are read before the guard looks for the token.
    async (c, next) => {
      await readForm(c);
      await next();
    },
    apiGuard(context, { platform: "meta", tokenOf, errors: metaErrors(context, tokenOf) }),
    appSecretProof(context),
    usageHeaders(context, usage),
  );

  graph.get(`/${version}/me`, api, (c) => c.json(pick(me, c)));

  graph.get(`/${version}/me/permissions`, api, (c) =>
    c.json({ data: c.get("grant").scopes.map((permission) => ({ permission, status: "granted" })) }),
  );

  // Removes the app's login: every token of that login stops working.
  graph.delete(`/${version}/me/permissions`, api, (c) => {
    for (const jti of lineage.family(c.get("grant").jti)) context.tokens.revoke(jti);
    return c.json({ success: true });
  });

  graph.get(`/${version}/me/adaccounts`, api, (c) => {
    if (!canReadAds(c)) return missingPermissions();
    const now = context.now();
    const rows = context.dataset
      .accounts("meta")
      .flatMap((account) => adAccountType.rows(context, account, now));
    return respondWithRows(c, context, rows, adAccountType);
  });

  graph.get(`/${version}/:node{(?:act_)?\\d+}`, api, (c) => {
    const node = c.req.param("node") ?? "";
    if (!node.startsWith("act_")) {
      const run = runs.find(node, c.get("grant").clientId);
      if (!run) return unknownObject(node, "GET");
      if (!canReadAds(c)) return adsPermissionMissing();
      return c.json(pick(runs.poll(run), c));
    }
    const account = accountOf(context, node);
    if (!account) return unknownObject(node, "GET");
    if (!canReadAds(c)) return adsPermissionMissing();
    const selected = selectAll(
      adAccountType.rows(context, account, context.now()),
      paramsOf(c).fields,
      adAccountType,
    );
    return selected.ok ? c.json(selected.rows[0]) : selected.error;
  });

  graph.get(`/${version}/:node{(?:act_)?\\d+}/:edge`, api, (c) => {
    const node = c.req.param("node") ?? "";
    const edge = c.req.param("edge") ?? "";
    if (!node.startsWith("act_")) {
      const run = edge === "insights" ? runs.find(node, c.get("grant").clientId) : undefined;
      if (!run) return unknownObject(node, "GET");
      if (!canReadAds(c)) return adsPermissionMissing();
      if (run.snapshot === null) return reportNotReady();
      return insights.page(c, run.account, run.query, run.snapshot);
    }
    const account = accountOf(context, node);
    if (!account) return unknownObject(node, "GET");
    if (!canReadAds(c)) return adsPermissionMissing();
    const params = paramsOf(c);
    if (edge === "insights") {
      const parsed = parseInsightQuery(params, account, context);
      if (!parsed.ok) return parsed.error;
      const snapshot = { now: context.now(), restatements: context.dataset.restatements };
      return insights.page(c, account, parsed.query, snapshot);
    }
    const type = edgeTypes[edge];
    if (!type) return unknownObject(node, "GET");
    const filtered = applyFiltering(entities.rows(type, account, context.now()), type, params.filtering);
    if (!filtered.ok) return filtered.error;
    return respondWithRows(c, context, filtered.rows, type);
  });

  // Starts an async insights job: the same parameters as the GET, answered with a report run id.
  graph.post(`/${version}/:node{act_\\d+}/insights`, api, (c) => {
    const node = c.req.param("node") ?? "";
    const account = accountOf(context, node);
    if (!account) return unknownObject(node, "POST");
    if (!canReadAds(c)) return adsPermissionMissing();
    const parsed = parseInsightQuery(paramsOf(c), account, context);
    if (!parsed.ok) return parsed.error;
    const run = runs.create(account, c.get("grant").clientId, parsed.query);
    return c.json({ report_run_id: run.id });
  });

  app.route("/graph", graph);
  return app;
}

/** Runs middleware in order as one; a middleware that answers stops the rest. */
function chain(...middleware: MiddlewareHandler<SandboxEnv>[]): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const run = async (index: number): Promise<void> => {
      const handler = middleware[index];
      if (!handler) return next();
      const answer = await handler(c, () => run(index + 1));
      if (answer instanceof Response) c.res = answer;
    };
    await run(0);
  };
}

const canReadAds = (c: Context<SandboxEnv>) =>
  hasScope(c.get("grant"), "ads_read") || hasScope(c.get("grant"), "ads_management");

function accountOf(context: SandboxContext, node: string): SandboxAccount | undefined {
  return context.dataset.account("meta", node.slice("act_".length));
}

/** A node's requested fields (id always). */
function pick(node: Record<string, unknown>, c: Context): Record<string, unknown> {
  const fields = parseFields(paramsOf(c).fields).map((field) => field.name);
  if (fields.length === 0) return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => key === "id" || fields.includes(key)));
}

/** A page of an edge's rows with the requested fields: unknown fields are refused first, then only the page is picked. */
function respondWithRows(
  c: Context<SandboxEnv>,
  context: SandboxContext,
  rows: Record<string, unknown>[],
  type: NodeType,
): Response {
  const fields = paramsOf(c).fields;
  const checked = selectAll([], fields, type);
  if (!checked.ok) return checked.error;
  const paged = paginate(c, context, rows);
  if ("error" in paged) return paged.error;
  const selected = selectAll(paged.data, fields, type);
  if (!selected.ok) return selected.error;
  return c.json({ ...paged, data: selected.rows });
}

/**
 * An account's entity rows, kept until the account's day turns: ads and
 * creatives are worked out from the whole history window (tens of
 * thousands on the bulk-test account), and a client reads them page by page.
 */
class EntityRows {
  private readonly cache = new Map<string, GraphRow[]>();

  constructor(private readonly context: SandboxContext) {}

  rows(type: NodeType, account: SandboxAccount, now: Date): GraphRow[] {
    const { today } = this.context.dataset.window(account.timeZone, now);
    const key = `${type.name}|${account.id}|${today}`;
    let rows = this.cache.get(key);
    if (!rows) {
      rows = type.rows(this.context, account, now);
      this.cache.set(key, rows);
      // A handful of accounts and edges are read at a time.
      for (const oldKey of this.cache.keys()) if (this.cache.size > 32) this.cache.delete(oldKey);
    }
    return rows;
  }
}

/**
 * `appsecret_proof`, when sent, must be the hex HMAC-SHA256 of the access
 * token keyed with the app secret; Meta refuses a wrong one.
 */
function appSecretProof(context: SandboxContext): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const proof = paramsOf(c).appsecret_proof;
    if (proof !== undefined) {
      const expected = Buffer.from(
        createHmac("sha256", context.apps.meta.clientSecret)
          .update(tokenOf(c) ?? "")
          .digest("hex"),
      );
      const given = Buffer.from(proof.toLowerCase());
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return invalidProof();
    }
    await next();
  };
}

/** Meta's usage headers on every answer: app usage, and BUC usage for ad-account calls. */
function usageHeaders(context: SandboxContext, usage: UsageMeter): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    await next();
    const now = context.now();
    const key = usageKey(c, context);
    const percent = usage.record(key, c.req.path, now);
    const headers = c.res.headers;
    headers.set("facebook-api-version", c.req.param("version") ?? "v25.0");
    const app = usage.appPercent(now);
    headers.set("x-app-usage", JSON.stringify({ call_count: app, total_cputime: app, total_time: app }));
    if (/\/act_\d+/.test(c.req.path)) {
      headers.set("x-business-use-case-usage", bucHeader(key, c.req.path, { percent, regainMinutes: 0 }));
      if (useCaseOf(c.req.path) === "ads_insights")
        headers.set(
          "x-fb-ads-insights-throttle",
          JSON.stringify({
            app_id_util_pct: app,
            acc_id_util_pct: percent,
            ads_api_access_tier: "standard_access",
          }),
        );
    }
  };
}
