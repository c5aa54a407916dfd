import { createTestHarness, type TestHarness } from "@omnify/client/testing";
import { createMemoryHistory, RouterProvider } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import type { Viewer } from "../auth/viewer.ts";
import { createAppRouter } from "../router.tsx";

export const staffViewer: Viewer = {
  id: "01938f4e-0000-7000-8000-000000000001",
  email: "sam@omnify.example",
  name: "Sam Staff",
  emailVerified: true,
  isStaff: true,
};

export const shopOwnerViewer: Viewer = {
  id: "01938f4e-0000-7000-8000-000000000002",
  email: "olive@example.com",
  name: "Olive Owner",
  emailVerified: true,
  isStaff: false,
};

export interface RenderAppOptions {
  /** The answer of `account.me`: who is signed in (null: nobody). */
  viewer: Viewer | null;
  /** Puts more answers in the cache before the first render. */
  seed?: (harness: TestHarness) => void;
}

/**
 * The whole console (real routes, gate and shell) at `path` (inside /admin), on a memory
 * history and the test harness's seeded query cache.
 */
export function renderApp(path: string, { viewer, seed }: RenderAppOptions) {
  const harness = createTestHarness();
  harness.queryClient.setQueryData(harness.trpc.account.me.queryKey(), { user: viewer });
  seed?.(harness);
  const router = createAppRouter({ history: createMemoryHistory({ initialEntries: [`/admin${path}`] }) });
  const view = render(
    <harness.Providers>
      <RouterProvider router={router} />
    </harness.Providers>,
  );
  return { ...view, harness, router };
}

/**
 * One page of a keyset-paginated list as `useInfiniteQuery` caches it. The first page
 * param is really `undefined` (no cursor); its declared type says `string | null`.
 */
export function onePage<Item>(items: Item[], nextCursor: string | null = null) {
  return { pages: [{ items, nextCursor }], pageParams: [null] as Array<string | null> };
}
