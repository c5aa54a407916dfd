import type { Context } from "hono";
import type { SandboxContext } from "../../platform.ts";
import { invalidParameter } from "./errors.ts";
import { limitOf, paramsOf } from "./params.ts";

/**
 * Graph cursor paging: `paging.cursors.{before,after}` name the first and
 * last row of the page, `after=<cursor>` continues after that row, and
 * `paging.next` (the same URL plus `after`) appears only when more rows exist.
 */
export type Paged<T> = { data: T[]; paging?: Paging } | { error: Response };

export interface Paging {
  cursors: { before: string; after: string };
  next?: string;
}

const encode = (index: number) => Buffer.from(`sbx:${index}`).toString("base64url");

function decode(cursor: string): number | null {
  const match = /^sbx:(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

export function paginate<T>(c: Context, context: SandboxContext, rows: readonly T[]): Paged<T> {
  const params = paramsOf(c);
  const limit = limitOf(params.limit);
  if (limit === null) return { error: invalidParameter("Param limit must be a positive integer") };
  let start = 0;
  if (params.after !== undefined) {
    const index = decode(params.after);
    if (index === null) return { error: invalidParameter("The after cursor is not valid") };
    start = index + 1;
  }
  const data = rows.slice(start, start + limit);
  if (data.length === 0) return { data: [] };
  const last = start + data.length - 1;
  const paging: Paging = { cursors: { before: encode(start), after: encode(last) } };
  if (last + 1 < rows.length) paging.next = nextUrl(c, context, encode(last));
  return { data, paging };
}

/** The request's own URL at the sandbox's public origin, with `after` set. */
export function nextUrl(c: Context, context: SandboxContext, after: string): string {
  const url = new URL(c.req.url);
  const next = new URL(context.publicUrl + url.pathname);
  for (const [key, value] of url.searchParams)
    if (key !== "after" && key !== "before") next.searchParams.append(key, value);
  next.searchParams.set("after", after);
  return next.toString();
}
