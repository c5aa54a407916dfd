export {
  type ClientConfig,
  type Context,
  createContext,
  type RequestInfo,
  type ServerDeps,
  type SignedInUser,
  type Viewer,
} from "./context.ts";
export { type AppRouter, appRouter, createCaller } from "./root.ts";
export { createCallerFactory, type FieldErrors, type ProcedureMeta, router, shopProcedure } from "./trpc.ts";
