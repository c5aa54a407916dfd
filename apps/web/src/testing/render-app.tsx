/**
 * Renders the real route tree at an address, inside the test harness's providers (a seeded
 * query cache whose unseeded requests fail loudly). Seed what the page reads first.
 */
import { createTestHarness, type TestHarness } from "@omnify/client/testing";
import { createMemoryHistory, RouterProvider } from "@tanstack/react-router";
import { render } from "@testing-library/react";
import type { IntegrationCard, Me, Member, PendingInvitation, Shop } from "../api-types.ts";
import { createAppRouter } from "../router.tsx";

// happy-dom lacks HTMLSelectElement#size (0 in browsers). Without it react-hook-form takes every
// select for one the user already changed, and reads the first option instead of the form's value.
if (typeof HTMLSelectElement !== "undefined" && !("size" in HTMLSelectElement.prototype)) {
  Object.defineProperty(HTMLSelectElement.prototype, "size", {
    get(this: HTMLSelectElement) {
      return Number(this.getAttribute("size") ?? 0);
    },
  });
}

export function renderApp(url: string, seed: (harness: TestHarness) => void = () => {}) {
  const harness = createTestHarness();
  seed(harness);
  const router = createAppRouter({
    queryClient: harness.queryClient,
    trpc: harness.trpc,
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const view = render(
    <harness.Providers>
      <RouterProvider router={router} />
    </harness.Providers>,
  );
  return { harness, router, view };
}

export const shopId = "5b0f2a8e-6d1c-4f57-9a51-0c9d3e2b7a10";

export function aUser(overrides: Partial<Me> = {}): Me {
  return {
    id: "0a6a3c1e-2f4b-4c55-8d11-7e9f0b1c2d3e",
    email: "ada@example.com",
    name: "Ada Lovelace",
    emailVerified: true,
    isStaff: false,
    ...overrides,
  };
}

const permissionsByRole: Record<Shop["role"], Shop["permissions"]> = {
  owner: [
    "shop.view",
    "shop.update",
    "team.view",
    "team.invite",
    "team.manage",
    "shop.transfer",
    "integrations.manage",
    "integrations.sync",
    "recommendations.act",
  ],
  admin: [
    "shop.view",
    "shop.update",
    "team.view",
    "team.invite",
    "team.manage",
    "integrations.manage",
    "integrations.sync",
    "recommendations.act",
  ],
  member: ["shop.view", "team.view", "integrations.sync", "recommendations.act"],
  viewer: ["shop.view", "team.view"],
};

/** `shops.get` as a member with `role` sees it (permissions as the server's table grants them). */
export function aShop(role: Shop["role"], overrides: Partial<Shop> = {}): Shop {
  return {
    id: shopId,
    name: "Juniper & Pine",
    slug: "juniper-pine",
    currency: "EUR",
    timeZone: "Europe/Paris",
    createdAt: new Date("2026-01-05T10:00:00Z"),
    role,
    persona: "founder",
    permissions: permissionsByRole[role],
    ...overrides,
  };
}

export function aMember(overrides: Partial<Member> = {}): Member {
  return {
    id: "9c1d2e3f-4a5b-4c6d-8e7f-1a2b3c4d5e6f",
    userId: "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
    name: "Grace Hopper",
    email: "grace@example.com",
    role: "member",
    persona: "marketer",
    joinedAt: new Date("2026-01-06T10:00:00Z"),
    isYou: false,
    ...overrides,
  };
}

export function anInvitation(overrides: Partial<PendingInvitation> = {}): PendingInvitation {
  return {
    id: "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b",
    email: "linus@example.com",
    role: "viewer",
    persona: "media_buyer",
    status: "pending",
    expiresAt: new Date(Date.now() + 6 * 24 * 3600_000),
    createdAt: new Date(),
    invitedByName: "Ada Lovelace",
    ...overrides,
  };
}

/** The signed-in user, their shops and one shop's page data, as the team and settings pages read them. */
export function seedShop(
  harness: TestHarness,
  {
    user = aUser(),
    shop,
    members = [],
    invitations,
    integrations = [],
  }: {
    user?: Me;
    shop: Shop;
    members?: Member[];
    invitations?: PendingInvitation[];
    /** Every shop page reads them (the reconnect banner); null leaves them to be fetched. */
    integrations?: IntegrationCard[] | null;
  },
) {
  const { queryClient, trpc } = harness;
  queryClient.setQueryData(trpc.account.me.queryKey(), { user });
  queryClient.setQueryData(trpc.shops.listMine.queryKey(), [
    {
      id: shop.id,
      name: shop.name,
      currency: shop.currency,
      timeZone: shop.timeZone,
      role: shop.role,
      persona: shop.persona,
    },
  ]);
  queryClient.setQueryData(trpc.shops.get.queryKey({ shopId: shop.id }), shop);
  queryClient.setQueryData(trpc.team.listMembers.queryKey({ shopId: shop.id }), members);
  if (integrations)
    queryClient.setQueryData(trpc.integrations.list.queryKey({ shopId: shop.id }), integrations);
  // No sync in progress unless a test says so.
  queryClient.setQueryData(trpc.sync.active.queryKey({ shopId: shop.id }), []);
  if (invitations)
    queryClient.setQueryData(trpc.team.listInvitations.queryKey({ shopId: shop.id }), invitations);
}
