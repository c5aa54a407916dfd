import { setTimeout as sleep } from "node:timers/promises";
import type { AdAccount, Order } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { parseShape } from "../http.ts";
import type { TokenSource } from "../tokens.ts";
import { adminGraphql } from "./client.ts";
import type { ShopifySettings } from "./config.ts";
import { jsonLines } from "./jsonl.ts";
import { normaliseOrder } from "./normalise.ts";
import {
  bulkOrdersQuery,
  bulkPollQuery,
  bulkRunMutation,
  currentBulkQuery,
  updatedSearch,
} from "./queries.ts";
import {
  bulkLineItem,
  bulkPolled,
  bulkStarted,
  currentBulk,
  type LineNode,
  type OrderFields,
  orderFields,
} from "./schemas.ts";

const batchSize = 1000;
/**
 * Another export of ours is still running (one a killed or rate-limited sync
 * left behind; Shopify runs one per app and shop): ask again after it has had
 * time to finish. Order exports of a sync window finish in seconds.
 */
const busyRetryMs = 10_000;

/**
 * Orders through a bulk operation: start it, poll until Shopify has written
 * the export, then stream the JSONL. Line items arrive as their own lines with
 * `__parentId` and, since Shopify stopped grouping them under their order by
 * default, anywhere in the file; so the whole export is read before orders are
 * yielded. Callers bound memory by slicing long backfills into windows.
 */
export async function* bulkOrders(
  settings: ShopifySettings,
  tokens: TokenSource,
  shop: AdAccount,
  options: { updatedSince: Date | null; updatedBefore?: Date },
): AsyncGenerator<Order[]> {
  const url = await runExport(settings, tokens, shop, bulkOrdersQuery(updatedSearch(options)));
  if (!url) return;
  const orders = new Map<string, OrderFields>();
  const lines = new Map<string, LineNode[]>();
  for await (const raw of jsonLines(url)) {
    if (raw && typeof raw === "object" && "__parentId" in raw) {
      const { __parentId, ...line } = parseShape("shopify", bulkLineItem, raw, "an export line item");
      const siblings = lines.get(__parentId) ?? [];
      siblings.push(line);
      lines.set(__parentId, siblings);
    } else {
      const order = parseShape("shopify", orderFields, raw, "an exported order");
      orders.set(order.id, order);
    }
  }
  let batch: Order[] = [];
  for (const order of orders.values()) {
    batch.push(normaliseOrder(order, lines.get(order.id) ?? [], shop));
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Runs the export and returns its download URL (null when it found nothing).
 * An export of the same query that an interrupted sync started is taken over
 * (still running: waited for; finished: its file is used) instead of started again.
 */
async function runExport(
  settings: ShopifySettings,
  tokens: TokenSource,
  shop: AdAccount,
  query: string,
): Promise<string | null> {
  const { data: latest } = await adminGraphql(
    settings,
    tokens,
    shop.externalId,
    { query: currentBulkQuery, what: "the latest export" },
    currentBulk,
  );
  const previous = latest.currentBulkOperation;
  if (previous?.query === query) {
    if (previous.status === "COMPLETED") return previous.url;
    if (previous.status === "CREATED" || previous.status === "RUNNING") {
      return awaitExport(settings, tokens, shop, previous.id);
    }
  }
  const { data } = await adminGraphql(
    settings,
    tokens,
    shop.externalId,
    { query: bulkRunMutation, variables: { query }, what: "the start of an export" },
    bulkStarted,
  );
  const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
  const problem = userErrors[0];
  if (problem?.code === "OPERATION_IN_PROGRESS") {
    throw new ConnectorError(
      "shopify",
      "rate_limited",
      "Shopify is still running an earlier export for this shop",
      {
        platformCode: problem.code,
        retryAfterMs: busyRetryMs,
      },
    );
  }
  if (problem || !bulkOperation) {
    throw new ConnectorError(
      "shopify",
      "bad_request",
      `Shopify refused Omnify's export: ${problem?.message ?? "no operation"}`,
      {
        platformCode: problem?.code ?? undefined,
      },
    );
  }
  return awaitExport(settings, tokens, shop, bulkOperation.id);
}

/** Polls an export until Shopify has written its file. */
async function awaitExport(
  settings: ShopifySettings,
  tokens: TokenSource,
  shop: AdAccount,
  operationId: string,
): Promise<string | null> {
  for (;;) {
    await sleep(settings.bulkPollIntervalMs);
    const { data: polled } = await adminGraphql(
      settings,
      tokens,
      shop.externalId,
      { query: bulkPollQuery, variables: { id: operationId }, what: "an export's status" },
      bulkPolled,
    );
    const operation = polled.node;
    if (!operation) {
      throw new ConnectorError(
        "shopify",
        "transient",
        "Shopify lost track of Omnify's export; it will be run again",
      );
    }
    if (operation.status === "COMPLETED") return operation.url;
    if (operation.status === "FAILED") throw failedExport(operation.errorCode);
    if (["CANCELED", "CANCELING", "EXPIRED"].includes(operation.status)) {
      throw new ConnectorError("shopify", "transient", "Shopify stopped Omnify's export before it finished", {
        platformCode: operation.status,
      });
    }
  }
}

function failedExport(errorCode: string | null): ConnectorError {
  if (errorCode === "ACCESS_DENIED") {
    return new ConnectorError(
      "shopify",
      "permission_denied",
      "Shopify says Omnify lacks a permission it needs to export this shop's orders; reconnect the shop to grant it",
      { platformCode: errorCode },
    );
  }
  // TIMEOUT asks for a smaller window; INTERNAL_SERVER_ERROR for another try. Both are worth retrying.
  return new ConnectorError("shopify", "transient", "Shopify could not finish Omnify's export", {
    platformCode: errorCode ?? undefined,
  });
}
