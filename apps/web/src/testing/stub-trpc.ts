/**
 * Answers the app's tRPC requests in a test, the way the API would (superjson-wrapped, batched),
 * so that mutations and server errors can be exercised without a server.
 */
import { onTestFinished, vi } from "vitest";

export type StubAnswer =
  | { data: unknown }
  | { error: { code: keyof typeof jsonRpcCodes; message: string; fieldErrors?: Record<string, string[]> } };

const jsonRpcCodes = {
  BAD_REQUEST: [-32600, 400],
  UNAUTHORIZED: [-32001, 401],
  FORBIDDEN: [-32003, 403],
  NOT_FOUND: [-32004, 404],
  CONFLICT: [-32009, 409],
} as const;

export interface StubCall {
  path: string;
  input: unknown;
}

/** Replaces `fetch` until the test ends; returns the calls made, in order. */
export function stubTrpc(answer: (call: StubCall) => StubAnswer): StubCall[] {
  const calls: StubCall[] = [];
  vi.stubGlobal("fetch", async (resource: string | URL | Request, init?: RequestInit) => {
    const url = new URL(resource instanceof Request ? resource.url : String(resource));
    const paths = decodeURIComponent(url.pathname.replace(/^.*\/trpc\//, "")).split(",");
    const inputs: Record<string, { json?: unknown } | undefined> = JSON.parse(
      init?.method === "POST" ? String(init.body ?? "{}") : (url.searchParams.get("input") ?? "{}"),
    );
    const results = paths.map((path, index) => {
      const call = { path, input: inputs[String(index)]?.json };
      calls.push(call);
      const outcome = answer(call);
      if ("data" in outcome) return { result: { data: withDates(outcome.data) } };
      const [code, httpStatus] = jsonRpcCodes[outcome.error.code];
      const { message, fieldErrors } = outcome.error;
      return {
        error: { json: { message, code, data: { code: outcome.error.code, httpStatus, path, fieldErrors } } },
      };
    });
    // A lone failed call gets its own status; batches answer 200 and carry one per item.
    const [only] = results;
    const status = results.length === 1 ? (only?.error?.json.data.httpStatus ?? 200) : 200;
    return new Response(JSON.stringify(results), { status, headers: { "content-type": "application/json" } });
  });
  onTestFinished(() => {
    vi.unstubAllGlobals();
  });
  return calls;
}

/**
 * superjson's wire form of `data`: Dates travel as ISO strings, and `meta` names where they
 * were (dotted paths), so the client revives them as the API's answers would be.
 */
function withDates(data: unknown): { json: unknown; meta?: { values: Record<string, ["Date"]> } } {
  const values: Record<string, ["Date"]> = {};
  const walk = (value: unknown, path: string[]): unknown => {
    if (value instanceof Date) {
      values[path.join(".")] = ["Date"];
      return value.toISOString();
    }
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, String(index)]));
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, walk(item, [...path, key])]),
      );
    }
    return value;
  };
  const json = walk(data, []);
  return Object.keys(values).length > 0 ? { json, meta: { values } } : { json };
}
