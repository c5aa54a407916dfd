import { describe, expect, it } from "vitest";
import { useSandbox } from "./sandbox-server.ts";

describe("the sandbox behind MSW", () => {
  const { sandbox } = useSandbox();

  it("answers the sandbox's own origin and the control API", async () => {
    const response = await fetch(`${sandbox.publicUrl}/__sandbox/health`);
    expect(await response.json()).toEqual({ ok: true, seed: 42 });
  });

  it("routes a real platform host to the sandbox", async () => {
    const response = await fetch("https://graph.facebook.com/v25.0/no-such-path");
    expect(response.status).toBe(404);
    expect(sandbox.context.log.list()).toEqual([]);
  });
});
