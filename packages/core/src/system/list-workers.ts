import type { DbOrTx } from "@omnify/db";

export interface ListWorkersInput {
  limit: number;
  /** The last worker id of the previous page. */
  cursor?: string;
}

const workerSelect = { workerId: true, hostname: true, pid: true, beatAt: true } as const;

/** Workers that have ever beaten, most recently alive first, paginated by keyset. */
export async function listWorkers(db: DbOrTx, { limit, cursor }: ListWorkersInput) {
  const rows = await db.workerHeartbeat.findMany({
    select: workerSelect,
    orderBy: [{ beatAt: "desc" }, { workerId: "asc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { workerId: cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.workerId ?? null) : null };
}
