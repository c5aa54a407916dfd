import { createSandbox, type Faults, type Sandbox } from "@omnify/sandbox";
import { sandboxHandlers } from "@omnify/sandbox/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";

/** A fixed moment for contract tests: 10:00 in New York, 07:00 in Los Angeles, 15:00 UTC. */
export const testNow = new Date("2026-11-22T15:00:00Z");

/**
 * Starts MSW in front of a fresh sandbox for the calling test file: requests
 * to the real platforms' hosts are answered by the sandbox, anything else
 * fails the test. Faults and handler overrides reset after each test.
 */
export function useSandbox(options: { now?: () => Date } = {}): {
  sandbox: Sandbox;
  server: ReturnType<typeof setupServer>;
} {
  const sandbox = createSandbox({
    publicUrl: "https://sandbox.omnify.test",
    now: options.now ?? (() => testNow),
  });
  const server = setupServer(...sandboxHandlers(sandbox));
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    sandbox.setFaults({});
    sandbox.context.log.clear();
  });
  afterAll(() => server.close());
  return { sandbox, server };
}

export type { Faults };
