import { createOrPromoteStaff, ensurePasswordUser } from "@omnify/auth";
import { createShop } from "@omnify/core";
import { createTestDatabase, snapshotTables, type TestDatabase } from "@omnify/db/testing";
import { appRouter } from "@omnify/trpc";
import { exampleInput, inputFields, isValidInput, listProcedures } from "@omnify/trpc/testing";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestServer, callTrpc, sessionCookie, signIn } from "./testing/test-server.ts";

const runsPerProcedure = 200;

let database: TestDatabase;
let app: FastifyInstance;
let cookies: Record<"authed" | "shop" | "staff", string>;
let shopId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildTestServer(database.db);
  const password = "fuzz-password-1";
  const owner = await ensurePasswordUser(database.db, {
    email: "fuzz-owner@example.com",
    name: "Owner",
    password,
  });
  const shop = await createShop(
    database.db,
    { userId: owner.id, email: "fuzz-owner@example.com", ip: null, userAgent: null },
    { emailVerified: true },
    { name: "Fuzzed Shop", currency: "USD", timeZone: "UTC", persona: "founder" },
  );
  shopId = shop.id;
  await createOrPromoteStaff(database.db, { email: "fuzz-staff@omnify.test", name: "Staff", password });
  const cookieOf = async (email: string) =>
    sessionCookie((await signIn(app, { email, password })).headers["set-cookie"]);
  const ownerCookie = await cookieOf("fuzz-owner@example.com");
  cookies = { authed: ownerCookie, shop: ownerCookie, staff: await cookieOf("fuzz-staff@omnify.test") };
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** Inputs tRPC must reject: anything at all, or a valid input with one field broken or missing. */
function malformedInputs(valid: Record<string, unknown>, keys: string[]) {
  const arbitraries: fc.Arbitrary<unknown>[] = [fc.jsonValue()];
  if (keys.length) {
    arbitraries.push(
      fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([key, value]) => ({ ...valid, [key]: value })),
      fc
        .constantFrom(...keys)
        .map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    );
  }
  return fc.oneof(...arbitraries);
}

const procedures = listProcedures(appRouter).filter((procedure) => procedure.inputs.length > 0);

it.each(procedures.map((procedure) => [procedure.path, procedure] as const))(
  "%s answers malformed input with a 4xx and field errors, never a 500, and writes nothing",
  async (_path, procedure) => {
    const valid = exampleInput(procedure, { shopId });
    const cookie = procedure.kind === "public" ? undefined : cookies[procedure.kind ?? "authed"];
    const before = await snapshotTables(database.db, { except: ["rate_limits"] });
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        malformedInputs(valid, Object.keys(inputFields(procedure))).filter(
          (input) => !isValidInput(procedure, input),
        ),
        async (input) => {
          cases += 1;
          const response = await callTrpc(app, {
            path: procedure.path,
            type: procedure.type as "query",
            input,
            cookie,
          });
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          const fieldErrors = response.body.error?.json?.data?.fieldErrors;
          expect(Object.keys(fieldErrors ?? {}).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: runsPerProcedure },
    );
    expect(cases).toBeGreaterThanOrEqual(runsPerProcedure);
    expect(await snapshotTables(database.db, { except: ["rate_limits"] })).toEqual(before);
  },
  120_000,
);
