export { createSandbox, defaultSeed, type Sandbox, type SandboxOptions } from "./app.ts";
export { sandboxApps } from "./apps.ts";
export * from "./dataset/index.ts";
export { type Faults, faultsSchema } from "./faults.ts";
export {
  platformCredentialVariables,
  sandboxCredentialEnv,
  sandboxPlatformEnv,
  sandboxRoutes,
} from "./hosts.ts";
export { type SandboxPlatform, sandboxPlatforms } from "./platform.ts";
export type { LoggedRequest } from "./request-log.ts";
