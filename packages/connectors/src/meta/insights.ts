import { setTimeout as sleep } from "node:timers/promises";
import { daysBetween } from "../dates.ts";
import type { AdAccount, AdDailyMetrics, DateRange } from "../domain.ts";
import { ConnectorError } from "../errors.ts";
import { type TokenSource, withFreshToken } from "../tokens.ts";
import type { GraphClient } from "./graph.ts";
import { toDailyMetrics } from "./normalise.ts";
import { insightSchema, reportRunSchema, reportRunStartSchema } from "./schemas.ts";

/** What an ad-level daily row needs; every metric arrives as a string. */
const insightFields = [
  "account_currency",
  "campaign_id",
  "adset_id",
  "ad_id",
  "impressions",
  "reach",
  "clicks",
  "spend",
  "actions",
  "action_values",
  "date_start",
  "date_stop",
].join(",");

/** Ad-level, one row per ad and day, in the account's own days. */
const reportParams = (range: DateRange) => ({
  level: "ad",
  time_increment: "1",
  time_range: JSON.stringify({ since: range.since, until: range.until }),
  fields: insightFields,
});

/**
 * Daily per-ad metrics for an account's days in `range`: a synchronous
 * insights read for short ranges, an async report run for long ones (Meta
 * recommends async for ad level × day, and large sync reads time out).
 */
export async function* dailyMetrics(
  graph: GraphClient,
  tokens: TokenSource,
  account: AdAccount,
  range: DateRange,
): AsyncGenerator<AdDailyMetrics[]> {
  const days = daysBetween(range.since, range.until) + 1;
  if (days <= 0) return;
  const pages =
    days > graph.config.asyncThresholdDays
      ? asyncPages(graph, tokens, account, range)
      : graph.pages(
          tokens,
          `act_${account.externalId}/insights`,
          reportParams(range),
          insightSchema,
          "insights",
        );
  for await (const rows of pages) yield rows.map((row) => toDailyMetrics(account, row));
}

async function* asyncPages(graph: GraphClient, tokens: TokenSource, account: AdAccount, range: DateRange) {
  const started = await withFreshToken(tokens, (token) =>
    graph.call(
      token,
      `act_${account.externalId}/insights`,
      { method: "POST", form: reportParams(range) },
      reportRunStartSchema,
      "the report job",
    ),
  );
  const runId = started.report_run_id;
  const deadline = Date.now() + graph.config.asyncTimeoutMs;
  for (;;) {
    const run = await withFreshToken(tokens, (token) =>
      graph.call(
        token,
        runId,
        { query: { fields: "id,async_status,async_percent_completion" } },
        reportRunSchema,
        "the report job's status",
      ),
    );
    // "Job Running" can already show 100%: only "Job Completed" means the rows are ready.
    if (run.async_status === "Job Completed") break;
    if (run.async_status === "Job Failed" || run.async_status === "Job Skipped")
      throw new ConnectorError("meta", "transient", "Meta could not finish the report; we will try again", {
        cause: { async_status: run.async_status },
      });
    if (Date.now() >= deadline)
      throw new ConnectorError(
        "meta",
        "transient",
        "Meta took too long to prepare the report; we will try again",
      );
    await sleep(graph.config.asyncPollIntervalMs);
  }
  yield* graph.pages(tokens, `${runId}/insights`, {}, insightSchema, "insights");
}
