import { onTestFinished, vi } from "vitest";

export type TrpcHandler = (input: unknown) => unknown;

export interface TrpcCall {
  path: string;
  input: unknown;
}

/**
 * Answers the tRPC calls of the harness's client (it calls the global `fetch`) with
 * `handlers[path](input)`; a path without a handler fails with a 500. Returns every call
 * made, so a test can also assert that nothing was requested.
 */
export function stubTrpc(handlers: Record<string, TrpcHandler> = {}): TrpcCall[] {
  const calls: TrpcCall[] = [];
  vi.stubGlobal("fetch", async (url: string | URL, init?: RequestInit) => {
    const address = new URL(String(url));
    const paths = decodeURIComponent(address.pathname.replace(/^.*\/trpc\//, "")).split(",");
    const inputs = JSON.parse(
      typeof init?.body === "string" ? init.body : (address.searchParams.get("input") ?? "{}"),
    ) as Record<string, { json?: unknown } | undefined>;
    const answers = paths.map((path, index) => {
      const input = inputs[index]?.json;
      calls.push({ path, input });
      const handler = handlers[path];
      if (!handler) return failure(path);
      return { result: { data: toSuperjson(handler(input)) } };
    });
    return new Response(JSON.stringify(answers), { headers: { "content-type": "application/json" } });
  });
  onTestFinished(() => {
    vi.unstubAllGlobals();
  });
  return calls;
}

function failure(path: string) {
  return {
    error: {
      json: {
        message: `No stub for ${path}`,
        code: -32603,
        data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, path },
      },
    },
  };
}

/** superjson's wire format for the values these tests send: plain JSON plus `Date`s. */
function toSuperjson(value: unknown) {
  const dates: Record<string, ["Date"]> = {};
  // Dates become ISO strings (their toJSON); the meta tells the client which to revive.
  const json = JSON.parse(JSON.stringify(value ?? null)) as unknown;
  collectDates(value, [], dates);
  return Object.keys(dates).length > 0 ? { json, meta: { values: dates, v: 1 } } : { json };
}

function collectDates(value: unknown, path: string[], dates: Record<string, ["Date"]>) {
  if (value instanceof Date) dates[path.join(".")] = ["Date"];
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) collectDates(child, [...path, key], dates);
  }
}
