import type { AppRouter } from "@omnify/client";
import type { inferInput, TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { z } from "zod";

export type AuditAction = NonNullable<
  inferInput<TRPCOptionsProxy<AppRouter>["admin"]["listAuditEvents"]>["action"]
>;

/**
 * The audit log's filters, kept in the address so a filtered view can be shared and survives a
 * reload. A hand-edited value that is not even the right shape is dropped (the filter is
 * cleared) rather than breaking the page.
 */
export const auditSearch = z.object({
  action: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .optional()
    .catch(undefined),
  shopId: z.uuid().optional().catch(undefined),
  actorUserId: z.uuid().optional().catch(undefined),
});

export type AuditSearch = z.infer<typeof auditSearch>;

export const auditPageSize = 50;

/** `admin.listAuditEvents` input for the filters in the address. */
export function auditEventsInput({ action, shopId, actorUserId }: AuditSearch) {
  return {
    limit: auditPageSize,
    // Checked for shape only: the server rejects an action it does not know, and the page
    // shows that error. The filter form itself only offers the server's own list.
    ...(action ? { action: action as AuditAction } : {}),
    ...(shopId ? { shopId } : {}),
    ...(actorUserId ? { actorUserId } : {}),
  };
}
