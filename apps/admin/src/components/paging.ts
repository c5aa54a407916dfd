/** For `infiniteQueryOptions`: the server's keyset cursor; null when there is no next page. */
export function nextCursor(page: { nextCursor: string | null }): string | null {
  return page.nextCursor;
}

/** The items of every page loaded so far, in order. */
export function allItems<Item>(data: { pages: Array<{ items: Item[] }> } | undefined): Item[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}
