import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { createQueryClient, describeError, shouldRetry } from "./query-client.ts";

function trpcError(httpStatus: number | undefined, message = "Nope"): TRPCClientError<never> {
  const result =
    httpStatus === undefined ? undefined : { error: { message, code: -32600, data: { httpStatus } } };
  return new TRPCClientError(message, { result: result as never });
}

describe("shouldRetry", () => {
  it("does not retry answers that will not change (4xx)", () => {
    for (const status of [400, 401, 403, 404, 429]) expect(shouldRetry(0, trpcError(status))).toBe(false);
  });

  it("retries server errors and network failures twice", () => {
    for (const error of [
      trpcError(500),
      trpcError(503),
      trpcError(undefined),
      new TypeError("Failed to fetch"),
    ]) {
      expect([0, 1, 2].map((failures) => shouldRetry(failures, error))).toEqual([true, true, false]);
    }
  });
});

describe("createQueryClient", () => {
  it("sets the shared defaults", () => {
    const queries = createQueryClient().getDefaultOptions().queries;
    expect(queries?.staleTime).toBe(30_000);
    expect(queries?.retry).toBe(shouldRetry);
    expect(queries?.refetchOnWindowFocus).toBe(false);
  });
});

describe("describeError", () => {
  it("passes on the server's message and explains a failed connection", () => {
    expect(describeError(trpcError(400, "Name is required"))).toBe("Name is required");
    expect(describeError(trpcError(undefined, "fetch failed"))).toMatch(/could not reach the server/i);
  });

  it("keeps a bug's message to the console", () => {
    expect(describeError(new TypeError("x is undefined"))).not.toContain("x is undefined");
  });
});
