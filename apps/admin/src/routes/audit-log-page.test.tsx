// @vitest-environment happy-dom
import type { TestHarness } from "@omnify/client/testing";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { AuditEvent } from "../components/types.ts";
import { onePage, renderApp, staffViewer } from "../testing/render-app.tsx";
import { stubTrpc } from "../testing/stub-trpc.ts";

const adaId = "01938f4e-0000-7000-8000-00000000a0da";
const shopId = "01938f4e-0000-7000-8000-000000005409";

function auditEvent(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    id: "01938f4e-0000-7000-8000-0000000e0001",
    occurredAt: new Date("2026-11-21T10:00:00Z"),
    action: "shop.created",
    actorUserId: adaId,
    actorEmail: "ada@example.com",
    shopId,
    targetType: "shop",
    targetId: shopId,
    ip: "203.0.113.7",
    userAgent: "Mozilla/5.0",
    details: {},
    ...overrides,
  };
}

function seedLog(events: AuditEvent[]) {
  return ({ queryClient, trpc }: TestHarness) => {
    queryClient.setQueryData(trpc.admin.auditActions.queryKey(), ["shop.created", "staff.user_banned"]);
    queryClient.setQueryData(trpc.admin.listAuditEvents.infiniteQueryKey({ limit: 50 }), onePage(events));
  };
}

async function openAuditLog(events: AuditEvent[], path = "/audit") {
  const app = renderApp(path, { viewer: staffViewer, seed: seedLog(events) });
  await screen.findByRole("heading", { level: 1, name: "Audit log" });
  return app;
}

afterEach(cleanup);

describe("AuditLogPage", () => {
  it("lists events with time, action, actor, shop, target and IP", async () => {
    stubTrpc();
    await openAuditLog([auditEvent({})]);

    const table = screen.getByRole("table", { name: "Audit events, newest first" });
    const row = within(table).getAllByTestId("audit-row")[0] as HTMLElement;
    expect(within(row).getByText("shop.created")).toBeTruthy();
    expect(within(row).getByRole("button", { name: "Filter by actor ada@example.com" })).toBeTruthy();
    expect(within(row).getByText("203.0.113.7")).toBeTruthy();
    expect(row.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-21T10:00:00.000Z");
  });

  it("flags a malformed shop id inline and does not apply it", async () => {
    stubTrpc();
    const { router } = await openAuditLog([auditEvent({})]);

    const shopField = screen.getByLabelText("Shop id");
    fireEvent.change(shopField, { target: { value: "shop-42" } });
    fireEvent.blur(shopField);

    expect(await screen.findByText("Enter a whole shop id (a UUID), or leave this empty.")).toBeTruthy();
    expect(shopField.getAttribute("aria-invalid")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));
    await waitFor(() => expect(screen.getByLabelText("Shop id")).toBe(document.activeElement));
    expect(router.state.location.search).toEqual({});
  });

  it("keeps valid filters in the address", async () => {
    stubTrpc({ "admin.listAuditEvents": () => ({ items: [], nextCursor: null }) });
    const { router } = await openAuditLog([auditEvent({})]);

    fireEvent.change(screen.getByLabelText("Action"), { target: { value: "staff.user_banned" } });
    fireEvent.change(screen.getByLabelText("Shop id"), { target: { value: ` ${shopId} ` } });
    fireEvent.click(screen.getByRole("button", { name: "Apply filters" }));

    await waitFor(() =>
      expect(router.state.location.search).toEqual({ action: "staff.user_banned", shopId }),
    );
    expect(await screen.findByText("No audit events match these filters")).toBeTruthy();
  });

  it("filters by an actor when their email is clicked", async () => {
    const calls = stubTrpc({
      "admin.listAuditEvents": () => ({ items: [auditEvent({ action: "shop.updated" })], nextCursor: null }),
    });
    const { router } = await openAuditLog([auditEvent({})]);

    fireEvent.click(screen.getByRole("button", { name: "Filter by actor ada@example.com" }));

    await waitFor(() => expect(router.state.location.search).toEqual({ actorUserId: adaId }));
    expect(await screen.findByText("shop.updated")).toBeTruthy();
    expect((screen.getByLabelText("Actor user id") as HTMLInputElement).value).toBe(adaId);
    expect(calls).toContainEqual({
      path: "admin.listAuditEvents",
      input: expect.objectContaining({ limit: 50, actorUserId: adaId }),
    });
  });

  it("reads filters from the address and drops ones that are not ids", async () => {
    stubTrpc();
    const { router } = renderApp(`/audit?shopId=not-a-uuid`, { viewer: staffViewer, seed: seedLog([]) });

    expect(await screen.findByText("No audit events yet")).toBeTruthy();
    expect(router.state.location.search).toEqual({});
  });
});
