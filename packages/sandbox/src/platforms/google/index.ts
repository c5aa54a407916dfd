import { Hono } from "hono";
import type { SandboxContext, SandboxEnv } from "../../platform.ts";

export function googleRoutes(_context: SandboxContext): Hono<SandboxEnv> {
  return new Hono<SandboxEnv>();
}
