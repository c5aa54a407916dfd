import type { Context } from "hono";
import type { ReportingSnapshot, SandboxAccount } from "../../dataset/index.ts";
import type { SandboxContext } from "../../platform.ts";
import { invalidParameter } from "./errors.ts";
import { bucketRows, type InsightQuery, insightBuckets } from "./insights.ts";
import { nextUrl, type Paging } from "./paging.ts";
import { limitOf, paramsOf } from "./params.ts";

/**
 * Insights pages worked out one page at a time: a report's rows are its time
 * buckets' rows in order, so a page computes only the buckets it covers
 * (plus, at a bucket's end, the next non-empty one, to know whether to send
 * `paging.next`). Cursors name a bucket and a row in it. Nothing holds the
 * whole report: a million-row async report costs what its pages cost. Rows
 * are kept as JSON text, and a page is written by joining them.
 */
export class InsightPages {
  /** Recently computed buckets, so that pages that split a bucket do not compute it twice. */
  private readonly buckets = new Map<string, string[]>();
  private cachedRows = 0;

  constructor(
    private readonly context: SandboxContext,
    /** Rows kept across buckets; the oldest buckets go first. */
    private readonly rowBudget = 50_000,
  ) {}

  /** The page the request asks for, as Graph JSON (`{"data":[…],"paging":{…}}`), or Meta's refusal. */
  page(c: Context, account: SandboxAccount, query: InsightQuery, snapshot: ReportingSnapshot): Response {
    const params = paramsOf(c);
    const limit = limitOf(params.limit);
    if (limit === null) return invalidParameter("Param limit must be a positive integer");
    let bucket = 0;
    let offset = 0;
    if (params.after !== undefined) {
      const position = decode(params.after);
      if (position === null) return invalidParameter("The after cursor is not valid");
      [bucket, offset] = [position[0], position[1] + 1];
    }

    const buckets = insightBuckets(query);
    const rowsOf = (index: number) => this.rows(account, query, buckets, index, snapshot);
    const data: string[] = [];
    let first: [number, number] | null = null;
    let last: [number, number] = [bucket, offset - 1];
    for (; bucket < buckets.length && data.length < limit; bucket++, offset = 0) {
      const rows = rowsOf(bucket);
      if (offset >= rows.length) continue;
      const taken = rows.slice(offset, offset + limit - data.length);
      first ??= [bucket, offset];
      last = [bucket, offset + taken.length - 1];
      for (const row of taken) data.push(row);
    }
    if (!first) return c.json({ data: [] });

    let more = last[1] + 1 < rowsOf(last[0]).length;
    for (let next = last[0] + 1; !more && next < buckets.length; next++) more = rowsOf(next).length > 0;
    const paging: Paging = { cursors: { before: encode(first), after: encode(last) } };
    if (more) paging.next = nextUrl(c, this.context, encode(last));
    return c.body(`{"data":[${data.join(",")}],"paging":${JSON.stringify(paging)}}`, 200, {
      "content-type": "application/json",
    });
  }

  private rows(
    account: SandboxAccount,
    query: InsightQuery,
    buckets: [string, string][],
    index: number,
    snapshot: ReportingSnapshot,
  ): string[] {
    const range = buckets[index];
    if (!range) return [];
    // A bucket's rows depend on the account's day and the time of day (today is partial), not the exact instant.
    const { today, elapsed } = this.context.dataset.window(account.timeZone, snapshot.now);
    const key = [
      account.id,
      query.level,
      query.fields.join(","),
      range[0],
      range[1],
      today,
      elapsed,
      snapshot.restatements,
    ].join("|");
    let rows = this.buckets.get(key);
    if (!rows) {
      rows = bucketRows(this.context, account, query, range, snapshot);
      this.buckets.set(key, rows);
      this.cachedRows += rows.length + 1;
      for (const [oldKey, oldRows] of this.buckets) {
        // The bucket just made stays, however large: the next page is likely to need it.
        if (this.cachedRows <= this.rowBudget || oldKey === key) break;
        this.buckets.delete(oldKey);
        this.cachedRows -= oldRows.length + 1;
      }
    }
    return rows;
  }
}

const encode = ([bucket, row]: [number, number]) => Buffer.from(`sbx:${bucket}:${row}`).toString("base64url");

function decode(cursor: string): [number, number] | null {
  const match = /^sbx:(\d+):(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? [Number(match[1]), Number(match[2])] : null;
}
