import { GraphQLError } from "graphql";
import { maxPageSize } from "./schema.ts";

/**
 * Relay cursor pagination as Shopify serves it: opaque base64 cursors that
 * carry the last row's sort value and id (keyset pagination), so a page
 * boundary stays put when rows change between requests.
 */

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface SortKey {
  /** Numeric part of the GID. */
  id: number;
  /** Sort value; strings compare as text, numbers as numbers. */
  value: string | number;
}

export interface Page<T> {
  items: T[];
  cursors: string[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export const gidNumber = (gid: string): number => Number(gid.slice(gid.lastIndexOf("/") + 1));

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify({ last_id: key.id, last_value: key.value })).toString("base64");
}

function decodeCursor(cursor: string, argument: string): SortKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as {
      last_id?: unknown;
      last_value?: unknown;
    };
    if (
      typeof parsed.last_id === "number" &&
      (typeof parsed.last_value === "string" || typeof parsed.last_value === "number")
    ) {
      return { id: parsed.last_id, value: parsed.last_value };
    }
  } catch {
    // Falls through to Shopify's answer for a cursor it did not issue.
  }
  throw new GraphQLError(`Invalid cursor for current pagination sort.`, {
    extensions: { code: "BAD_REQUEST", argument },
  });
}

const compare = (a: SortKey, b: SortKey): number =>
  a.value < b.value ? -1 : a.value > b.value ? 1 : a.id - b.id;

/**
 * One page of `sorted` (already in the requested order, `keyOf` giving each
 * row's key in that order). `bulk` walks the whole connection, as bulk
 * operations do; otherwise `first` or `last` is required, as on Shopify.
 */
export function paginate<T>(
  sorted: readonly T[],
  keyOf: (item: T) => SortKey,
  args: PageArgs,
  options: { bulk: boolean; reverse: boolean },
): Page<T> {
  const direction = options.reverse ? -1 : 1;
  const ordered = (a: SortKey, b: SortKey) => direction * compare(a, b);
  let start = 0;
  let end = sorted.length;
  if (args.after) {
    const after = decodeCursor(args.after, "after");
    while (start < end && ordered(keyOf(sorted[start] as T), after) <= 0) start++;
  }
  if (args.before) {
    const before = decodeCursor(args.before, "before");
    while (end > start && ordered(keyOf(sorted[end - 1] as T), before) >= 0) end--;
  }
  const window = { start, end };
  if (!options.bulk) {
    const { first, last } = args;
    if (first == null && last == null) throw new GraphQLError("you must provide one of first or last");
    for (const [name, value] of [
      ["first", first],
      ["last", last],
    ] as const) {
      if (value != null && (value < 0 || value > maxPageSize)) {
        throw new GraphQLError(`The ${name} argument must be between 0 and ${maxPageSize}.`, {
          extensions: { code: "BAD_REQUEST", argument: name },
        });
      }
    }
    if (first != null) window.end = Math.min(window.end, window.start + first);
    if (last != null) window.start = Math.max(window.start, window.end - last);
  }
  const items = sorted.slice(window.start, window.end);
  const cursors = items.map((item) => encodeCursor(keyOf(item)));
  return {
    items,
    cursors,
    pageInfo: {
      hasNextPage: window.end < end || (!!args.before && end < sorted.length),
      hasPreviousPage: window.start > start || (!!args.after && start > 0),
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
  };
}
