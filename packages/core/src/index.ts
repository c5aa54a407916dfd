export { AppError, type AppErrorCode } from "./errors.ts";
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
