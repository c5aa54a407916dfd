export {
  type Actor,
  type AuditAction,
  type AuditEntry,
  type AuditFilter,
  auditActions,
  listAuditEvents,
  recordAudit,
} from "./audit/audit.ts";
export { AppError, type AppErrorCode } from "./errors.ts";
export { saveAccounts } from "./integrations/accounts.ts";
export {
  type CallbackResult,
  ConnectFailure,
  type ConnectProblem,
  completeConnect,
  startConnect,
} from "./integrations/connect.ts";
export { callbackUrl, type IntegrationDeps } from "./integrations/deps.ts";
export {
  disconnectIntegration,
  type IntegrationCard,
  listIntegrations,
  refreshAccounts,
  selectAccounts,
} from "./integrations/integrations.ts";
export { oauthStateLifetimeMs } from "./integrations/oauth-state.ts";
export { normaliseShopDomain } from "./integrations/shop-domain.ts";
export {
  integrationTokenSource,
  markNeedsReauth,
  reencryptSecrets,
  sealedGrant,
} from "./integrations/token-store.ts";
export {
  listNotifications,
  markNotificationsRead,
  type NotificationContent,
  notifyMembers,
} from "./notifications/notifications.ts";
export {
  acceptInvitation,
  declineInvitation,
  type InvitationDeps,
  invitationLifetimeMs,
  inviteMember,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "./shops/invitations.ts";
export {
  changeMemberRole,
  leaveShop,
  listMembers,
  removeMember,
  setMemberPersona,
  transferOwnership,
} from "./shops/members.ts";
export {
  assertCan,
  can,
  permissionsOf,
  personas,
  type ShopPermission,
  shopPermissions,
  shopRoles,
} from "./shops/permissions.ts";
export { resolveShopScope, type ShopScope } from "./shops/scope.ts";
export { createShop, getShop, listMyShops, type ShopFields, updateShop } from "./shops/shops.ts";
export {
  listOutbox,
  listShopsForStaff,
  listUsers,
  type Page,
  revokeUserSessions,
  setUserBanned,
} from "./staff/staff.ts";
export {
  type SliceOutcome,
  type SyncAttemptIdentity,
  type SyncDeps,
  type SyncLog,
  type SyncRunUpdate,
  workOnSyncRun,
} from "./sync/execute.ts";
export {
  type AccountSyncState,
  accountSyncState,
  planSync,
  progressAfter,
  type SyncMode,
  type SyncStep,
  syncPlan,
} from "./sync/plan.ts";
export { rebuildRollups } from "./sync/rollups.ts";
export {
  backfillNewAccounts,
  enqueueSyncJob,
  type ListSyncRunsInput,
  listActiveSyncRuns,
  listSyncRuns,
  type PresentedSyncRun,
  presentRun,
  requestSync,
  type SyncRequest,
  type SyncRunView,
  syncNow,
  syncQueue,
  syncRunView,
  totalRows,
} from "./sync/runs.ts";
export { localHour, nightlySyncHour, scheduleDueSyncs, spreadOffsetMs } from "./sync/schedule.ts";
export { backoffMs, defaultSyncSettings, type SyncSettings } from "./sync/settings.ts";
/** The sync's bulk writer of daily metrics, exported for `bench:sync`. */
export { upsertAdMetrics } from "./sync/store/ads.ts";
export { type ListWorkersInput, listWorkers } from "./system/list-workers.ts";
export { type HeartbeatInput, recordHeartbeat } from "./system/record-heartbeat.ts";
export {
  getLatestHeartbeat,
  getReadiness,
  getSystemStatus,
  type Readiness,
  type SystemStatus,
  type WorkerHeartbeatView,
} from "./system/system-status.ts";
