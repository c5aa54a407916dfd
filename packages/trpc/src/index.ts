export { type ClientConfig, type Context, createContext, type ServerDeps, type Viewer } from "./context.ts";
export { type AppRouter, appRouter, createCaller } from "./root.ts";
export type { FieldErrors } from "./trpc.ts";
