import type { AppRouter } from "@omnify/client";
import type { inferOutput, TRPCOptionsProxy } from "@trpc/tanstack-react-query";

type Api = TRPCOptionsProxy<AppRouter>;

/** One item of a staff list, as the browser receives it (dates are `Date`s). */
export type AuditEvent = inferOutput<Api["admin"]["listAuditEvents"]>["items"][number];
export type StaffUserRow = inferOutput<Api["admin"]["listUsers"]>["items"][number];
export type StaffShopRow = inferOutput<Api["admin"]["listShops"]>["items"][number];
export type OutboxMessage = inferOutput<Api["admin"]["listOutbox"]>["items"][number];
export type WorkerRow = inferOutput<Api["system"]["listWorkers"]>["items"][number];
