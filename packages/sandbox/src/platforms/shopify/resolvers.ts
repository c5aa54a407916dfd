import { type DocumentNode, executeSync } from "graphql";
import type { SandboxOrderView } from "../../dataset/index.ts";
import type { SandboxContext } from "../../platform.ts";
import { type BulkRecord, bulkInProgress, bulkStatus, runBulkQuery } from "./bulk.ts";
import { accessDenied, connection, orderObject, type RequestScope, shopObject } from "./model.ts";
import { gidNumber, type PageArgs, paginate } from "./paging.ts";
import { adminSchema } from "./schema.ts";
import { matchesTerms, parseSearch } from "./search.ts";
import type { ShopifyState } from "./state.ts";

/** One Admin API request: who asks, when, and what it has read so far. */
export interface RequestContext extends RequestScope {
  now: Date;
  /** App and shop: the key of rate limits and bulk operations. */
  installation: string;
  /** Bulk operations whose status this request already advanced. */
  polled: Set<string>;
  /** Shopify's `extensions.search` entries for queries it could not fully use. */
  search: unknown[];
}

/** `read_orders` alone reaches back 60 days; older orders need `read_all_orders`. */
const recentOrdersDays = 60;

type SortValue = (order: SandboxOrderView) => string | number;
const byId: SortValue = (order) => gidNumber(order.id);
const sortValues: Record<string, SortValue> = {
  CREATED_AT: (order) => order.createdAt,
  PROCESSED_AT: (order) => order.createdAt,
  UPDATED_AT: (order) => order.updatedAt,
  ID: byId,
  ORDER_NUMBER: byId,
  TOTAL_PRICE: (order) => order.total,
};
const sortValue = (sortKey: string): SortValue => sortValues[sortKey] ?? byId;

type OrdersArgs = PageArgs & { query?: string | null; sortKey: string; reverse: boolean };

/** The query and mutation root: graphql-js calls these with (args, context). */
export function createRoot(sandbox: SandboxContext, state: ShopifyState) {
  const shop = sandbox.dataset.shop;

  const visibleOrders = (context: RequestContext, sortKey: string) => {
    const sorted = state.orders(context.now, sortKey, sortValue(sortKey));
    if (context.scopes.includes("read_all_orders")) return sorted;
    const since = new Date(context.now.getTime() - recentOrdersDays * 86_400_000).toISOString();
    return sorted.filter((order) => order.createdAt >= since);
  };

  const bulkView = (record: BulkRecord, context: RequestContext) => {
    if (!context.polled.has(record.id)) {
      context.polled.add(record.id);
      record.polls += 1;
    }
    const polls = sandbox.tuning.asyncJobPolls;
    const status = bulkStatus(record, polls);
    const finished = status === "COMPLETED" || status === "FAILED";
    if (finished && !record.completedAt) record.completedAt = iso(context.now);
    // While it runs, the counts grow with each status read, as Shopify's running totals do.
    const share = finished ? 1 : record.polls / Math.max(1, polls);
    const total = record.errorCode ? 0 : record.lines.length;
    const objectCount = Math.floor(total * share);
    const rootObjectCount = record.errorCode ? 0 : Math.floor(record.rootObjectCount * share);
    const fileSize = record.lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    return {
      __typename: "BulkOperation",
      id: record.id,
      status,
      errorCode: status === "FAILED" ? record.errorCode : null,
      createdAt: record.createdAt,
      completedAt: finished ? record.completedAt : null,
      objectCount: String(objectCount),
      rootObjectCount: String(rootObjectCount),
      fileSize: status === "COMPLETED" && total > 0 ? String(fileSize) : null,
      // Shopify gives no URL when the export found nothing.
      url:
        status === "COMPLETED" && total > 0
          ? `${sandbox.publicUrl}/shopify/${context.shopDomain}/__bulk/${gidNumber(record.id)}.jsonl`
          : null,
      partialDataUrl: null,
      query: record.query,
      type: "QUERY",
    };
  };

  const root = {
    appUninstall: (_args: unknown, context: RequestContext) => {
      uninstall(sandbox, state, context.installation);
      return {
        app: { __typename: "App", id: `gid://shopify/App/${appNumber}`, title: "Omnify" },
        userErrors: [],
      };
    },

    shop: (_args: unknown, context: RequestContext) =>
      shopObject(
        {
          domain: shop.domain,
          name: shop.name,
          email: shop.email,
          currency: shop.currency,
          timeZone: shop.timeZone,
        },
        context.now,
      ),

    orders: (args: OrdersArgs, context: RequestContext) => {
      if (!context.scopes.includes("read_orders")) throw accessDenied("orders", "read_orders");
      const search = parseSearch(args.query, shop.timeZone);
      if (search.warnings.length) {
        context.search.push({ path: ["orders"], query: args.query, warnings: search.warnings });
      }
      const matching = visibleOrders(context, args.sortKey).filter((order) =>
        matchesTerms(
          { created_at: order.createdAt, processed_at: order.createdAt, updated_at: order.updatedAt },
          search.terms,
        ),
      );
      const sortOf = sortValue(args.sortKey);
      const ordered = args.reverse ? [...matching].reverse() : matching;
      const page = paginate(ordered, (order) => ({ id: gidNumber(order.id), value: sortOf(order) }), args, {
        bulk: context.bulk,
        reverse: args.reverse,
      });
      return connection({ ...page, items: page.items.map((order) => orderObject(order, context)) });
    },

    order: ({ id }: { id: string }, context: RequestContext) => {
      if (!context.scopes.includes("read_orders")) throw accessDenied("order", "read_orders");
      const order = visibleOrders(context, "ID").find((candidate) => candidate.id === id);
      return order ? orderObject(order, context) : null;
    },

    node: ({ id }: { id: string }, context: RequestContext) => {
      if (id.startsWith("gid://shopify/BulkOperation/")) {
        const record = state.bulkById.get(id);
        return record && record.key === context.installation ? bulkView(record, context) : null;
      }
      if (id.startsWith("gid://shopify/Order/")) return root.order({ id }, context);
      return null;
    },

    currentBulkOperation: ({ type }: { type: string }, context: RequestContext) => {
      const record = type === "QUERY" ? state.latestBulk.get(context.installation) : undefined;
      return record ? bulkView(record, context) : null;
    },

    bulkOperationRunQuery: (
      { query, groupObjects }: { query: string; groupObjects: boolean },
      context: RequestContext,
    ) => {
      const running = state.latestBulk.get(context.installation);
      if (running && bulkInProgress(running, sandbox.tuning.asyncJobPolls)) {
        return {
          bulkOperation: null,
          userErrors: [
            {
              code: "OPERATION_IN_PROGRESS",
              field: null,
              message: `A bulk query operation for this app and shop is already in progress: ${running.id}.`,
            },
          ],
        };
      }
      const run = runBulkQuery(
        query,
        (document: DocumentNode) =>
          executeSync({
            schema: adminSchema,
            document,
            rootValue: root,
            contextValue: { ...context, bulk: true },
          }),
        groupObjects,
      );
      if (!run.ok) {
        return {
          bulkOperation: null,
          userErrors: [{ code: "INVALID", field: ["query"], message: run.message }],
        };
      }
      const record: BulkRecord = {
        id: state.nextBulkId(),
        key: context.installation,
        query,
        createdAt: iso(context.now),
        completedAt: null,
        polls: 0,
        startedAtMs: Date.now(),
        errorCode: run.accessDenied ? "ACCESS_DENIED" : null,
        lines: run.accessDenied ? [] : run.lines,
        rootObjectCount: run.rootObjectCount,
      };
      state.bulkById.set(record.id, record);
      state.latestBulk.set(context.installation, record);
      // The creating request reports CREATED; reading the status later moves it along.
      context.polled.add(record.id);
      return { bulkOperation: bulkView(record, context), userErrors: [] };
    },
  };
  return root;
}

/** The sandbox app's id at the shop (there is one app). */
const appNumber = 7_310_000_001;

/** Uninstalling the app kills every token it holds for the shop, as on Shopify. */
export function uninstall(sandbox: SandboxContext, state: ShopifyState, installation: string): void {
  for (const jti of state.installTokens.get(installation) ?? []) sandbox.tokens.revoke(jti);
  state.installTokens.delete(installation);
}

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
