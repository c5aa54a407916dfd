import { Hono } from "hono";
import type { SandboxContext, SandboxEnv } from "../../platform.ts";

export function shopifyRoutes(_context: SandboxContext): Hono<SandboxEnv> {
  return new Hono<SandboxEnv>();
}
