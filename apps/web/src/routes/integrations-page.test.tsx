// @vitest-environment happy-dom
import type { TestHarness } from "@omnify/client/testing";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import type { Integration, IntegrationAccount, IntegrationCard, Platform, Shop } from "../api-types.ts";
import { formatDate } from "../components/format-date.ts";
import { historyPageSize } from "../features/sync/sync-history.tsx";
import { aShop, renderApp, seedShop, shopId } from "../testing/render-app.tsx";
import { type StubAnswer, type StubCall, stubTrpc } from "../testing/stub-trpc.ts";

afterEach(cleanup);

const names: Record<Platform, string> = {
  meta: "Meta",
  google: "Google Ads",
  tiktok: "TikTok",
  shopify: "Shopify",
};
const metaId = "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const connectedAt = new Date("2026-02-01T10:00:00Z");

function anAccount(overrides: Partial<IntegrationAccount> = {}): IntegrationAccount {
  return {
    id: "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
    externalId: "act_1029384756",
    name: "Juniper EU",
    currency: "EUR",
    timeZone: "Europe/Paris",
    status: "active",
    selected: true,
    ...overrides,
  };
}

function anIntegration(overrides: Partial<Integration> = {}): Integration {
  return {
    id: metaId,
    status: "connected",
    externalShop: null,
    scopes: ["ads_read"],
    accessTokenExpiresAt: null,
    lastError: null,
    connectedAt,
    disconnectedAt: null,
    connectedBy: "Ada Lovelace",
    accounts: [anAccount()],
    ...overrides,
  };
}

/** `integrations.list`: every platform available and not connected unless told otherwise. */
function theCards(
  integrations: Partial<Record<Platform, Integration>> = {},
  unavailable: Platform[] = [],
): IntegrationCard[] {
  return (["meta", "google", "tiktok", "shopify"] as const).map((platform) => ({
    platform,
    name: names[platform],
    available: !unavailable.includes(platform),
    integration: integrations[platform] ?? null,
  }));
}

/**
 * The stub sends plain JSON (no superjson dates): refetched lists carry no dates, as a
 * page showing them after a mutation would otherwise get strings.
 */
function withoutDates(cards: IntegrationCard[]): IntegrationCard[] {
  return cards.map((card) => ({
    ...card,
    integration: card.integration
      ? { ...card.integration, connectedAt: null, disconnectedAt: null, accessTokenExpiresAt: null }
      : null,
  }));
}

function renderIntegrations(
  cards: IntegrationCard[],
  { role = "owner", search = "" }: { role?: Shop["role"]; search?: string } = {},
) {
  return renderApp(`/shops/${shopId}/integrations${search}`, (harness: TestHarness) => {
    seedShop(harness, { shop: aShop(role) });
    harness.queryClient.setQueryData(harness.trpc.integrations.list.queryKey({ shopId }), cards);
    seedHistory(harness);
  });
}

/** An empty sync history, already loaded. */
function seedHistory({ queryClient, trpc }: TestHarness) {
  queryClient.setQueryData(trpc.sync.runs.infiniteQueryKey({ shopId, limit: historyPageSize }), {
    pages: [{ items: [], nextCursor: null }],
    pageParams: [null],
  });
}

/** The answer of a procedure this file does not look at. */
const otherAnswer = (path: string) => (path === "sync.runs" ? { items: [], nextCursor: null } : []);

/** Answers `integrations.list` with `cards`, the given procedures with their answers, anything else empty. */
function stubIntegrations(cards: IntegrationCard[], answers: Record<string, StubAnswer> = {}): StubCall[] {
  return stubTrpc(
    ({ path }) =>
      answers[path] ?? { data: path === "integrations.list" ? withoutDates(cards) : otherAnswer(path) },
  );
}

async function card(platform: Platform) {
  const cards = await screen.findAllByTestId("integration-card");
  const found = cards.find((element) => element.dataset.platform === platform);
  if (!found) throw new Error(`no card for ${platform}`);
  return found;
}

describe("IntegrationsPage", () => {
  it("shows each platform's status and what its connection is", async () => {
    renderIntegrations(
      theCards(
        {
          meta: anIntegration(),
          google: anIntegration({
            id: "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b",
            status: "needs_reauth",
            lastError: "Google Ads says the access was revoked.",
          }),
          shopify: anIntegration({
            id: "2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c",
            externalShop: "juniper-and-pine.myshopify.com",
            connectedBy: "Grace Hopper",
          }),
        },
        ["tiktok"],
      ),
    );

    const cards = await screen.findAllByTestId("integration-card");
    expect(cards.map((element) => [element.dataset.platform, element.dataset.status])).toEqual([
      ["meta", "connected"],
      ["google", "needs_reauth"],
      ["tiktok", "not_connected"],
      ["shopify", "connected"],
    ]);

    const meta = await card("meta");
    expect(within(meta).getByText("Connected")).toBeTruthy();
    expect(within(meta).getByText("Connected — syncing 1 ad account.")).toBeTruthy();
    expect(within(meta).getByText(`Connected by Ada Lovelace on ${formatDate(connectedAt)}.`)).toBeTruthy();

    const google = await card("google");
    expect(within(google).getByText("Needs reconnecting")).toBeTruthy();
    expect(within(google).getByText("Reason: Google Ads says the access was revoked.")).toBeTruthy();
    expect(within(google).getByRole("button", { name: "Reconnect Google Ads" })).toBeTruthy();

    const tiktok = await card("tiktok");
    expect(within(tiktok).getByText("Not available on this server")).toBeTruthy();
    const connectTikTok = within(tiktok).getByRole("button", { name: "Connect TikTok" }) as HTMLButtonElement;
    expect(connectTikTok.disabled).toBe(true);
    expect(within(tiktok).getByText(/This Omnify server has no TikTok app credentials/)).toBeTruthy();

    const shopify = await card("shopify");
    expect(within(shopify).getByText("juniper-and-pine.myshopify.com")).toBeTruthy();
    expect(
      within(shopify).getByText(`Connected by Grace Hopper on ${formatDate(connectedAt)}.`),
    ).toBeTruthy();
    expect(within(shopify).queryByRole("checkbox")).toBeNull();
  });

  it("names errors, disconnections and a connection with no account chosen", async () => {
    renderIntegrations(
      theCards({
        meta: anIntegration({ accounts: [anAccount({ selected: false })] }),
        google: anIntegration({
          id: "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b",
          status: "error",
          lastError: "Google Ads did not answer in time.",
        }),
        tiktok: anIntegration({
          id: "3a4b5c6d-7e8f-4a9b-8c1d-2e3f4a5b6c7d",
          status: "disconnected",
          disconnectedAt: new Date("2026-03-02T10:00:00Z"),
        }),
      }),
    );

    const meta = await card("meta");
    expect(within(meta).getByText("Connected")).toBeTruthy();
    expect(within(meta).getByText("Connected — choose at least one account to start syncing.")).toBeTruthy();

    const google = await card("google");
    expect(within(google).getByText("Error")).toBeTruthy();
    expect(within(google).getByText("Reason: Google Ads did not answer in time.")).toBeTruthy();
    expect(within(google).getByRole("button", { name: "Reconnect Google Ads" })).toBeTruthy();

    const tiktok = await card("tiktok");
    expect(tiktok.dataset.status).toBe("disconnected");
    expect(within(tiktok).getByText("Disconnected")).toBeTruthy();
    expect(
      within(tiktok).getByText(
        `Disconnected on ${formatDate(new Date("2026-03-02T10:00:00Z"))}. Data already synced stays in Omnify.`,
      ),
    ).toBeTruthy();
    expect(within(tiktok).getByRole("button", { name: "Connect TikTok" })).toBeTruthy();

    expect((await card("shopify")).dataset.status).toBe("not_connected");
    expect(within(await card("shopify")).getByText("Not connected")).toBeTruthy();
  });

  it("gives an owner the connect buttons and the Shopify form", async () => {
    renderIntegrations(theCards());

    expect(await screen.findByRole("button", { name: "Connect Meta" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Connect Google Ads" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Connect TikTok" })).toBeTruthy();
    const form = screen.getByRole("form", { name: "Connect Shopify" });
    expect(within(form).getByLabelText("Store address")).toBeTruthy();
    expect(within(form).getByRole("button", { name: "Connect Shopify" })).toBeTruthy();
  });

  it("shows a viewer the statuses and accounts with no controls", async () => {
    renderIntegrations(
      theCards({
        meta: anIntegration({
          accounts: [
            anAccount(),
            anAccount({ id: "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e", name: "Juniper US", selected: false }),
          ],
        }),
        google: anIntegration({ id: "1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b", status: "needs_reauth" }),
      }),
      { role: "viewer" },
    );

    expect(
      await screen.findByText(
        "The platforms this shop brings data in from. Only owners and admins can connect or disconnect them.",
      ),
    ).toBeTruthy();
    const main = screen.getByRole("main");
    expect(within(main).queryAllByRole("button")).toEqual([]);
    expect(main.querySelectorAll("input, select, textarea, form")).toHaveLength(0);

    const meta = await card("meta");
    expect(within(meta).getByText("Juniper EU")).toBeTruthy();
    expect(within(meta).getByText("Syncing")).toBeTruthy();
    expect(within(meta).getByText("Not syncing")).toBeTruthy();
    expect(
      within(await card("tiktok")).getByText("Not connected yet. An owner or admin can connect it."),
    ).toBeTruthy();
  });

  it("starts a connect flow and sends the browser to the platform's consent page", async () => {
    const authorizationUrl = "https://www.facebook.com/v21.0/dialog/oauth?client_id=1&state=abc";
    const calls = stubIntegrations(theCards(), { "integrations.connect": { data: { authorizationUrl } } });
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => {});
    onTestFinished(() => assign.mockRestore());
    renderIntegrations(theCards());

    fireEvent.click(await screen.findByRole("button", { name: "Connect Meta" }));

    await waitFor(() => expect(assign).toHaveBeenCalledWith(authorizationUrl));
    expect(calls.find((call) => call.path === "integrations.connect")?.input).toEqual({
      shopId,
      platform: "meta",
    });
    expect(screen.getByRole("button", { name: "Opening Meta…" })).toBeTruthy();
  });

  it("shows why a connect flow could not start", async () => {
    stubIntegrations(theCards(), {
      "integrations.connect": {
        error: { code: "CONFLICT", message: "Meta is not set up on this Omnify server yet." },
      },
    });
    renderIntegrations(theCards());

    fireEvent.click(await screen.findByRole("button", { name: "Connect Meta" }));

    const meta = await card("meta");
    expect((await within(meta).findByRole("alert")).textContent).toBe(
      "Meta is not set up on this Omnify server yet.",
    );
    expect(within(meta).getByRole("button", { name: "Connect Meta" })).toBeTruthy();
  });

  it("announces a finished connect flow, opens the account choice and saves the ticked accounts", async () => {
    const eu = anAccount({ selected: false });
    const us = anAccount({
      id: "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e",
      externalId: "act_55",
      name: "Juniper US",
      currency: "USD",
      timeZone: "America/New_York",
      selected: false,
    });
    const old = anAccount({
      id: "8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f",
      externalId: "act_9",
      name: "Old account",
      status: "disabled",
      selected: false,
    });
    const before = theCards({ meta: anIntegration({ accounts: [eu, us, old] }) });
    const after = theCards({
      meta: anIntegration({ accounts: [{ ...eu, selected: true }, { ...us, selected: true }, old] }),
    });
    const calls = stubIntegrations(after, { "integrations.selectAccounts": { data: { selected: 2 } } });
    const { router } = renderIntegrations(before, { search: `?connected=meta&choose=${metaId}` });

    expect((await screen.findByText("Meta is connected.")).closest('[role="status"]')).toBeTruthy();
    expect(router.state.location.search).toEqual({ connected: "meta", choose: metaId });

    const meta = await card("meta");
    expect(meta.dataset.choosing).toBe("true");
    expect(within(meta).getByText(/^Choose the accounts to sync/)).toBeTruthy();
    expect(within(meta).getByText("act_55 · USD · America/New_York")).toBeTruthy();
    const disabled = within(meta).getByRole("checkbox", { name: "Old account" }) as HTMLInputElement;
    expect(disabled.disabled).toBe(true);
    expect(within(meta).getByText("act_9 · EUR · Europe/Paris · Disabled by Meta")).toBeTruthy();

    fireEvent.click(within(meta).getByRole("checkbox", { name: "Juniper US" }));
    fireEvent.click(within(meta).getByRole("checkbox", { name: "Juniper EU" }));
    fireEvent.click(within(meta).getByRole("button", { name: "Save accounts for Meta" }));

    expect(await within(meta).findByText("Saved. Omnify syncs 2 accounts from Meta.")).toBeTruthy();
    expect(calls.find((call) => call.path === "integrations.selectAccounts")?.input).toEqual({
      shopId,
      integrationId: metaId,
      accountIds: [eu.id, us.id],
    });
    expect(calls.some((call) => call.path === "integrations.list")).toBe(true);
    // Done with the connect flow: the address forgets it, and the announcement goes.
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    expect(screen.queryByText("Meta is connected.")).toBeNull();
    expect(await within(meta).findByText("Connected — syncing 2 ad accounts.")).toBeTruthy();
    expect(meta.dataset.choosing).toBeUndefined();
  });

  it("lets the owner dismiss the announcement of a finished connect flow", async () => {
    const shopify = anIntegration({ externalShop: "juniper-and-pine.myshopify.com" });
    const { router } = renderIntegrations(theCards({ shopify }), { search: "?connected=shopify" });

    expect(await screen.findByText("Shopify is connected.")).toBeTruthy();
    expect(router.state.location.search).toEqual({ connected: "shopify" });
    fireEvent.click(screen.getByRole("button", { name: "Dismiss this message" }));

    await waitFor(() => expect(screen.queryByText("Shopify is connected.")).toBeNull());
    expect(router.state.location.search).toEqual({});
  });

  it("ignores a connected platform it does not know", async () => {
    const { router } = renderIntegrations(theCards(), { search: "?connected=myspace" });

    expect(await screen.findAllByTestId("integration-card")).toHaveLength(4);
    expect(screen.queryByText(/is connected\./)).toBeNull();
    expect(router.state.location.search).toEqual({});
  });

  it("refreshes the account list from the platform", async () => {
    const calls = stubIntegrations(theCards({ meta: anIntegration() }), {
      "integrations.refreshAccounts": { data: { accounts: 3 } },
    });
    renderIntegrations(theCards({ meta: anIntegration({ accounts: [anAccount({ selected: false })] }) }));

    const meta = await card("meta");
    fireEvent.click(within(meta).getByRole("button", { name: "Refresh account list from Meta" }));

    expect(await within(meta).findByText("Account list updated: Meta lists 3 accounts.")).toBeTruthy();
    expect(calls.find((call) => call.path === "integrations.refreshAccounts")?.input).toEqual({
      shopId,
      integrationId: metaId,
    });
  });

  it("asks before disconnecting, then disconnects and reloads the cards", async () => {
    const disconnected = theCards({ meta: anIntegration({ status: "disconnected" }) });
    const calls = stubIntegrations(disconnected, {
      "integrations.disconnect": { data: { revocation: "revoked" } },
    });
    renderIntegrations(theCards({ meta: anIntegration() }));

    const meta = await card("meta");
    fireEvent.click(within(meta).getByRole("button", { name: "Disconnect Meta" }));
    const dialog = await screen.findByRole("dialog", { name: "Disconnect Meta?" });
    expect(
      within(dialog).getByText("Omnify deletes its tokens and stops syncing; data already synced stays."),
    ).toBeTruthy();
    expect(calls.some((call) => call.path === "integrations.disconnect")).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Disconnect" }));

    expect(
      await within(meta).findByText(
        "Meta is disconnected, and Meta confirmed that Omnify's access is removed.",
      ),
    ).toBeTruthy();
    expect(calls.find((call) => call.path === "integrations.disconnect")?.input).toEqual({
      shopId,
      integrationId: metaId,
    });
    await waitFor(() => expect(meta.dataset.status).toBe("disconnected"));
    expect(within(meta).getByRole("button", { name: "Connect Meta" })).toBeTruthy();
  });

  it("checks the Shopify store address, and shows the server's objections under it", async () => {
    const calls = stubIntegrations(theCards(), {
      "integrations.connect": {
        error: {
          code: "BAD_REQUEST",
          message: "Enter your store's myshopify.com address, such as juniper-and-pine.myshopify.com.",
        },
      },
    });
    renderIntegrations(theCards());
    const form = await screen.findByRole("form", { name: "Connect Shopify" });
    const input = within(form).getByLabelText("Store address");

    fireEvent.click(within(form).getByRole("button", { name: "Connect Shopify" }));
    expect(
      await within(form).findByText("Enter your store's address, such as juniper-and-pine.myshopify.com."),
    ).toBeTruthy();
    expect(calls.some((call) => call.path === "integrations.connect")).toBe(false);

    fireEvent.change(input, { target: { value: "juniper & pine" } });
    fireEvent.click(within(form).getByRole("button", { name: "Connect Shopify" }));
    expect(
      await within(form).findByText(
        "Enter your store's myshopify.com address, such as juniper-and-pine.myshopify.com.",
      ),
    ).toBeTruthy();
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(calls.find((call) => call.path === "integrations.connect")?.input).toEqual({
      shopId,
      platform: "shopify",
      shopDomain: "juniper & pine",
    });
  });

  it("puts the server's field errors under the store address", async () => {
    stubIntegrations(theCards(), {
      "integrations.connect": {
        error: {
          code: "BAD_REQUEST",
          message: "Invalid input",
          fieldErrors: { shopDomain: ["must be at most 255 characters"] },
        },
      },
    });
    renderIntegrations(theCards());
    const form = await screen.findByRole("form", { name: "Connect Shopify" });
    fireEvent.change(within(form).getByLabelText("Store address"), { target: { value: "juniper-and-pine" } });
    fireEvent.click(within(form).getByRole("button", { name: "Connect Shopify" }));

    expect(await within(form).findByText("Store address must be at most 255 characters.")).toBeTruthy();
  });

  it("says when the integrations could not be loaded, and tries again", async () => {
    let failing = true;
    stubTrpc(({ path }) =>
      path === "integrations.list" && failing
        ? { error: { code: "FORBIDDEN", message: "You do not have access to this shop's integrations." } }
        : { data: path === "integrations.list" ? withoutDates(theCards()) : otherAnswer(path) },
    );
    renderApp(`/shops/${shopId}/integrations`, (harness) => {
      seedShop(harness, { shop: aShop("owner"), integrations: null });
      seedHistory(harness);
    });

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("The integrations could not be loaded")).toBeTruthy();
    expect(within(alert).getByText("You do not have access to this shop's integrations.")).toBeTruthy();
    failing = false;
    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));

    expect(await screen.findAllByTestId("integration-card")).toHaveLength(4);
  });
});
