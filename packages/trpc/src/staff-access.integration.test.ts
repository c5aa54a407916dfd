import { createTestDatabase, snapshotTables, type TestDatabase } from "@omnify/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { appRouter } from "./root.ts";
import {
  callByPath,
  contextFor,
  createTwoShops,
  createUser,
  exampleInput,
  listProcedures,
} from "./testing/index.ts";

let database: TestDatabase;
let shops: Awaited<ReturnType<typeof createTwoShops>>;

beforeAll(async () => {
  database = await createTestDatabase();
  shops = await createTwoShops(database.db, "staff");
});
afterAll(async () => {
  await database?.drop();
});

const staffProcedures = () => listProcedures(appRouter).filter((procedure) => procedure.kind === "staff");

async function errorCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `threw ${String(error)}`;
  }
}

it("every staff procedure refuses a signed-in shop owner with FORBIDDEN, and writes nothing", async () => {
  const procedures = staffProcedures();
  expect(procedures.length).toBeGreaterThanOrEqual(8);
  const before = await snapshotTables(database.db);
  const answers: Record<string, string> = {};
  for (const procedure of procedures) {
    const input = exampleInput(procedure, { userId: shops.ownerA.id, shopId: shops.shopA.id });
    answers[procedure.path] = await errorCodeOf(
      callByPath(appRouter, contextFor(database.db, shops.ownerB), procedure.path, input),
    );
  }
  expect(answers).toEqual(Object.fromEntries(procedures.map((procedure) => [procedure.path, "FORBIDDEN"])));
  expect(await snapshotTables(database.db)).toEqual(before);
});

it("every staff procedure asks an anonymous caller to sign in", async () => {
  for (const procedure of staffProcedures()) {
    const code = await errorCodeOf(callByPath(appRouter, contextFor(database.db, null), procedure.path, {}));
    expect({ path: procedure.path, code }).toEqual({ path: procedure.path, code: "UNAUTHORIZED" });
  }
});

it("staff get answers from the same procedures", async () => {
  const staff = await createUser(database.db, "ops@omnify.test", { staff: true });
  const users = (await callByPath(appRouter, contextFor(database.db, staff), "admin.listUsers", {
    limit: 50,
  })) as {
    items: { email: string }[];
  };
  expect(users.items.map((user) => user.email)).toContain(shops.ownerA.email);
});
