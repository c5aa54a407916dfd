import type { AppRouter } from "@omnify/client";
import type { inferOutput, TRPCOptionsProxy } from "@trpc/tanstack-react-query";

type Api = TRPCOptionsProxy<AppRouter>;

/** The signed-in user as `account.me` describes them. */
export type Me = NonNullable<inferOutput<Api["account"]["me"]>["user"]>;
/** One entry of the shop switcher (`shops.listMine`). */
export type MyShop = inferOutput<Api["shops"]["listMine"]>[number];
/** A shop as its member sees it, with what they may do there (`shops.get`). */
export type Shop = inferOutput<Api["shops"]["get"]>;
export type Member = inferOutput<Api["team"]["listMembers"]>[number];
export type PendingInvitation = inferOutput<Api["team"]["listInvitations"]>[number];
export type InvitationPreview = inferOutput<Api["invitations"]["preview"]>;
/** One platform's card on the integrations page (`integrations.list`), connected or not. */
export type IntegrationCard = inferOutput<Api["integrations"]["list"]>[number];
export type Integration = NonNullable<IntegrationCard["integration"]>;
export type IntegrationAccount = Integration["accounts"][number];
export type Platform = IntegrationCard["platform"];
export type IntegrationStatus = Integration["status"];
/** Whether the platform also dropped Omnify's access when the shop disconnected it. */
export type Revocation = inferOutput<Api["integrations"]["disconnect"]>["revocation"];

export type ShopRole = Shop["role"];
export type Persona = Shop["persona"];
export type ShopPermission = Shop["permissions"][number];

/** A sync run as members see it (`sync.active`, `sync.runs`). */
export type SyncRun = inferOutput<Api["sync"]["active"]>[number];
export type SyncRunStatus = SyncRun["status"];
export type SyncTrigger = SyncRun["trigger"];
